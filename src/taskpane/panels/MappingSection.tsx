/**
 * Map once (Start panel): the tables and column roles the add-in found, shown for confirmation, corrected here and
 * nowhere else, and saved in the workbook settings. Every panel reads this mapping (src/taskpane/mapping.tsx).
 *
 * Each role is one dropdown of the table's headers (or "None"); its hint says where the choice came from: found
 * from the header, guessed (a weaker match: check it), set by the user, or not found, and names the other headers
 * that matched equally well. Edits apply to every panel at once (the Overview recomputes) and are kept while the
 * user switches panels; "Save mapping" writes them to the workbook, "Discard changes" asks first.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { TableInfo } from "../../excel/types";
import { formatCount, type StringKey, type Translate } from "../../i18n";
import {
  DEAL_ROLE_ORDER,
  SCOPE_ROLES,
  applyCorrection,
  setTable,
  type Ambiguity,
  type MergeResult,
  type SavedMapping,
  type Scope,
  type TableKind,
} from "../../mapping";
import { Hint, Section, SelectField, TaskStatus, useConfirm } from "../components";
import { useI18n, useTask } from "../hooks";
import { useMapping } from "../mapping";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    // Two columns in a 320 px pane, three or more when wider.
    gridTemplateColumns: "repeat(auto-fill, minmax(116px, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  // Top-aligned: a field with a hint is taller than its neighbours, and their boxes stay on one line.
  field: { minWidth: 0, alignSelf: "start" },
  heading: { margin: 0 },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: "wrap" },
  changes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export const TABLE_KIND_ORDER: readonly TableKind[] = ["deals", "rules", "stages", "targets"];

/** The roles of one scope in the order the mapping screen lists them. */
export function rolesOf(scope: Scope): readonly string[] {
  return scope === "deals" ? DEAL_ROLE_ORDER : Object.keys(SCOPE_ROLES[scope]);
}

/** The label of a role ("Owner", "负责人"). */
export function roleLabel(t: Translate, scope: Scope, role: string): string {
  return t(`map.r.${scope}.${role}` as StringKey);
}

/** Where a role's column came from, for its hint. */
export function roleOrigin(
  mapping: SavedMapping,
  merge: MergeResult | undefined,
  scope: Scope,
  role: string,
): "user" | "userNone" | "found" | "check" | "missing" {
  const value = (mapping.columns[scope] as Record<string, string | null | undefined>)[role];
  if (mapping.userSet.includes(`${scope}.${role}`)) return value === null ? "userNone" : "user";
  if (value === undefined || value === null) return "missing";
  const match = merge?.detection[scope]?.roles[role as never] as { confidence?: string; column?: string } | undefined;
  if (match && match.column === value && match.confidence !== "high") return "check";
  return "found";
}

/** Other headers that matched a role as well as the chosen one (a tie detection could not settle). */
function tiedWith(merge: MergeResult | undefined, scope: Scope, role: string, chosen: string | undefined): string[] {
  const ambiguities: readonly Ambiguity[] = merge?.detection[scope]?.ambiguities ?? [];
  const columns = ambiguities.flatMap((a) => (a.kind === "tie" && a.role === role ? a.columns : []));
  return columns.filter((c) => c !== chosen);
}

/** One line per change the last merge found since the mapping was saved (headers gone, renamed, tables gone). */
export function changeLines(t: Translate, merge: MergeResult | undefined): string[] {
  if (!merge) return [];
  const lines: string[] = [];
  for (const c of merge.tableChanges) {
    if (c.missing && c.from)
      lines.push(t("map.changeTableGone", { table: c.from, kind: t(`map.table.${c.kind}` as StringKey) }));
  }
  for (const d of merge.dropped) {
    lines.push(t("map.changeDropped", { column: d.column, role: roleLabel(t, d.scope, d.role) }));
  }
  for (const r of merge.renamed) {
    lines.push(t("map.changeRenamed", { from: r.from, to: r.to, role: roleLabel(t, r.scope, r.role) }));
  }
  for (const c of merge.changed) {
    if (typeof c.to === "string") {
      lines.push(t("map.changeMoved", { role: roleLabel(t, c.scope, c.role), column: c.to }));
    }
  }
  return lines;
}

function RoleFields(props: { scope: Scope; table: TableInfo }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { mapping, merge, edit } = useMapping();
  const { scope, table } = props;
  const columns = mapping.columns[scope] as Record<string, string | null | undefined>;
  return (
    <div className={styles.grid}>
      {rolesOf(scope).map((role) => {
        const value = columns[role];
        const origin = roleOrigin(mapping, merge, scope, role);
        // Headers that matched as well, until the user decides.
        const tied = origin === "user" || origin === "userNone" ? [] : tiedWith(merge, scope, role, value ?? undefined);
        // A column found from its header needs no comment; every other origin says what to check.
        const hint = [
          origin === "found" ? "" : t(`map.origin.${origin}` as StringKey),
          tied.length > 0 ? t("map.tied", { columns: tied.join(", ") }) : "",
        ]
          .filter(Boolean)
          .join(" ");
        return (
          <SelectField
            key={role}
            className={styles.field}
            label={roleLabel(t, scope, role)}
            value={value ?? ""}
            options={table.headers}
            allowNone
            noneLabel={t("map.none")}
            hint={hint || undefined}
            onChange={(v) => edit(applyCorrection(mapping, scope, role as never, v === "" ? null : v).mapping)}
          />
        );
      })}
    </div>
  );
}

export function MappingSection(props: { tables: TableInfo[] }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const { mapping, merge, edit, confirm: save, discard, dirty, loaded, error } = useMapping();
  const task = useTask();
  const { confirm, dialog } = useConfirm();
  const { tables } = props;
  if (!loaded || tables.length === 0) return null;
  const names = tables.map((x) => x.name);
  const changes = changeLines(t, merge);
  const saved = mapping.confirmed && !dirty;
  const scopes: Array<{ scope: Scope; table: TableInfo }> = (["deals", "stages", "targets"] as const).flatMap(
    (scope) => {
      const table = tables.find((x) => x.name === mapping.tables[scope]);
      return table ? [{ scope, table }] : [];
    },
  );
  const entries = mapping.stageEntries;

  const onSave = () =>
    task.run(
      () => save(),
      () => t("map.savedMessage"),
      "mapping",
    );
  const onDiscard = async () => {
    const answer = await confirm({
      title: t("map.discardTitle"),
      message: t("map.discardMessage"),
      confirmLabel: t("map.discard"),
    });
    if (answer !== "confirm") return;
    await task.run(
      () => discard(),
      () => ({ intent: "info", text: t("map.discarded") }),
      "mapping",
    );
  };

  return (
    <Section
      title={t("map.title")}
      actions={
        <Badge appearance="tint" color={saved ? "success" : "warning"}>
          {saved ? t("map.saved") : t("map.notSaved")}
        </Badge>
      }
    >
      <Body1>{saved ? t("map.introSaved") : t("map.intro")}</Body1>
      {changes.length > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t("map.changesTitle")}
            <ul className={styles.changes}>
              {changes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{t("map.error", { message: error })}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Subtitle2 as="h3" className={styles.heading}>
        {t("map.tables")}
      </Subtitle2>
      <div className={styles.grid}>
        {TABLE_KIND_ORDER.map((kind) => (
          <SelectField
            key={kind}
            className={styles.field}
            label={t(`map.table.${kind}` as StringKey)}
            value={mapping.tables[kind] ?? ""}
            options={names}
            allowNone
            noneLabel={t("map.notUsed")}
            onChange={(v) => edit(setTable(mapping, kind, v === "" ? undefined : v, tables))}
          />
        ))}
      </div>
      {/* Columns per table, folded once saved (open at first so the user sees what was found). */}
      <Accordion multiple collapsible defaultOpenItems={saved ? [] : ["deals"]}>
        {scopes.map(({ scope, table }) => {
          const roles = rolesOf(scope);
          const cols = mapping.columns[scope] as Record<string, string | null | undefined>;
          const found = roles.filter((r) => typeof cols[r] === "string").length;
          return (
            <AccordionItem key={scope} value={scope}>
              <AccordionHeader as="h3" size="small" expandIconPosition="end">
                {t("map.columnsOf", {
                  table: table.name,
                  kind: t(`map.table.${scope}` as StringKey),
                  found: formatCount(language, found),
                  total: formatCount(language, roles.length),
                })}
              </AccordionHeader>
              <AccordionPanel>
                <RoleFields scope={scope} table={table} />
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
      {entries.length > 0 ? (
        <Hint>{t("map.stageDates", { list: entries.map((e) => `${e.stage} ← ${e.column}`).join("; ") })}</Hint>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void onSave()} disabled={task.running || saved}>
          {t("map.save")}
        </Button>
        <Button onClick={() => void onDiscard()} disabled={task.running || !dirty}>
          {t("map.discard")}
        </Button>
      </div>
      <TaskStatus task={task} origin="mapping" />
      {dialog}
    </Section>
  );
}
