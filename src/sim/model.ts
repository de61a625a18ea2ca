/**
 * The in-memory workbook behind the simulated host: sheets of sparse cells, tables, charts, settings.
 * This is the "server" side; `api.ts` is the Office.js-shaped client that queues work against it.
 * Every rule here mirrors what Excel does to the cells, because the access layer is tested against it.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, columnLetters, rectColumns, rectRows } from "./address";
import { SimError } from "./errors";

export type SimCellValue = string | number | boolean;

export interface SimCell {
  /** The value Excel reports (for a formula: its last computed result). */
  value: SimCellValue;
  /** Formula text starting with "=" (absent for constants). */
  formula?: string;
  /** Absent means "General". */
  numberFormat?: string;
  /** Set when the text was entered with a leading apostrophe: shown without it, kept as text. */
  quotePrefix?: boolean;
  /** Key of the formula cell whose dynamic-array result occupies this cell. */
  spilledFrom?: number;
  /** For a formula cell: the area its last result spilled over (itself included). */
  spill?: Rect;
  /** Set when calc.ts could not evaluate the formula (the value then shows the formula text). */
  unevaluated?: boolean;
}

export interface SheetModel {
  id: string;
  name: string;
  cells: Map<number, SimCell>;
  visible: boolean;
  /** Formatting the sim records but does not render (font, fill, widths). */
  formats: Map<string, unknown>;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect;
  columnIds: number[];
  style: string;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  sheet: SheetModel;
  sourceSheet: SheetModel;
  source: Rect;
  seriesBy: string;
  title: string;
  position?: { start: string; end?: string };
  /** Chart type of a series that differs from the chart's (a combo chart: clustered columns + a line), by index. */
  seriesTypes: Record<number, string>;
}

export interface Selection {
  sheet: SheetModel;
  rect: Rect;
}

export type CalculationMode = "Automatic" | "AutomaticExceptTables" | "Manual";

export const cellKey = (row: number, column: number): number => row * MAX_COLUMNS + column;
export const keyRow = (key: number): number => Math.floor(key / MAX_COLUMNS);
export const keyColumn = (key: number): number => key % MAX_COLUMNS;

const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]]/;
const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isEmptyCell(cell: SimCell | undefined): boolean {
  return !cell || (cell.value === "" && cell.formula === undefined);
}

/** Serial of a calendar date in Excel's 1900 date system (valid from 1900-03-01 on). */
function dateSerial(y: number, m: number, d: number): number | undefined {
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d || y < 1900 || y > 9999)
    return undefined;
  return Math.round(ms / 86_400_000) + 25_569;
}

/**
 * What Excel (en-US) makes of a string entered in a cell that is not Text-formatted — the same through
 * `values` as when typed: numbers, percentages, thousands separators, a leading $ and dates become numbers
 * (with the number format Excel picks); TRUE/FALSE become booleans; `=…` is a formula; `+…`, `-…`, `@…`
 * that are not numbers become formulas too (Excel prepends "="); a leading apostrophe forces text and is
 * not part of the value. So text such as "00123", "1,200" or "2025-01-02" does not survive as text.
 */
export function interpretInput(text: string): {
  value?: SimCellValue;
  formula?: string;
  quotePrefix?: boolean;
  numberFormat?: string;
} {
  if (text.startsWith("'")) return { value: text.slice(1), quotePrefix: true };
  if (text.length > 1 && text.startsWith("=")) return { formula: text };
  const t = text.trim();
  if (t !== "" && NUMERIC_TEXT.test(t)) return { value: Number(t) };
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === "TRUE" };
  const percent = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*%$/.exec(t);
  if (percent) return { value: Number(percent[1]) / 100, numberFormat: percent[1].includes(".") ? "0.00%" : "0%" };
  const grouped = /^([+-]?)(\$?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(t);
  if (grouped && (grouped[2] !== "" || grouped[3].includes(","))) {
    const value = Number(`${grouped[1]}${grouped[3].replace(/,/g, "")}${grouped[4] ?? ""}`);
    const decimals = grouped[4] ? ".00" : "";
    return { value, numberFormat: grouped[2] ? `$#,##0${decimals}` : `#,##0${decimals}` };
  }
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const serial = iso
    ? dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    : us
      ? dateSerial(Number(us[3]), Number(us[1]), Number(us[2]))
      : undefined;
  if (serial !== undefined) return { value: serial, numberFormat: iso ? "yyyy-mm-dd" : "m/d/yyyy" };
  if (text.length > 1 && /^[+\-@]/.test(text)) return { formula: `=${text}` };
  return { value: text };
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  charts: ChartModel[] = [];
  settings = new Map<string, unknown>();
  calculationMode: CalculationMode = "Automatic";
  activeSheet: SheetModel | undefined;
  selection: Selection | undefined;
  /** Set by any change to a cell; cleared by a recalculation. */
  dirty = false;
  /** Bumped on every change (and recalculation) so observers know when to redraw. */
  changes = 0;
  private nextId = 1;
  private listeners = new Set<() => void>();

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.addSheet(name);
    this.activeSheet = this.sheets[0];
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called by the request context after each sync that changed something. */
  notify(): void {
    for (const l of this.listeners) l();
  }

  // ---- sheets ----

  sheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  validateSheetName(name: string, except?: SheetModel): void {
    if (
      typeof name !== "string" ||
      name.trim() === "" ||
      name.length > 31 ||
      FORBIDDEN_SHEET_CHARS.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'")
    ) {
      throw new SimError("InvalidArgument", `The sheet name "${name}" is not valid.`);
    }
    const existing = this.sheet(name);
    if (existing && existing !== except)
      throw new SimError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }

  addSheet(name?: string): SheetModel {
    let finalName = name;
    if (finalName === undefined || finalName === null) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i++;
      finalName = `Sheet${i}`;
    }
    this.validateSheetName(finalName);
    const sheet: SheetModel = {
      id: this.newId("sheet"),
      name: finalName,
      cells: new Map(),
      visible: true,
      formats: new Map(),
    };
    this.sheets.push(sheet);
    this.touch();
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.filter((s) => s.visible).length <= 1) {
      throw new SimError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    this.charts = this.charts.filter((c) => c.sheet !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
    if (this.selection?.sheet === sheet) this.selection = undefined;
    this.touch();
  }

  // ---- cells ----

  getCell(sheet: SheetModel, row: number, column: number): SimCell | undefined {
    return sheet.cells.get(cellKey(row, column));
  }

  /** Ensures `rect` lies on the grid (Excel answers InvalidArgument otherwise). */
  checkRect(rect: Rect): void {
    if (
      rect.top < 0 ||
      rect.left < 0 ||
      rect.bottom >= MAX_ROWS ||
      rect.right >= MAX_COLUMNS ||
      rect.bottom < rect.top ||
      rect.right < rect.left
    ) {
      throw new SimError("InvalidArgument", "The range is outside the worksheet grid.");
    }
  }

  private mutableCell(sheet: SheetModel, row: number, column: number): SimCell {
    const key = cellKey(row, column);
    let cell = sheet.cells.get(key);
    if (!cell) {
      cell = { value: "" };
      sheet.cells.set(key, cell);
    }
    return cell;
  }

  /** Removes the dynamic-array result a formula cell spilled (its own cell excluded). */
  clearSpill(sheet: SheetModel, anchorKey: number): void {
    const anchor = sheet.cells.get(anchorKey);
    if (!anchor?.spill) return;
    const area = anchor.spill;
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const key = cellKey(r, c);
        if (key === anchorKey) continue;
        const cell = sheet.cells.get(key);
        if (cell && cell.spilledFrom === anchorKey) this.dropCell(sheet, key, cell);
      }
    }
    anchor.spill = undefined;
  }

  private dropCell(sheet: SheetModel, key: number, cell: SimCell): void {
    cell.value = "";
    cell.spilledFrom = undefined;
    if (cell.numberFormat === undefined && !cell.quotePrefix && cell.formula === undefined) sheet.cells.delete(key);
  }

  private resetContent(sheet: SheetModel, row: number, column: number): SimCell {
    const key = cellKey(row, column);
    const cell = this.mutableCell(sheet, row, column);
    if (cell.formula !== undefined) this.clearSpill(sheet, key);
    cell.formula = undefined;
    cell.quotePrefix = undefined;
    cell.unevaluated = undefined;
    cell.spilledFrom = undefined;
    cell.value = "";
    return cell;
  }

  private tableAt(sheet: SheetModel, row: number, column: number): TableModel | undefined {
    return this.tables.find(
      (t) =>
        t.sheet === sheet &&
        row >= t.rect.top &&
        row <= t.rect.bottom &&
        column >= t.rect.left &&
        column <= t.rect.right,
    );
  }

  /**
   * Writes one cell the way Excel treats input through `values` (`asFormula` false) or `formulas`
   * (`asFormula` true). Both parse "=…" as a formula in a General cell; a Text-formatted (@) cell keeps
   * any string verbatim. `null` leaves the cell unchanged, as in Office.js.
   */
  writeInput(sheet: SheetModel, row: number, column: number, input: unknown): void {
    if (input === null || input === undefined) return;
    const current = this.getCell(sheet, row, column);
    const textFormat = current?.numberFormat === "@";
    const cell = this.resetContent(sheet, row, column);
    const table = this.tableAt(sheet, row, column);
    if (table && row === table.rect.top) {
      // Excel keeps table headers as unique text constants.
      cell.value = this.uniqueHeader(table, column - table.rect.left, input === "" ? "" : String(input));
      this.touch();
      return;
    }
    if (typeof input === "number") {
      if (!Number.isFinite(input)) throw new SimError("InvalidArgument", "A cell value must be a finite number.");
      cell.value = input;
    } else if (typeof input === "boolean") {
      cell.value = input;
    } else if (typeof input === "string") {
      if (textFormat) {
        cell.value = input;
      } else {
        const parsed = interpretInput(input);
        if (parsed.formula !== undefined) {
          cell.formula = parsed.formula;
          cell.value = 0;
        } else {
          cell.value = parsed.value ?? "";
          cell.quotePrefix = parsed.quotePrefix;
          // Excel gives a General cell the format it recognised (a date stays a date); others keep theirs.
          if (parsed.numberFormat && cell.numberFormat === undefined) cell.numberFormat = parsed.numberFormat;
        }
      }
    } else {
      throw new SimError("InvalidArgument", `Unsupported cell value of type ${typeof input}.`);
    }
    if (cell.value === "" && cell.formula === undefined && cell.numberFormat === undefined && !cell.quotePrefix) {
      sheet.cells.delete(cellKey(row, column));
    }
    this.touch();
  }

  writeNumberFormat(sheet: SheetModel, row: number, column: number, format: unknown): void {
    if (format === null || format === undefined) return;
    if (typeof format !== "string") throw new SimError("InvalidArgument", "A number format must be a string.");
    const cell = this.mutableCell(sheet, row, column);
    cell.numberFormat = format === "General" ? undefined : format;
    if (isEmptyCell(cell) && cell.numberFormat === undefined && !cell.quotePrefix)
      sheet.cells.delete(cellKey(row, column));
    this.touch();
  }

  clear(sheet: SheetModel, rect: Rect, applyTo: string): void {
    for (const [key, cell] of [...sheet.cells]) {
      const r = keyRow(key);
      const c = keyColumn(key);
      if (r < rect.top || r > rect.bottom || c < rect.left || c > rect.right) continue;
      if (applyTo === "Formats") {
        cell.numberFormat = undefined;
        continue;
      }
      const table = this.tableAt(sheet, r, c);
      if (table && r === table.rect.top) continue;
      if (cell.formula !== undefined) this.clearSpill(sheet, key);
      if (applyTo === "Contents") {
        cell.formula = undefined;
        cell.value = "";
        cell.quotePrefix = undefined;
        cell.spilledFrom = undefined;
        if (cell.numberFormat === undefined) sheet.cells.delete(key);
      } else {
        sheet.cells.delete(key);
      }
    }
    this.touch();
  }

  /** Moves every cell in rows [top, bottom] at column >= `fromColumn` by `delta` columns. */
  shiftColumns(sheet: SheetModel, top: number, bottom: number, fromColumn: number, delta: number): void {
    const moved: Array<[number, SimCell]> = [];
    for (const [key, cell] of sheet.cells) {
      const r = keyRow(key);
      const c = keyColumn(key);
      if (r >= top && r <= bottom && c >= fromColumn) moved.push([key, cell]);
    }
    for (const [key] of moved) sheet.cells.delete(key);
    for (const [key, cell] of moved) {
      const c = keyColumn(key) + delta;
      if (c >= MAX_COLUMNS) throw new SimError("InsertDeleteConflict", "Cells would move past the last column.");
      if (c < 0) continue;
      sheet.cells.set(cellKey(keyRow(key), c), cell);
    }
  }

  /** Moves every cell in columns [left, right] at row >= `fromRow` by `delta` rows. */
  shiftRows(sheet: SheetModel, left: number, right: number, fromRow: number, delta: number): void {
    const moved: Array<[number, SimCell]> = [];
    for (const [key, cell] of sheet.cells) {
      const r = keyRow(key);
      const c = keyColumn(key);
      if (c >= left && c <= right && r >= fromRow) moved.push([key, cell]);
    }
    for (const [key] of moved) sheet.cells.delete(key);
    for (const [key, cell] of moved) {
      const r = keyRow(key) + delta;
      if (r >= MAX_ROWS) throw new SimError("InsertDeleteConflict", "Cells would move past the last row.");
      if (r < 0) continue;
      sheet.cells.set(cellKey(r, keyColumn(key)), cell);
    }
  }

  usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | undefined {
    let rect: Rect | undefined;
    for (const [key, cell] of sheet.cells) {
      if (valuesOnly && isEmptyCell(cell)) continue;
      const r = keyRow(key);
      const c = keyColumn(key);
      if (!rect) rect = { top: r, bottom: r, left: c, right: c };
      else {
        rect.top = Math.min(rect.top, r);
        rect.bottom = Math.max(rect.bottom, r);
        rect.left = Math.min(rect.left, c);
        rect.right = Math.max(rect.right, c);
      }
    }
    for (const t of this.tables) {
      if (t.sheet !== sheet) continue;
      if (!rect) rect = { ...t.rect };
      else {
        rect.top = Math.min(rect.top, t.rect.top);
        rect.bottom = Math.max(rect.bottom, t.rect.bottom);
        rect.left = Math.min(rect.left, t.rect.left);
        rect.right = Math.max(rect.right, t.rect.right);
      }
    }
    return rect;
  }

  // ---- tables ----

  table(name: string): TableModel | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  validateTableName(name: string, except?: TableModel): void {
    if (
      typeof name !== "string" ||
      !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) ||
      name.length > 255 ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^(R|C)$/i.test(name)
    ) {
      throw new SimError("InvalidArgument", `The table name "${name}" is not valid.`);
    }
    const existing = this.table(name);
    if (existing && existing !== except)
      throw new SimError("ItemAlreadyExists", `A table named "${name}" already exists.`);
  }

  headerText(table: TableModel, index: number): string {
    const cell = this.getCell(table.sheet, table.rect.top, table.rect.left + index);
    return cell ? String(cell.value) : "";
  }

  headers(table: TableModel): string[] {
    return table.columnIds.map((_, i) => this.headerText(table, i));
  }

  /** Excel makes a blank header "ColumnN" and a duplicate header "Name2", "Name3" … */
  private uniqueHeader(table: TableModel, index: number, wished: string): string {
    const others = new Set(
      table.columnIds
        .map((_, i) => (i === index ? "" : this.headerText(table, i).toLowerCase()))
        .filter((h) => h !== ""),
    );
    let base = wished.trim() === "" ? `Column${index + 1}` : wished;
    if (wished.trim() === "") {
      let n = index + 1;
      while (others.has(base.toLowerCase())) base = `Column${++n}`;
      return base;
    }
    if (!others.has(base.toLowerCase())) return base;
    for (let n = 2; ; n++) if (!others.has(`${wished}${n}`.toLowerCase())) return `${wished}${n}`;
  }

  addTable(sheet: SheetModel, rect: Rect, hasHeaders: boolean): TableModel {
    this.checkRect(rect);
    for (const t of this.tables) {
      if (
        t.sheet === sheet &&
        t.rect.left <= rect.right &&
        rect.left <= t.rect.right &&
        t.rect.top <= rect.bottom &&
        rect.top <= t.rect.bottom
      ) {
        throw new SimError("InvalidOperation", "A table can't overlap another table.");
      }
    }
    const tableRect = { ...rect };
    if (!hasHeaders) {
      // Excel inserts a header row above the data, pushing the data (and the cells below) down.
      this.shiftRows(sheet, rect.left, rect.right, rect.top, 1);
      tableRect.bottom += 1;
    }
    if (rectRows(tableRect) === 1) tableRect.bottom += 1; // a table always has at least one data row
    let n = 1;
    while (this.table(`Table${n}`)) n++;
    const table: TableModel = {
      id: this.newId("table"),
      name: `Table${n}`,
      sheet,
      rect: tableRect,
      columnIds: Array.from({ length: rectColumns(rect) }, (_, i) => i + 1),
      style: "TableStyleMedium2",
    };
    this.tables.push(table);
    // Excel keeps the first of two equal headers and renames the later one, left to right.
    const taken = new Set<string>();
    for (let i = 0; i < table.columnIds.length; i++) {
      const cell = this.getCell(sheet, tableRect.top, tableRect.left + i);
      const wished = !hasHeaders || !cell || String(cell.value).trim() === "" ? "" : String(cell.value);
      let name = wished === "" ? `Column${i + 1}` : wished;
      for (let n = wished === "" ? i + 1 : 1; taken.has(name.toLowerCase());) {
        n++;
        name = wished === "" ? `Column${n}` : `${wished}${n}`;
      }
      taken.add(name.toLowerCase());
      const headerCell = this.resetContent(sheet, tableRect.top, tableRect.left + i);
      headerCell.value = name;
    }
    this.touch();
    return table;
  }

  deleteTable(table: TableModel): void {
    this.tables = this.tables.filter((t) => t !== table);
    this.clear(table.sheet, table.rect, "All");
  }

  /** Inserts a column at `index` (end when undefined); cells right of it in the table's rows move right. */
  addTableColumn(
    table: TableModel,
    index: number | undefined,
    values: unknown[][] | undefined,
    name: string | undefined,
  ): number {
    const count = table.columnIds.length;
    const at = index === undefined ? count : index;
    if (!Number.isInteger(at) || at < 0 || at > count)
      throw new SimError("InvalidArgument", `Column index ${index} is out of range.`);
    const rows = rectRows(table.rect);
    if (values && values.length !== rows && values.length !== 1) {
      throw new SimError("InvalidArgument", "The number of rows in the values doesn't match the table.");
    }
    const column = table.rect.left + at;
    this.shiftColumns(table.sheet, table.rect.top, table.rect.bottom, column, 1);
    const id = Math.max(0, ...table.columnIds) + 1;
    table.columnIds.splice(at, 0, id);
    table.rect = { ...table.rect, right: table.rect.right + 1 };
    const header = name ?? (values ? String(values[0]?.[0] ?? "") : "");
    const headerCell = this.resetContent(table.sheet, table.rect.top, column);
    headerCell.value = this.uniqueHeader(table, at, header);
    if (values && values.length === rows) {
      for (let r = 1; r < rows; r++) this.writeInput(table.sheet, table.rect.top + r, column, values[r]?.[0]);
    }
    this.touch();
    return id;
  }

  deleteTableColumn(table: TableModel, id: number): void {
    const at = table.columnIds.indexOf(id);
    if (at < 0) throw new SimError("ItemNotFound", "The table column no longer exists.");
    if (table.columnIds.length === 1) throw new SimError("InvalidOperation", "A table must keep at least one column.");
    const column = table.rect.left + at;
    for (let r = table.rect.top; r <= table.rect.bottom; r++) {
      const key = cellKey(r, column);
      const cell = table.sheet.cells.get(key);
      if (cell?.formula !== undefined) this.clearSpill(table.sheet, key);
      table.sheet.cells.delete(key);
    }
    this.shiftColumns(table.sheet, table.rect.top, table.rect.bottom, column + 1, -1);
    table.columnIds.splice(at, 1);
    table.rect = { ...table.rect, right: table.rect.right - 1 };
    this.touch();
  }

  /** Inserts data rows at data-row `index` (end when undefined); cells below in the table's columns move down. */
  addTableRows(table: TableModel, index: number | undefined, values: unknown[][]): void {
    const dataRows = rectRows(table.rect) - 1;
    const at = index === undefined ? dataRows : index;
    if (!Number.isInteger(at) || at < 0 || at > dataRows)
      throw new SimError("InvalidArgument", `Row index ${index} is out of range.`);
    const width = table.columnIds.length;
    for (const row of values) {
      if (!Array.isArray(row) || row.length !== width) {
        throw new SimError("InvalidArgument", "The number of columns in the values doesn't match the table.");
      }
    }
    const firstRow = table.rect.top + 1 + at;
    this.shiftRows(table.sheet, table.rect.left, table.rect.right, firstRow, values.length);
    table.rect = { ...table.rect, bottom: table.rect.bottom + values.length };
    values.forEach((row, i) =>
      row.forEach((v, c) => this.writeInput(table.sheet, firstRow + i, table.rect.left + c, v)),
    );
    this.touch();
  }

  // ---- charts ----

  addChart(sheet: SheetModel, type: string, sourceSheet: SheetModel, source: Rect, seriesBy: string): ChartModel {
    let n = 1;
    while (this.charts.some((c) => c.sheet === sheet && c.name === `Chart ${n}`)) n++;
    const chart: ChartModel = {
      id: this.newId("chart"),
      name: `Chart ${n}`,
      type,
      sheet,
      sourceSheet,
      source,
      seriesBy,
      title: "",
      seriesTypes: {},
    };
    this.charts.push(chart);
    this.touch();
    return chart;
  }

  touch(): void {
    this.dirty = true;
    this.changes++;
  }

  /** A change that needs no recalculation (selection, active sheet). */
  touchView(): void {
    this.changes++;
  }

  /** Plain snapshot of a sheet's cells for tests and the preview grid: address → cell. */
  dump(sheetName: string): Record<string, { value: SimCellValue; formula?: string; numberFormat?: string }> {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`No sheet ${sheetName}`);
    const out: Record<string, { value: SimCellValue; formula?: string; numberFormat?: string }> = {};
    const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
    for (const key of keys) {
      const cell = sheet.cells.get(key)!;
      const entry: { value: SimCellValue; formula?: string; numberFormat?: string } = { value: cell.value };
      if (cell.formula !== undefined) entry.formula = cell.formula;
      if (cell.numberFormat !== undefined) entry.numberFormat = cell.numberFormat;
      out[`${columnLetters(keyColumn(key))}${keyRow(key) + 1}`] = entry;
    }
    return out;
  }
}
