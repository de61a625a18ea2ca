/**
 * An in-memory WorkbookOps for component tests: tables as header + rows, a call log, and the same
 * never-overwrite rule for stages as the real layer (so a test can tell a UI that asks from one that doesn't).
 */
import { RowChangedError } from "../../src/excel/types";
import type {
  CellValue,
  ChangePlan,
  ColumnSpec,
  RowsPlan,
  StagePlan,
  TableColumns,
  TableInfo,
  WorkbookOps,
} from "../../src/excel/types";

export interface FakeTable {
  sheet: string;
  headers: string[];
  rows: CellValue[][];
}

export interface FakeWorkbook {
  ops: WorkbookOps;
  tables: Map<string, FakeTable>;
  sheets: string[];
  settings: Map<string, unknown>;
  calls: Array<{ method: string; args: unknown[] }>;
  blocks: Array<{ sheet: string; topLeft: string; formulas: CellValue[][] }>;
  selected: Array<{ table: string; row: number }>;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

export interface FakeOptions {
  /** What a formula cell evaluates to, for countErrorRows / findErrorCells (default: not an error). */
  evaluate?: (formula: string) => CellValue;
}

/** "B12" → { col: 2, row: 12 }. */
function cellPosition(address: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { col, row: Number(m[2]) };
}

const ERROR_TEXT = /^#(VALUE!|NUM!|DIV\/0!|N\/A|NAME\?|REF!|NULL!|SPILL!|CALC!)$/;

export function fakeWorkbook(initial: Record<string, FakeTable> = {}, options: FakeOptions = {}): FakeWorkbook {
  const tables = new Map<string, FakeTable>(
    Object.entries(initial).map(([k, v]) => [k, { ...v, headers: [...v.headers], rows: v.rows.map((r) => [...r]) }]),
  );
  const sheets = [...new Set(["Sheet1", ...[...tables.values()].map((t) => t.sheet)])];
  const settings = new Map<string, unknown>();
  const calls: FakeWorkbook["calls"] = [];
  const blocks: FakeWorkbook["blocks"] = [];
  const selected: FakeWorkbook["selected"] = [];
  const get = (name: string) => {
    const t = tables.get(name);
    if (!t) throw new Error(`No table ${name}`);
    return t;
  };
  const log = (method: string, ...args: unknown[]) => calls.push({ method, args });
  const uniqueSheet = (wished: string) => {
    if (!sheets.some((s) => s.toLowerCase() === wished.toLowerCase())) return wished;
    for (let i = 2; ; i++) if (!sheets.includes(`${wished} (${i})`)) return `${wished} (${i})`;
  };
  const uniqueTable = (wished: string) => {
    if (!tables.has(wished)) return wished;
    for (let i = 2; ; i++) if (!tables.has(`${wished}_${i}`)) return `${wished}_${i}`;
  };
  const cellFor = (spec: ColumnSpec, r: number): CellValue =>
    spec.formula ? spec.formula(r) : (spec.values?.[r] ?? "");

  const ops: WorkbookOps = {
    async listTables(): Promise<TableInfo[]> {
      return [...tables.entries()].map(([name, t]) => ({
        name,
        sheet: t.sheet,
        headers: [...t.headers],
        rowCount: t.rows.length,
      }));
    },
    async readTable(name, options): Promise<TableColumns> {
      const t = get(name);
      const wanted = options?.columns ?? t.headers;
      const columns: Record<string, CellValue[]> = {};
      for (const h of wanted) {
        const i = t.headers.indexOf(h);
        if (i < 0) throw new Error(`No column ${h}`);
        const rows = options?.maxRows === undefined ? t.rows : t.rows.slice(0, options.maxRows);
        columns[h] = rows.map((r) => r[i] ?? "");
      }
      return { name, headers: [...t.headers], rowCount: t.rows.length, columns };
    },
    async planColumns(name, specs): Promise<ChangePlan> {
      const t = get(name);
      let cellsToChange = 0;
      const existing = specs.filter((s) => t.headers.includes(s.name));
      for (const s of existing) {
        const i = t.headers.indexOf(s.name);
        t.rows.forEach((row, r) => {
          if (String(row[i] ?? "") !== String(cellFor(s, r))) cellsToChange++;
        });
      }
      return {
        cellsToChange,
        newColumns: specs.filter((s) => !t.headers.includes(s.name)).map((s) => s.name),
        existingColumns: existing.map((s) => s.name),
      };
    },
    async addColumns(name, specs) {
      log(
        "addColumns",
        name,
        specs.map((s) => s.name),
      );
      const t = get(name);
      for (const s of specs) {
        let i = t.headers.indexOf(s.name);
        if (i < 0) {
          t.headers.push(s.name);
          i = t.headers.length - 1;
        }
        t.rows.forEach((row, r) => {
          row[i] = cellFor(s, r);
        });
      }
      return { requests: 1, cellsWritten: specs.length * t.rows.length };
    },
    async planStages(name, column, rows): Promise<StagePlan> {
      const t = get(name);
      const c = t.headers.indexOf(column);
      const rowsToSet: number[] = [];
      const rowsKept: number[] = [];
      for (const r of [...new Set(rows)].sort((a, b) => a - b)) (blank(t.rows[r]?.[c]) ? rowsToSet : rowsKept).push(r);
      return { rowsToSet, rowsKept };
    },
    async setBlankStages(name, column, rows, stage) {
      log("setBlankStages", name, column, rows, stage);
      const t = get(name);
      const c = t.headers.indexOf(column);
      let n = 0;
      for (const r of rows) {
        if (t.rows[r] && blank(t.rows[r][c])) {
          t.rows[r][c] = stage;
          n++;
        }
      }
      return n;
    },
    async writeColumnValues(name, column, values) {
      return ops.addColumns(name, [{ name: column, values }]);
    },
    async planTableRows(name, rows): Promise<RowsPlan> {
      const t = get(name);
      let cellsToChange = 0;
      let rowsCleared = 0;
      rows.forEach((row, r) => {
        row.forEach((v, c) => {
          if (r < t.rows.length && String(t.rows[r][c] ?? "") !== String(v)) cellsToChange++;
        });
      });
      for (let r = rows.length; r < t.rows.length; r++) {
        const filled = t.rows[r].filter((v) => !blank(v)).length;
        cellsToChange += filled;
        if (filled > 0) rowsCleared++;
      }
      return { cellsToChange, rowsAdded: Math.max(0, rows.length - t.rows.length), rowsCleared };
    },
    async replaceTableRows(name, rows) {
      log("replaceTableRows", name, rows);
      const t = get(name);
      const width = t.headers.length;
      const next = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
      for (let r = rows.length; r < t.rows.length; r++) next.push(Array.from({ length: width }, () => ""));
      t.rows = next;
      return { requests: 1, cellsWritten: next.length * width };
    },
    async listSheets() {
      return [...sheets];
    },
    async addSheet(wished) {
      const name = uniqueSheet(wished);
      sheets.push(name);
      log("addSheet", name);
      return name;
    },
    async uniqueTableName(wished) {
      return uniqueTable(wished);
    },
    async uniqueSheetName(wished) {
      return uniqueSheet(wished);
    },
    async addTable(sheet, spec) {
      const name = uniqueTable(spec.name);
      tables.set(name, { sheet, headers: [...spec.headers], rows: spec.rows.map((r) => [...r]) });
      log("addTable", sheet, name);
      return name;
    },
    async writeBlock(sheet, block) {
      blocks.push({ sheet, topLeft: block.topLeft, formulas: block.formulas });
    },
    async setNumberFormat(sheet, address, format) {
      log("setNumberFormat", sheet, address, format);
    },
    async addColorScale(sheet, address, midpoint) {
      log("addColorScale", sheet, address, String(midpoint));
    },
    async addChart(sheet, spec) {
      log("addChart", sheet, spec.source, spec.type ?? "Funnel", spec.topLeft);
      return { type: "Funnel" };
    },
    async deleteSheet(sheet) {
      log("deleteSheet", sheet);
      sheets.splice(sheets.indexOf(sheet), 1);
      for (const [name, t] of [...tables.entries()]) if (t.sheet === sheet) tables.delete(name);
    },
    async renameSheet(sheet, newName) {
      log("renameSheet", sheet, newName);
      sheets[sheets.indexOf(sheet)] = newName;
      for (const t of tables.values()) if (t.sheet === sheet) t.sheet = newName;
    },
    async activateSheet() {},
    async nextFreeRow(sheet) {
      log("nextFreeRow", sheet);
      return 1;
    },
    async selectTableRow(table, row) {
      selected.push({ table, row });
    },
    async updateRowCells(name, edit) {
      // Same contract as the real layer: re-check what was shown, refuse formulas, then write.
      const t = get(name);
      const row = t.rows[edit.row];
      const columns = [...new Set([...Object.keys(edit.expect), ...Object.keys(edit.set)])];
      const missing = columns.filter((c) => !t.headers.includes(c));
      if (missing.length > 0 || !row) throw new RowChangedError("missing", missing);
      const at = (c: string) => row[t.headers.indexOf(c)];
      const same = (a: CellValue, b: CellValue) => (blank(a) && blank(b)) || a === b;
      const changed = Object.keys(edit.expect).filter((c) => !same(at(c), edit.expect[c]));
      if (changed.length > 0) throw new RowChangedError("changed", changed);
      const formulas = Object.keys(edit.set).filter((c) => String(at(c) ?? "").startsWith("="));
      if (formulas.length > 0) throw new RowChangedError("formula", formulas);
      for (const [c, v] of Object.entries(edit.set)) row[t.headers.indexOf(c)] = v;
      log("updateRowCells", name, edit);
    },
    async countErrorRows(name, columns) {
      const t = get(name);
      const codes: Record<string, number> = {};
      let errorRows = 0;
      for (const row of t.rows) {
        let erred = false;
        for (const column of columns) {
          const cell = row[t.headers.indexOf(column)];
          const value = typeof cell === "string" && cell.startsWith("=") ? (options.evaluate?.(cell) ?? 0) : cell;
          if (typeof value === "string" && ERROR_TEXT.test(value)) {
            codes[value] = (codes[value] ?? 0) + 1;
            erred = true;
          }
        }
        if (erred) errorRows++;
      }
      return { rows: t.rows.length, errorRows, codes };
    },
    async findErrorCells(sheet, addresses) {
      const out: Array<{ address: string; code: string }> = [];
      for (const address of addresses) {
        // The cell at `address` inside any block written to the sheet (the latest write wins).
        const at = cellPosition(address);
        let cell: CellValue | undefined;
        for (const b of blocks) {
          if (b.sheet !== sheet) continue;
          const top = cellPosition(b.topLeft);
          const v = b.formulas[at.row - top.row]?.[at.col - top.col];
          if (v !== undefined) cell = v;
        }
        const value = typeof cell === "string" && cell.startsWith("=") ? (options.evaluate?.(cell) ?? 0) : cell;
        if (typeof value === "string" && ERROR_TEXT.test(value)) out.push({ address, code: value });
      }
      return out;
    },
    async getSetting<T>(key: string) {
      return settings.get(key) as T | undefined;
    },
    async setSetting(key, value) {
      settings.set(key, JSON.parse(JSON.stringify(value)));
    },
  };
  return { ops, tables, sheets, settings, calls, blocks, selected };
}
