/**
 * The contract between the task pane and the workbook. Components get a `WorkbookOps` and never call
 * `Excel.run`; tests pass a fake.
 */

/** A cell value as Excel reports it through `Range.values`. */
export type CellValue = string | number | boolean;

export interface TableInfo {
  name: string;
  sheet: string;
  headers: string[];
  rowCount: number;
}

/** Column-major table content: `columns[h]` holds the data-body values of header `h`, in row order. */
export interface TableColumns {
  name: string;
  headers: string[];
  rowCount: number;
  columns: Record<string, CellValue[]>;
}

export interface ProgressInfo {
  /** Rows (or cells, see `unit`) done so far. */
  done: number;
  total: number;
}

export interface LongWorkOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ProgressInfo) => void;
}

export interface ReadOptions extends LongWorkOptions {
  /** Only these headers (all when omitted). */
  columns?: string[];
  /** Only the first rows of the data body (a sample, e.g. for detecting what a column holds). */
  maxRows?: number;
}

/** A column to add (or refresh in place) holding one formula per row, or computed values. */
export interface ColumnSpec {
  name: string;
  /** Formula for data-body row `row` (0-based). */
  formula?: (row: number) => string;
  /** Values instead of formulas, one per data-body row. */
  values?: CellValue[];
  /** Number format of the column's cells (e.g. "0.0%"); the table carries it on to new rows. */
  numberFormat?: string;
}

/** What an action will do to existing cells, so the UI can ask before changing anything. */
export interface ChangePlan {
  /** Existing cells whose content will change. */
  cellsToChange: number;
  /** Columns that will be created. */
  newColumns: string[];
  /** Columns that already exist and will be refreshed in place. */
  existingColumns: string[];
}

export interface StagePlan {
  /** Rows (0-based data-body index) whose stage is blank and will be set. */
  rowsToSet: number[];
  /** Rows asked for whose stage is already non-blank and will be left alone. */
  rowsKept: number[];
}

export interface RowsPlan {
  cellsToChange: number;
  rowsAdded: number;
  /** Rows below the new content that hold something and will be blanked. */
  rowsCleared: number;
}

export interface WriteResult {
  /** Number of `context.sync()` requests the write needed. */
  requests: number;
  cellsWritten: number;
}

export interface SheetBlock {
  /** Top-left cell of the block, e.g. "A1". */
  topLeft: string;
  /** Rows of values or formulas (`=...` strings are formulas here: only the layer's own formulas go in). */
  formulas: CellValue[][];
  /** Optional number format for the whole block. */
  numberFormat?: string;
}

export interface NewTableSpec {
  /** Wished name; a suffix is added when taken. */
  name: string;
  /** Top-left cell on the sheet. */
  topLeft: string;
  headers: string[];
  /** Data rows; strings are written as literal text (no formula injection). */
  rows: CellValue[][];
  /** Per-header number formats, e.g. { Created: "yyyy-mm-dd" }. */
  numberFormats?: Record<string, string>;
}

/** Chart types the pane writes (Excel.ChartType names). */
export type ChartKind = "Funnel" | "BarClustered" | "ColumnClustered" | "Line" | "LineMarkers";

export interface ChartSpec {
  /** Address on the sheet of the chart's source data (categories in the first column). */
  source: string;
  title: string;
  /** Where to put the chart, e.g. "J2". */
  topLeft: string;
  bottomRight?: string;
  /** Default "Funnel" (a host without funnel charts gets "BarClustered", which still shows the shape). */
  type?: ChartKind;
  /** Series (0-based, in source order) drawn as lines over the chart's type: clustered columns + a plan line. */
  lineSeries?: number[];
  /** How the source makes series; default "Auto" (Excel decides from the shape). */
  seriesBy?: "Auto" | "Columns" | "Rows";
}

export interface ChartResult {
  /** The type the host took: the one asked for, or "BarClustered" when a funnel chart was refused. */
  type: ChartKind;
}

/** How many rows of some table columns evaluate to an error (after the formulas were calculated). */
export interface ErrorCount {
  /** Data-body rows looked at. */
  rows: number;
  /** Rows with an error in at least one of the columns. */
  errorRows: number;
  /** Error codes seen, with how many cells show each ("#NUM!": 200). */
  codes: Record<string, number>;
}

/** A cell of a sheet that evaluates to an error. */
export interface ErrorCell {
  address: string;
  code: string;
}

export interface WorkbookOps {
  listTables(): Promise<TableInfo[]>;
  readTable(table: string, options?: ReadOptions): Promise<TableColumns>;

  /** Counts existing cells that `addColumns` would change. */
  planColumns(table: string, specs: ColumnSpec[]): Promise<ChangePlan>;
  /** Adds the columns or refreshes same-named ones in place (never duplicates), chunked. */
  addColumns(table: string, specs: ColumnSpec[], options?: LongWorkOptions): Promise<WriteResult>;

  /** Which of `rows` have a blank `stageColumn` cell. */
  planStages(table: string, stageColumn: string, rows: number[]): Promise<StagePlan>;
  /** Sets `stageColumn` to `stage` on those of `rows` that are blank now; returns how many were set. */
  setBlankStages(
    table: string,
    stageColumn: string,
    rows: number[],
    stage: string,
    options?: LongWorkOptions,
  ): Promise<number>;

  /** Writes the whole data body of the named columns (existing cells): values are literal text when strings. */
  writeColumnValues(
    table: string,
    column: string,
    values: CellValue[],
    options?: LongWorkOptions,
  ): Promise<WriteResult>;

  /** Counts existing cells that `replaceTableRows` would change (filled cells of blanked rows included). */
  planTableRows(table: string, rows: CellValue[][]): Promise<RowsPlan>;
  /**
   * Makes the table's data body start with `rows` (first columns; extra table columns are left alone):
   * adds rows at the bottom when needed and blanks the rows below the new content (never deletes rows),
   * writes strings as literal text.
   */
  replaceTableRows(table: string, rows: CellValue[][], options?: LongWorkOptions): Promise<WriteResult>;

  listSheets(): Promise<string[]>;
  /** Adds a worksheet; returns the name actually used (suffix " (2)", " (3)" ... when taken). */
  addSheet(wishedName: string): Promise<string>;
  /** Returns a table name not in use (suffix "_2", "_3" ...). */
  uniqueTableName(wishedName: string): Promise<string>;
  /** Returns a sheet name not in use. */
  uniqueSheetName(wishedName: string): Promise<string>;
  /** Writes headers + rows and makes them a table; returns the table's name. */
  addTable(sheet: string, spec: NewTableSpec, options?: LongWorkOptions): Promise<string>;
  /** Writes formulas/values (the layer's own content) to a block of cells. */
  writeBlock(sheet: string, block: SheetBlock): Promise<void>;
  /** Number format for a block of cells (e.g. percentages over a spilled result), contents untouched. */
  setNumberFormat(sheet: string, address: string, format: string): Promise<void>;
  /** A three-colour scale over a block (red at the lowest, yellow at `midpoint`, green at the highest). */
  addColorScale(sheet: string, address: string, midpoint: number): Promise<void>;
  addChart(sheet: string, spec: ChartSpec): Promise<ChartResult>;
  deleteSheet(sheet: string): Promise<void>;
  renameSheet(sheet: string, newName: string): Promise<void>;
  activateSheet(sheet: string): Promise<void>;
  /** The first row (1-based) below everything the sheet holds (values, formulas and their spills): 1 when empty. */
  nextFreeRow(sheet: string): Promise<number>;

  /** Selects data-body row `row` (0-based) of the table. */
  selectTableRow(table: string, row: number): Promise<void>;

  /**
   * Edits single cells of one data-body row, as shown to the user: every cell of `edit.expect` (the row's key
   * columns and each column to set) must still hold what was shown, and no cell to set may hold a formula;
   * otherwise nothing is written and a `RowChangedError` names the columns. Strings are written as literal text;
   * numbers go in with `edit.dateFormat` where the cell's format is General (a date serial must not show 46000).
   */
  updateRowCells(table: string, edit: RowEdit): Promise<void>;

  /**
   * Counts the data-body rows whose cells in `columns` evaluate to an error, once Excel has calculated them
   * (cells still calculating, #BUSY!, are waited for up to a few seconds and then counted as not yet known).
   */
  countErrorRows(table: string, columns: string[]): Promise<ErrorCount>;
  /** The cells among `addresses` (single cells of `sheet`) that evaluate to an error, once calculated. */
  findErrorCells(sheet: string, addresses: string[]): Promise<ErrorCell[]>;

  getSetting<T>(key: string): Promise<T | undefined>;
  setSetting(key: string, value: unknown): Promise<void>;
}

/** One row's cells to change (see `WorkbookOps.updateRowCells`). */
export interface RowEdit {
  /** Data-body row, 0-based. */
  row: number;
  /** What the user was shown, by column: checked before writing (blank and "" are the same). */
  expect: Record<string, CellValue>;
  /** New values by column (each also in `expect`). */
  set: Record<string, CellValue>;
  /** Number format given to numbers written into General cells (e.g. "yyyy-mm-dd" for dates). */
  dateFormat?: string;
}

/** The row no longer holds what the user was shown (or a cell to set holds a formula): nothing was written. */
export class RowChangedError extends Error {
  constructor(
    readonly reason: "changed" | "formula" | "missing",
    readonly columns: string[],
  ) {
    super(`Row ${reason}: ${columns.join(", ")}`);
    this.name = "RowChangedError";
  }
}

export class CancelledError extends Error {
  constructor() {
    super("Cancelled");
    this.name = "CancelledError";
  }
}
