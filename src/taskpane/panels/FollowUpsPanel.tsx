import {
  Badge,
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { formatCount } from "../../i18n";
import {
  FieldRow,
  Hint,
  NoticeBar,
  ProgressLine,
  Section,
  SelectField,
  TableField,
  TaskStatus,
  detectColumn,
  headersOf,
  useConfirm,
  validOr,
} from "../components";
import { distinctValues, normalizeText, serialToIso, todaySerial, ymdToSerial } from "../engineBridge";
import { UPCOMING_DAYS, dueFollowUps, type FollowUp } from "../followUps";
import { useI18n, useTableData, useTask, useWorkbookSettings } from "../hooks";
import { inSlices, useSliced } from "../slices";
import { RowChangedError, type CellValue } from "../../excel/types";
import { FromMapping, useMappedColumns, useMappedTable } from "../mappedColumns";
import type { PanelProps } from "../panelProps";

const useStyles = makeStyles({
  listbox: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    outlineStyle: "none",
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.strokeWidthThick,
    },
  },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  groupTitle: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    paddingTop: tokens.spacingVerticalS,
  },
  option: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `${tokens.strokeWidthThickest} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  // The item the keyboard is on (the listbox's active descendant) while the list has focus.
  active: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  // The item selected in the workbook: brand colours, a thick bar on the left and a check mark.
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  top: { display: "flex", justifyContent: "space-between", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  company: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", minWidth: 0 },
  check: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightBold },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  summary: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  columnsSummary: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  badge: { flexShrink: 0 },
  // What to do with the selected follow-up: kept in view at the bottom of the pane while the list scrolls.
  actions: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
  },
  actionsTitle: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-12-10" (what a date input gives) → serial; undefined for "" or anything else. */
function isoToSerial(text: string): number | undefined {
  const m = ISO_DATE.exec(text.trim());
  return m ? ymdToSerial(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

interface FollowUpSettings {
  table: string;
  dateColumn: string;
  companyColumn: string;
  ownerColumn: string;
  stageColumn: string;
  outcomeColumn: string;
  lastContactColumn: string;
  owner: string;
}

/** Items rendered per group before "Show more": a 60,000-row table can have thousands due. */
const PAGE = 100;

export function FollowUpsPanel({ ops, tables, openPanel }: PanelProps) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const task = useTask();
  const ids = useId("followups-");
  const names = tables.map((x) => x.name);
  const [s, update] = useWorkbookSettings<FollowUpSettings>(ops, "followups", {
    table: "",
    dateColumn: "",
    companyColumn: "",
    ownerColumn: "",
    stageColumn: "",
    outcomeColumn: "",
    lastContactColumn: "",
    owner: "",
  });
  // Map once: what the mapping settles is not asked for here (see mappedColumns.tsx).
  const mappedTable = useMappedTable("deals", names);
  const table =
    mappedTable ??
    validOr(
      s.table,
      names,
      tables.find(
        (x) => detectColumn(x.headers, ["NextFollowUp", "下次跟进", "Next follow-up", "Follow up", "跟进日期"]) !== "",
      )?.name ??
        names[0] ??
        "",
    );
  const headers = headersOf(tables, table);
  const fromMapping = useMappedColumns(table, headers);
  const dateColumn =
    fromMapping.column("nextFollowUp") ??
    validOr(
      s.dateColumn,
      headers,
      detectColumn(headers, ["NextFollowUp", "下次跟进", "Next follow-up", "Follow-up date", "跟进日期"]),
    );
  const companyColumn =
    fromMapping.column("company") ??
    validOr(
      s.companyColumn,
      headers,
      detectColumn(headers, ["Company", "公司", "Account", "客户"]) || headers[0] || "",
    );
  const ownerColumn = fromMapping.pick(
    "owner",
    s.ownerColumn === "-"
      ? ""
      : validOr(s.ownerColumn, headers, detectColumn(headers, ["Owner", "负责人", "Sales rep", "销售"])),
  );
  const stageColumn = fromMapping.pick(
    "stage",
    s.stageColumn === "-" ? "" : validOr(s.stageColumn, headers, detectColumn(headers, ["Stage", "阶段"])),
  );
  const outcomeColumn = fromMapping.pick(
    "outcome",
    s.outcomeColumn === "-" ? "" : validOr(s.outcomeColumn, headers, detectColumn(headers, ["Outcome", "结果"])),
  );
  // Where Mark done records the contact: the mapping's last-contact column, else one found by name.
  const lastContactColumn = fromMapping.pick(
    "lastContact",
    s.lastContactColumn === "-"
      ? ""
      : validOr(
          s.lastContactColumn,
          headers,
          detectColumn(headers, ["LastContact", "Last contact", "Last contacted", "最近联系", "最近联系时间"]),
        ),
  );
  const mapped = table !== "" && dateColumn !== "" && companyColumn !== "";
  // The list comes first; the column mapping is one click away once the columns are known.
  const [columnsOpen, setColumnsOpen] = useState<boolean | undefined>();
  const showColumns = columnsOpen ?? !mapped;
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<number | undefined>();
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  const [pages, setPages] = useState({ due: 1, upcoming: 1 });
  const [nextDate, setNextDate] = useState("");
  const { confirm, dialog } = useConfirm();

  const columns = useMemo(
    () => [
      ...new Set(
        [dateColumn, companyColumn, ownerColumn, stageColumn, outcomeColumn, lastContactColumn].filter((c) => c !== ""),
      ),
    ],
    [dateColumn, companyColumn, ownerColumn, stageColumn, outcomeColumn, lastContactColumn],
  );
  const data = useTableData(ops, table && dateColumn ? table : undefined, columns, version);
  const today = todaySerial();
  const reads = useRef(0);
  const dataVersion = useMemo(() => (data.data ? ++reads.current : 0), [data.data]);
  const map = {
    date: dateColumn,
    company: companyColumn,
    owner: ownerColumn,
    stage: stageColumn,
    outcome: outcomeColumn,
  };
  // Found in slices: a 60,000-row table must not freeze the pane.
  const listState = useSliced(
    data.data ? JSON.stringify([dataVersion, map, today]) : undefined,
    async (signal, onProgress) => {
      const table = data.data!;
      const out: FollowUp[] = [];
      await inSlices(
        table.rowCount,
        (start, end) => {
          const part: Record<string, CellValue[]> = {};
          for (const c of columns) part[c] = (table.columns[c] ?? []).slice(start, end);
          for (const f of dueFollowUps(part, map, today, UPCOMING_DAYS)) out.push({ ...f, row: f.row + start });
        },
        { signal, onProgress, size: 10_000 },
      );
      return out.sort((a, b) => a.due - b.due || a.row - b.row);
    },
  );
  const all = useMemo(() => (listState.status === "done" ? listState.value : []), [listState]);
  const owners = useMemo(() => distinctValues(all.map((f) => f.owner)), [all]);
  const owner = validOr(s.owner, owners, "");
  const shown = owner ? all.filter((f) => normalizeText(f.owner) === normalizeText(owner)) : all;
  const due = shown.filter((f) => f.overdueDays >= 0);
  const upcoming = shown.filter((f) => f.overdueDays < 0);
  const dueShown = due.slice(0, pages.due * PAGE);
  const upcomingShown = upcoming.slice(0, pages.upcoming * PAGE);
  const options = [...dueShown, ...upcomingShown];
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));
  const optionId = (item: FollowUp) => `${ids}row-${item.row}`;
  const listRef = useRef<HTMLDivElement>(null);

  const select = (item: FollowUp) => {
    if (item.row !== selected) setNextDate("");
    setSelected(item.row);
    void task.run(() => ops.selectTableRow(table, item.row), undefined, "select");
  };

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(options.length - 1, index));
    setActive(next);
    const item = options[next];
    if (item) listRef.current?.querySelector(`#${CSS.escape(optionId(item))}`)?.scrollIntoView?.({ block: "nearest" });
  };

  // One Tab stop for the whole list; the arrow keys move through it (WAI-ARIA listbox pattern).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (options.length === 0) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      Home: () => moveTo(0),
      End: () => moveTo(options.length - 1),
      PageDown: () => moveTo(activeIndex + 10),
      PageUp: () => moveTo(activeIndex - 10),
      Enter: () => select(options[activeIndex]),
      " ": () => select(options[activeIndex]),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const dueText = (item: FollowUp): string =>
    item.overdueDays > 0
      ? t("followups.daysOverdue", { days: formatCount(language, item.overdueDays) })
      : item.overdueDays === 0
        ? t("followups.today")
        : item.overdueDays === -1
          ? t("followups.tomorrow")
          : t("followups.inDays", { days: formatCount(language, -item.overdueDays) });

  const renderOption = (item: FollowUp, index: number) => {
    const isSelected = item.row === selected;
    return (
      <div
        key={item.row}
        id={optionId(item)}
        role="option"
        aria-selected={isSelected}
        className={mergeClasses(
          styles.option,
          isSelected && styles.selected,
          focused && index === activeIndex && styles.active,
        )}
        onClick={() => {
          setActive(index);
          select(item);
        }}
      >
        <span className={styles.top}>
          <span className={styles.company}>
            {isSelected ? (
              <span className={styles.check} aria-hidden="true">
                ✓{" "}
              </span>
            ) : null}
            {item.company || t("followups.rowN", { n: formatCount(language, item.row + 1) })}
          </span>
          <Badge
            className={styles.badge}
            appearance="tint"
            color={item.overdueDays > 0 ? "danger" : item.overdueDays === 0 ? "warning" : "informative"}
          >
            {dueText(item)}
          </Badge>
        </span>
        <span className={styles.meta}>
          {[item.owner, item.stage, t("followups.dueOn", { date: serialToIso(item.due) })]
            .filter((x) => x !== "")
            .join(" · ")}
        </span>
      </div>
    );
  };

  const selectedItem = options.find((item) => item.row === selected);
  // Mark done / Reschedule is running or has a result to show (kept in view until dismissed).
  const acting = task.origin === "followup" && (task.notice !== undefined || task.running);
  const nextSerial = isoToSerial(nextDate);
  const shownValue = (value: CellValue | undefined): string =>
    value === null || value === undefined || value === ""
      ? t("followups.blank")
      : typeof value === "number"
        ? serialToIso(value)
        : String(value);

  /**
   * Mark done (last contact := today; next follow-up := the picked date or blank) or reschedule (next follow-up :=
   * the picked date): the exact cells are shown and confirmed, then written only if the row still holds what the
   * list showed (the layer re-checks), and the list is read again so a done item leaves it.
   */
  const act = async (kind: "done" | "reschedule") => {
    const item = selectedItem;
    const body = data.data;
    if (!item || !body) return;
    const at = (column: string): CellValue => body.columns[column]?.[item.row] ?? "";
    const set: Record<string, CellValue> = {};
    if (kind === "done" && lastContactColumn) set[lastContactColumn] = today;
    set[dateColumn] = kind === "done" ? (nextSerial ?? "") : nextSerial!;
    const expect: Record<string, CellValue> = { [companyColumn]: at(companyColumn) };
    for (const column of Object.keys(set)) expect[column] = at(column);
    const lines = Object.keys(set).map((column) =>
      t("followups.change", { column, from: shownValue(at(column)), to: shownValue(set[column]) }),
    );
    const company = item.company || t("followups.rowN", { n: formatCount(language, item.row + 1) });
    const answer = await confirm({
      title: t(kind === "done" ? "followups.confirmDoneTitle" : "followups.confirmRescheduleTitle", { company }),
      message: t("followups.confirmMessage", { company, table }),
      details: lines,
      confirmLabel: t("followups.confirmWrite", { count: formatCount(language, lines.length) }),
    });
    // Declined: nothing was written, so nothing is reported.
    if (answer !== "confirm") return;
    await task.run(
      async () => {
        try {
          await ops.updateRowCells(table, { row: item.row, expect, set, dateFormat: "yyyy-mm-dd" });
          return undefined;
        } catch (error) {
          if (error instanceof RowChangedError) return error;
          throw error;
        } finally {
          setVersion((v) => v + 1);
        }
      },
      (refused) =>
        refused
          ? {
              intent: "warning" as const,
              text: t(
                refused.reason === "changed"
                  ? "followups.rowChanged"
                  : refused.reason === "formula"
                    ? "followups.rowFormula"
                    : "followups.rowMissing",
                { company, columns: refused.columns.join(", ") },
              ),
            }
          : t(kind === "done" ? "followups.marked" : "followups.rescheduled", {
              company,
              changes: lines.join(language === "zh-CN" ? "；" : "; "),
            }),
      "followup",
    );
  };

  const dueTitleId = `${ids}due`;
  const upcomingTitleId = `${ids}upcoming`;

  return (
    <>
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
          <Badge appearance="filled" color={due.length > 0 ? "danger" : "success"}>
            {formatCount(language, due.length)}
          </Badge>
          <Body1>
            {t("followups.countWithUpcoming", {
              count: formatCount(language, due.length),
              upcoming: formatCount(language, upcoming.length),
              days: UPCOMING_DAYS,
            })}
          </Body1>
        </div>
        {dateColumn && options.length > 0 && !selectedItem && !acting ? (
          <Hint>{t("followups.selectToAct")}</Hint>
        ) : null}
        {!dateColumn ? (
          <Body1>{t("followups.pickDate")}</Body1>
        ) : listState.status === "computing" || (data.loading && !data.data) ? (
          <ProgressLine
            label={t("followups.computing")}
            done={listState.status === "computing" ? listState.done : 0}
            total={listState.status === "computing" ? listState.total : 0}
          />
        ) : shown.length === 0 ? (
          <Body1>{t("followups.none")}</Body1>
        ) : (
          <div
            ref={listRef}
            role="listbox"
            tabIndex={0}
            aria-label={t("followups.listTitle")}
            aria-activedescendant={options[activeIndex] ? optionId(options[activeIndex]) : undefined}
            className={styles.listbox}
            onKeyDown={onKeyDown}
            onFocus={() => setFocused(true)}
            onBlur={() => setFocused(false)}
          >
            {due.length > 0 ? (
              <div role="group" aria-labelledby={dueTitleId} className={styles.group}>
                <span id={dueTitleId} role="presentation" className={styles.groupTitle}>
                  {t("followups.dueGroup", { count: formatCount(language, due.length) })}
                </span>
                {dueShown.map((item, i) => renderOption(item, i))}
              </div>
            ) : null}
            {upcoming.length > 0 ? (
              <div role="group" aria-labelledby={upcomingTitleId} className={styles.group}>
                <span id={upcomingTitleId} role="presentation" className={styles.groupTitle}>
                  {t("followups.upcomingGroup", { count: formatCount(language, upcoming.length), days: UPCOMING_DAYS })}
                </span>
                {upcomingShown.map((item, i) => renderOption(item, dueShown.length + i))}
              </div>
            ) : null}
          </div>
        )}
        {dueShown.length < due.length || upcomingShown.length < upcoming.length ? (
          <Button
            size="small"
            onClick={() =>
              setPages((p) =>
                dueShown.length < due.length ? { ...p, due: p.due + 1 } : { ...p, upcoming: p.upcoming + 1 },
              )
            }
          >
            {t("followups.showMore", {
              shown: formatCount(language, options.length),
              total: formatCount(language, shown.length),
            })}
          </Button>
        ) : null}
        <TaskStatus task={task} origin="select" />
        {/* Kept in view at the bottom of the pane (sticky) while an item is selected or its result shows; it covers
            the list under it, as a footer bar does. */}
        {dateColumn && (selectedItem || acting) ? (
          <div className={styles.actions} role="group" aria-labelledby={`${ids}act`}>
            <p id={`${ids}act`} className={styles.actionsTitle}>
              {selectedItem
                ? t("followups.actionsTitle", {
                    company:
                      selectedItem.company || t("followups.rowN", { n: formatCount(language, selectedItem.row + 1) }),
                  })
                : t("followups.selectToAct")}
            </p>
            {selectedItem ? (
              <>
                <Field label={t("followups.nextDate")} hint={t("followups.nextDateHint")}>
                  <Input type="date" value={nextDate} onChange={(_, d) => setNextDate(d.value)} />
                </Field>
                <div className={styles.buttons}>
                  <Button appearance="primary" disabled={task.running} onClick={() => void act("done")}>
                    {t("followups.markDone")}
                  </Button>
                  <Button
                    disabled={task.running || nextSerial === undefined}
                    aria-describedby={nextSerial === undefined ? `${ids}needs-date` : undefined}
                    onClick={() => void act("reschedule")}
                  >
                    {t("followups.reschedule")}
                  </Button>
                </div>
                {nextSerial === undefined ? (
                  <Hint>
                    <span id={`${ids}needs-date`}>{t("followups.rescheduleNeedsDate")}</span>
                  </Hint>
                ) : null}
                {lastContactColumn ? null : <Hint>{t("followups.noLastContact")}</Hint>}
              </>
            ) : null}
            <TaskStatus task={task} origin="followup" />
          </div>
        ) : null}
        {dialog}
      </Section>

      <Section title={t("followups.setupTitle")}>
        {mapped ? (
          <>
            <span className={styles.columnsSummary}>
              {t("followups.columnsSummary", { table, date: dateColumn, company: companyColumn })}
            </span>
            <div>
              <Button size="small" aria-expanded={showColumns} onClick={() => setColumnsOpen(!showColumns)}>
                {showColumns ? t("followups.hideColumns") : t("followups.changeColumns")}
              </Button>
            </div>
          </>
        ) : null}
        {showColumns ? (
          <>
            <FromMapping
              items={[
                [t("common.table"), mappedTable],
                [t("followups.dateColumn"), fromMapping.column("nextFollowUp")],
                [t("followups.companyColumn"), fromMapping.column("company")],
                [t("followups.ownerColumn"), fromMapping.get("owner")],
                [t("followups.stageColumn"), fromMapping.get("stage")],
                [t("followups.outcomeColumn"), fromMapping.get("outcome")],
                [t("followups.lastContactColumn"), fromMapping.get("lastContact")],
              ]}
              openPanel={openPanel}
            />
            <FieldRow>
              {mappedTable ? null : (
                <TableField
                  label={t("common.table")}
                  tables={tables}
                  value={table}
                  onChange={(v) => update({ table: v })}
                />
              )}
              {fromMapping.column("nextFollowUp") ? null : (
                <SelectField
                  label={t("followups.dateColumn")}
                  value={dateColumn}
                  options={headers}
                  onChange={(v) => update({ dateColumn: v })}
                />
              )}
              {fromMapping.column("company") ? null : (
                <SelectField
                  label={t("followups.companyColumn")}
                  value={companyColumn}
                  options={headers}
                  onChange={(v) => update({ companyColumn: v })}
                />
              )}
              {fromMapping.get("owner") !== undefined ? null : (
                <SelectField
                  label={t("followups.ownerColumn")}
                  value={ownerColumn}
                  options={headers}
                  allowNone
                  onChange={(v) => update({ ownerColumn: v === "" ? "-" : v })}
                />
              )}
              {fromMapping.get("stage") !== undefined ? null : (
                <SelectField
                  label={t("followups.stageColumn")}
                  value={stageColumn}
                  options={headers}
                  allowNone
                  onChange={(v) => update({ stageColumn: v === "" ? "-" : v })}
                />
              )}
              {fromMapping.get("outcome") !== undefined ? null : (
                <SelectField
                  label={t("followups.outcomeColumn")}
                  value={outcomeColumn}
                  options={headers}
                  allowNone
                  onChange={(v) => update({ outcomeColumn: v === "" ? "-" : v })}
                />
              )}
              {fromMapping.get("lastContact") !== undefined ? null : (
                <SelectField
                  label={t("followups.lastContactColumn")}
                  value={lastContactColumn}
                  options={headers}
                  allowNone
                  onChange={(v) => update({ lastContactColumn: v === "" ? "-" : v })}
                />
              )}
            </FieldRow>
          </>
        ) : null}
        <NoticeBar notice={data.error ? { intent: "error", text: data.error } : undefined} />
      </Section>
    </>
  );
}
