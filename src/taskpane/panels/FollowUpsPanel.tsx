import {
  Badge,
  Body1,
  Button,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { PanelProps } from "../panelProps";
import { FieldRow, NoticeBar, Section, SelectField, TableField, TaskStatus, detectColumn, headersOf, validOr } from "../components";
import { distinctValues, normalizeText, serialToIso, todaySerial } from "../engineBridge";
import { dueFollowUps, type FollowUp } from "../followUps";
import { useI18n, useTableData, useTask, useWorkbookSettings } from "../hooks";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  item: { listStyleType: "none" },
  card: {
    width: "100%",
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    rowGap: tokens.spacingVerticalXXS,
    textAlign: "start",
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightRegular,
  },
  cardTop: { display: "flex", justifyContent: "space-between", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  company: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}` },
  summary: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

interface FollowUpSettings {
  table: string;
  dateColumn: string;
  companyColumn: string;
  ownerColumn: string;
  stageColumn: string;
  outcomeColumn: string;
  owner: string;
}

export function FollowUpsPanel({ ops, tables }: PanelProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const task = useTask();
  const names = tables.map((x) => x.name);
  const [s, update] = useWorkbookSettings<FollowUpSettings>(ops, "followups", {
    table: "",
    dateColumn: "",
    companyColumn: "",
    ownerColumn: "",
    stageColumn: "",
    outcomeColumn: "",
    owner: "",
  });
  const table = validOr(
    s.table,
    names,
    tables.find((x) => detectColumn(x.headers, ["NextFollowUp", "下次跟进", "Next follow-up", "Follow up", "跟进日期"]) !== "")?.name ?? names[0] ?? "",
  );
  const headers = headersOf(tables, table);
  const dateColumn = validOr(s.dateColumn, headers, detectColumn(headers, ["NextFollowUp", "下次跟进", "Next follow-up", "Follow-up date", "跟进日期"]));
  const companyColumn = validOr(s.companyColumn, headers, detectColumn(headers, ["Company", "公司", "Account", "客户"]) || headers[0] || "");
  const ownerColumn = s.ownerColumn === "-" ? "" : validOr(s.ownerColumn, headers, detectColumn(headers, ["Owner", "负责人", "Sales rep", "销售"]));
  const stageColumn = s.stageColumn === "-" ? "" : validOr(s.stageColumn, headers, detectColumn(headers, ["Stage", "阶段"]));
  const outcomeColumn = s.outcomeColumn === "-" ? "" : validOr(s.outcomeColumn, headers, detectColumn(headers, ["Outcome", "结果"]));
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<number | undefined>();

  const columns = useMemo(
    () => [...new Set([dateColumn, companyColumn, ownerColumn, stageColumn, outcomeColumn].filter((c) => c !== ""))],
    [dateColumn, companyColumn, ownerColumn, stageColumn, outcomeColumn],
  );
  const data = useTableData(ops, table && dateColumn ? table : undefined, columns, version);
  const all = useMemo(
    () =>
      data.data
        ? dueFollowUps(data.data.columns, { date: dateColumn, company: companyColumn, owner: ownerColumn, stage: stageColumn, outcome: outcomeColumn }, todaySerial())
        : [],
    [data.data, dateColumn, companyColumn, ownerColumn, stageColumn, outcomeColumn],
  );
  const owners = useMemo(() => distinctValues(all.map((f) => f.owner)), [all]);
  const owner = validOr(s.owner, owners, "");
  const shown = owner ? all.filter((f) => normalizeText(f.owner) === normalizeText(owner)) : all;

  const select = (item: FollowUp) => {
    setSelected(item.row);
    void task.run(() => ops.selectTableRow(table, item.row));
  };

  return (
    <>
      <Section title={t("followups.setupTitle")}>
        <FieldRow>
          <TableField label={t("common.table")} tables={tables} value={table} onChange={(v) => update({ table: v })} />
          <SelectField label={t("followups.dateColumn")} value={dateColumn} options={headers} onChange={(v) => update({ dateColumn: v })} />
          <SelectField label={t("followups.companyColumn")} value={companyColumn} options={headers} onChange={(v) => update({ companyColumn: v })} />
        </FieldRow>
        <FieldRow>
          <SelectField label={t("followups.ownerColumn")} value={ownerColumn} options={headers} allowNone onChange={(v) => update({ ownerColumn: v === "" ? "-" : v })} />
          <SelectField label={t("followups.stageColumn")} value={stageColumn} options={headers} allowNone onChange={(v) => update({ stageColumn: v === "" ? "-" : v })} />
          <SelectField
            label={t("followups.outcomeColumn")}
            value={outcomeColumn}
            options={headers}
            allowNone
            onChange={(v) => update({ outcomeColumn: v === "" ? "-" : v })}
          />
        </FieldRow>
        <NoticeBar notice={data.error ? { intent: "error", text: data.error } : undefined} />
      </Section>

      <Section
        title={t("followups.listTitle")}
        actions={
          <Button size="small" onClick={() => setVersion((v) => v + 1)}>
            {t("followups.refresh")}
          </Button>
        }
      >
        <FieldRow>
          <SelectField
            label={t("followups.ownerFilter")}
            value={owner}
            options={owners}
            allowNone
            noneLabel={t("followups.allOwners")}
            onChange={(v) => update({ owner: v })}
          />
        </FieldRow>
        <div className={styles.summary} role="status">
          <Badge appearance="filled" color={shown.length > 0 ? "danger" : "success"}>
            {shown.length}
          </Badge>
          <Body1>{t("followups.count", { count: shown.length })}</Body1>
        </div>
        {!dateColumn ? (
          <Body1>{t("followups.pickDate")}</Body1>
        ) : shown.length === 0 ? (
          <Body1>{t("followups.none")}</Body1>
        ) : (
          <ul className={styles.list} aria-label={t("followups.listTitle")}>
            {shown.map((item) => (
              <li key={item.row} className={styles.item}>
                <Button
                  appearance="subtle"
                  className={mergeClasses(styles.card, item.row === selected && styles.selected)}
                  onClick={() => select(item)}
                  aria-pressed={item.row === selected}
                  aria-label={t("followups.selectRow", { company: item.company || String(item.row + 1) })}
                >
                  <span className={styles.cardTop}>
                    <span className={styles.company}>{item.company || t("followups.rowN", { n: item.row + 1 })}</span>
                    <Badge appearance="tint" color={item.overdueDays === 0 ? "warning" : "danger"}>
                      {item.overdueDays === 0 ? t("followups.today") : t("followups.daysOverdue", { days: item.overdueDays })}
                    </Badge>
                  </span>
                  <span className={styles.meta}>
                    {[item.owner, item.stage, t("followups.dueOn", { date: serialToIso(item.due) })].filter((x) => x !== "").join(" · ")}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        )}
        <TaskStatus task={task} />
      </Section>
    </>
  );
}
