/**
 * The rules grid's model, its round-trip to a rules table (field | operator | value | points | group | cap), and
 * the check that tells, per rule and per cell, what SALES.LEADSCORE would reject (so the pane can refuse to save
 * or use a table the formulas would turn into errors, and point at the cell to fix).
 */
import type { CellValue } from "../excel/types";
import type { Translate } from "../i18n";
import { isErrorValue, leadScore, normalizeText, parseNumber, parseOperator } from "./engineBridge";

export interface Rule {
  field: string;
  operator: string;
  value: string;
  /** A number, or the text a table held / a user typed that is not one (kept so it can be shown and fixed). */
  points: number | string;
  group: string;
  /** Blank (null), a number, or text that is not a number. */
  cap: number | string | null;
}

export type RuleCell = "field" | "operator" | "value" | "points" | "group" | "cap";

export interface RuleIssue {
  /** 0-based index of the rule in the grid. */
  rule: number;
  cell: RuleCell;
  /** "error": the formulas would fail (the table cannot be saved or used); "warning": it works, but not as written. */
  severity: "error" | "warning";
  message: string;
}

const text = (v: CellValue | undefined): string => (v === undefined || v === null ? "" : String(v));

/** Rules table rows → editable rules (rows with a blank field are skipped, as the function skips them). */
export function rulesFromTable(rows: CellValue[][]): Rule[] {
  const rules: Rule[] = [];
  for (const row of rows) {
    const field = text(row[0]).trim();
    if (field === "") continue;
    const points = parseNumber(row[3]);
    const capText = text(row[5]).trim();
    const cap = capText === "" ? null : parseNumber(row[5]);
    rules.push({
      field,
      operator: text(row[1]).trim(),
      value: text(row[2]),
      points: points ?? text(row[3]),
      group: text(row[4]).trim(),
      cap: cap ?? (capText === "" ? null : capText),
    });
  }
  return rules;
}

/** Numbers typed as text go back as numbers so the sheet's number formats apply. */
function valueCell(value: string): CellValue {
  return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : value;
}

export function rulesToRows(rules: readonly Rule[]): CellValue[][] {
  return rules.map((r) => [r.field, r.operator, valueCell(r.value), r.points, r.group, r.cap === null ? "" : r.cap]);
}

function splitsAsRange(value: string): boolean {
  const t = value.normalize("NFKC").trim();
  for (const separator of ["..", "~"]) {
    const parts = t.split(separator);
    if (parts.length === 2 && parts[0].trim() !== "" && parts[1].trim() !== "") return true;
  }
  return false;
}

/**
 * What is wrong with each rule, in the order SALES.LEADSCORE checks it (formulas.md §2), plus two warnings the
 * function does not raise (a cap without a group has no effect; a second cap in a group is ignored). `fields`
 * are the leads table's columns the formulas pass as headers.
 */
export function checkRules(rules: readonly Rule[], fields: readonly string[], t: Translate): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const known = new Set(fields.map((f) => normalizeText(f)));
  const groupCaps = new Map<string, { cap: number; rule: number }>();
  rules.forEach((rule, i) => {
    const n = i + 1;
    const add = (cell: RuleCell, message: string, severity: RuleIssue["severity"] = "error") =>
      issues.push({ rule: i, cell, severity, message });
    if (rule.field.trim() === "") {
      add("field", t("rules.fieldBlank"), "warning");
      return;
    }
    if (typeof rule.points === "string" || parseNumber(rule.points) === undefined) {
      add("points", t("rules.pointsNotNumber", { text: String(rule.points) }));
    }
    if (fields.length > 0 && !known.has(normalizeText(rule.field)))
      add("field", t("rules.unknownField", { field: rule.field }));
    const op = rule.operator.trim() === "" ? undefined : parseOperator(rule.operator);
    if (op === undefined)
      add(
        "operator",
        rule.operator.trim() === "" ? t("rules.operatorBlank") : t("rules.unknownOperator", { op: rule.operator }),
      );
    const hasGroup = rule.group.trim() !== "";
    if (rule.cap !== null) {
      const cap = typeof rule.cap === "number" ? rule.cap : parseNumber(rule.cap);
      if (cap === undefined) add("cap", t("rules.capNotNumber", { text: String(rule.cap) }));
      else if (cap < 0) add("cap", t("rules.capNegative"));
      else if (!hasGroup) add("group", t("rules.capWithoutGroup"), "warning");
      else {
        const key = normalizeText(rule.group);
        const first = groupCaps.get(key);
        if (!first) groupCaps.set(key, { cap, rule: n });
        else if (first.cap !== cap)
          add("cap", t("rules.capIgnored", { group: rule.group, cap: first.cap, rule: first.rule }), "warning");
      }
    }
    if (op === "between" && !splitsAsRange(rule.value)) add("value", t("rules.notRange"));
    if (op === "within days" || op === "older than days") {
      const days = parseNumber(rule.value);
      if (days === undefined) add("value", t("rules.daysNotNumber"));
      else if (days < 0) add("value", t("rules.daysNegative"));
    }
  });
  // The engine has the last word: anything it rejects that the checks above did not name is still an error.
  if (!issues.some((x) => x.severity === "error")) {
    try {
      const names = fields.length > 0 ? [...fields] : [...new Set(rules.map((r) => r.field))];
      leadScore(
        [names.map(() => "")],
        [["Field", "Operator", "Value", "Points", "Group", "Cap"], ...rulesToRows(rules)],
        [names],
      );
    } catch (error) {
      const message = isErrorValue(error) ? `${error.code} ${error.message}` : String(error);
      const m = /rule (\d+)/i.exec(message);
      issues.push({ rule: m ? Number(m[1]) - 1 : 0, cell: "field", severity: "error", message });
    }
  }
  return issues;
}
