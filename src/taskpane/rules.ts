/** The rules grid's model and its round-trip to a rules table (field | operator | value | points | group | cap). */
import type { CellValue } from "../excel/types";

export interface Rule {
  field: string;
  operator: string;
  value: string;
  points: number;
  group: string;
  cap: number | null;
}

const text = (v: CellValue | undefined): string => (v === undefined || v === null ? "" : String(v));

/** Rules table rows → editable rules (rows with a blank field are skipped, as the function skips them). */
export function rulesFromTable(rows: CellValue[][]): Rule[] {
  const rules: Rule[] = [];
  for (const row of rows) {
    const field = text(row[0]).trim();
    if (field === "") continue;
    const points = typeof row[3] === "number" ? row[3] : Number(text(row[3]).trim());
    const capText = text(row[5]).trim();
    rules.push({
      field,
      operator: text(row[1]).trim(),
      value: text(row[2]),
      points: Number.isFinite(points) ? points : 0,
      group: text(row[4]).trim(),
      cap: capText === "" ? null : Number(capText),
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

