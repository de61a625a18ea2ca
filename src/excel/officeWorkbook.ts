/**
 * `WorkbookOps` over Office.js. Every `Excel.run` of the project is in this file; the members it uses are
 * listed in README.md (the simulated host implements exactly those).
 */
import {
  MAX_REQUEST_CELLS,
  READ_CELLS_PER_REQUEST,
  REQUEST_BYTE_BUDGET,
  TEXT_FORMAT,
  blockAddress,
  consecutiveRuns,
  literalFormatBytes,
  needsLiteralText,
  parseCellAddress,
  planRowChunks,
  toCellValue,
  uniqueSheetName as pickSheetName,
  uniqueTableName as pickTableName,
} from "./chunking";
import {
  CancelledError,
  type CellValue,
  type ChangePlan,
  type ChartResult,
  type ChartKind,
  type ChartSpec,
  type ColumnSpec,
  type LongWorkOptions,
  type NewTableSpec,
  type ReadOptions,
  type RowEdit,
  RowChangedError,
  type RowsPlan,
  type SheetBlock,
  type StagePlan,
  type TableColumns,
  type TableInfo,
  type WorkbookOps,
  type WriteResult,
} from "./types";

/** `Excel.run` or anything with its contract (the simulated host's run). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Prefix of every key this add-in stores in `workbook.settings`. */
export const SETTINGS_PREFIX = "salesAddin.";

export interface ExcelOpsOptions {
  /** Per-request byte budget (tests lower it to see chunking on small tables). */
  byteBudget?: number;
  cellBudget?: number;
  readCellsPerRequest?: number;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

function isBlankStage(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Queues Text format on the string cells of `rows` that Excel would otherwise parse as formulas. */
function protectLiteralText(range: Excel.Range, rows: readonly CellValue[][]): void {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      if (needsLiteralText(row[c])) range.getCell(r, c).numberFormat = [[TEXT_FORMAT]];
    }
  }
}

interface BodyGeometry {
  sheet: Excel.Worksheet;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  headers: string[];
}

async function loadBody(context: Excel.RequestContext, tableName: string): Promise<BodyGeometry> {
  const table = context.workbook.tables.getItem(tableName);
  const header = table.getHeaderRowRange();
  header.load("values,rowIndex,columnIndex");
  const body = table.getDataBodyRange();
  body.load("rowIndex,columnIndex,rowCount");
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- a navigation property: a proxy object, nothing to load
  const sheet = table.worksheet;
  sheet.load("name");
  await context.sync();
  return {
    sheet,
    rowIndex: body.rowIndex,
    columnIndex: body.columnIndex,
    rowCount: body.rowCount,
    headers: (header.values[0] ?? []).map((h) => String(h)),
  };
}

function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** The cell still holds what the user was shown (numbers to 1e-9; text exactly; blank and "" alike). */
function sameShownValue(current: unknown, shown: unknown): boolean {
  if (isBlankCell(current) || isBlankCell(shown)) return isBlankCell(current) && isBlankCell(shown);
  if (typeof current === "number" && typeof shown === "number") return Math.abs(current - shown) <= 1e-9;
  return String(current) === String(shown);
}

/** Row-major copy of a column-major table. */
export function bodyRows(table: TableColumns): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = 0; r < table.rowCount; r++) rows.push(table.headers.map((h) => table.columns[h]?.[r] ?? ""));
  return rows;
}

export function createExcelWorkbookOps(run?: ExcelRun, options: ExcelOpsOptions = {}): WorkbookOps {
  const excelRun: ExcelRun = run ?? (<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
  const byteBudget = options.byteBudget ?? REQUEST_BYTE_BUDGET;
  const cellBudget = options.cellBudget ?? MAX_REQUEST_CELLS;
  const readCells = options.readCellsPerRequest ?? READ_CELLS_PER_REQUEST;

  async function readColumns(
    context: Excel.RequestContext,
    geometry: BodyGeometry,
    columnIndexes: number[],
    property: "values" | "formulas",
    opts: ReadOptions = {},
  ): Promise<CellValue[][]> {
    const out: CellValue[][] = columnIndexes.map(() => []);
    const total = Math.min(geometry.rowCount, opts.maxRows ?? geometry.rowCount);
    const perChunk = Math.max(1, Math.floor(readCells / Math.max(1, columnIndexes.length)));
    for (let start = 0; start < total; start += perChunk) {
      throwIfAborted(opts.signal);
      const count = Math.min(perChunk, total - start);
      const ranges = columnIndexes.map((ci) => {
        const range = geometry.sheet.getRangeByIndexes(geometry.rowIndex + start, geometry.columnIndex + ci, count, 1);
        // eslint-disable-next-line office-addins/no-empty-load -- `property` is "values" or "formulas", never empty
        range.load(property);
        return range;
      });
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk, by design: each stays under Office.js's 5 MB / 5,000,000-cell request limits
      await context.sync();
      ranges.forEach((range, k) => {
        const data = property === "values" ? range.values : range.formulas;
        for (const row of data) out[k].push(toCellValue(row[0]));
      });
      opts.onProgress?.({ done: start + count, total });
      // Give the pane's thread back between requests (a host that answers at once would otherwise keep it
      // for the whole read: 60,000 rows × 16 columns in one go).
      if (start + count < total) await yieldThread();
    }
    return out;
  }

  const ops: WorkbookOps = {
    async listTables(): Promise<TableInfo[]> {
      return excelRun(async (context) => {
        const tables = context.workbook.tables;
        tables.load("items/name");
        await context.sync();
        const parts = tables.items.map((table) => {
          const sheet = table.worksheet;
          sheet.load("name");
          const header = table.getHeaderRowRange();
          header.load("values");
          const body = table.getDataBodyRange();
          body.load("rowCount");
          return { table, sheet, header, body };
        });
        await context.sync();
        return parts.map(({ table, sheet, header, body }) => ({
          name: table.name,
          sheet: sheet.name,
          headers: (header.values[0] ?? []).map((h) => String(h)),
          rowCount: body.rowCount,
        }));
      });
    },

    async readTable(tableName: string, opts: ReadOptions = {}): Promise<TableColumns> {
      return excelRun(async (context) => {
        const geometry = await loadBody(context, tableName);
        const wanted = opts.columns ?? geometry.headers;
        const indexes = wanted.map((name) => {
          const i = geometry.headers.indexOf(name);
          if (i < 0) throw new Error(`Table ${tableName} has no column "${name}"`);
          return i;
        });
        const data = await readColumns(context, geometry, indexes, "values", opts);
        const columns: Record<string, CellValue[]> = {};
        wanted.forEach((name, k) => {
          columns[name] = data[k];
        });
        return { name: tableName, headers: geometry.headers, rowCount: geometry.rowCount, columns };
      });
    },

    async planColumns(tableName: string, specs: ColumnSpec[]): Promise<ChangePlan> {
      return excelRun(async (context) => {
        const geometry = await loadBody(context, tableName);
        const existing = specs.filter((s) => geometry.headers.includes(s.name));
        const newColumns = specs.filter((s) => !geometry.headers.includes(s.name)).map((s) => s.name);
        let cellsToChange = 0;
        if (existing.length > 0) {
          const current = await readColumns(
            context,
            geometry,
            existing.map((s) => geometry.headers.indexOf(s.name)),
            "formulas",
          );
          const same = sameFormulaText(tableName);
          existing.forEach((spec, k) => {
            for (let r = 0; r < geometry.rowCount; r++) {
              const next = spec.formula ? spec.formula(r) : toCellValue(spec.values?.[r]);
              if (!same(current[k][r], next)) cellsToChange++;
            }
          });
        }
        return { cellsToChange, newColumns, existingColumns: existing.map((s) => s.name) };
      });
    },

    async addColumns(tableName: string, specs: ColumnSpec[], opts: LongWorkOptions = {}): Promise<WriteResult> {
      const created: string[] = [];
      try {
        return await excelRun(async (context) => {
          const table = context.workbook.tables.getItem(tableName);
          // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- a navigation property: a proxy object, nothing to load
          const columns = table.columns;
          columns.load("items/name");
          await context.sync();
          const names = new Set(columns.items.map((c) => c.name));
          for (const spec of specs) {
            if (!names.has(spec.name)) {
              columns.add(undefined, undefined, spec.name);
              names.add(spec.name);
              created.push(spec.name);
            }
          }
          if (created.length > 0) await context.sync();
          const geometry = await loadBody(context, tableName);
          const indexes = specs.map((s) => geometry.headers.indexOf(s.name));
          const rowAt = (i: number): CellValue[] =>
            specs.map((s) => (s.formula ? s.formula(i) : toCellValue(s.values?.[i])));
          // Formula cells are meant to be formulas: only value cells can need the Text format.
          const valueCells = (i: number): CellValue[] => {
            const row = rowAt(i);
            return row.filter((_, k) => !specs[k].formula);
          };
          const chunks = planRowChunks(geometry.rowCount, rowAt, {
            byteBudget,
            cellBudget,
            extraBytes: (i) => literalFormatBytes(valueCells(i)),
          });
          let requests = 0;
          let cellsWritten = 0;
          for (const chunk of chunks) {
            throwIfAborted(opts.signal);
            const count = chunk.end - chunk.start;
            const byColumn: CellValue[][][] = specs.map(() => []);
            for (let i = chunk.start; i < chunk.end; i++) {
              const row = rowAt(i);
              row.forEach((v, k) => byColumn[k].push([v]));
            }
            specs.forEach((spec, k) => {
              const range = geometry.sheet.getRangeByIndexes(
                geometry.rowIndex + chunk.start,
                geometry.columnIndex + indexes[k],
                count,
                1,
              );
              const rows = byColumn[k];
              if (spec.numberFormat) range.numberFormat = rows.map(() => [spec.numberFormat as string]);
              if (spec.formula) {
                range.formulas = rows;
              } else {
                protectLiteralText(range, rows);
                range.values = rows;
              }
            });
            context.workbook.application.suspendApiCalculationUntilNextSync();
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk, by design: each stays under Office.js's 5 MB / 5,000,000-cell request limits
            await context.sync();
            requests++;
            cellsWritten += count * specs.length;
            opts.onProgress?.({ done: chunk.end, total: geometry.rowCount });
          }
          return { requests, cellsWritten };
        });
      } catch (error) {
        // Leave the table as it was: columns this call created go away again (refreshed ones keep their new cells).
        if (created.length > 0) {
          await excelRun(async (context) => {
            const table = context.workbook.tables.getItem(tableName);
            for (const name of created) table.columns.getItemOrNullObject(name).delete();
            await context.sync();
          }).catch(() => undefined);
        }
        throw error;
      }
    },

    async writeColumnValues(tableName: string, column: string, values: CellValue[], opts?: LongWorkOptions) {
      return ops.addColumns(tableName, [{ name: column, values }], opts);
    },

    async planStages(tableName: string, stageColumn: string, rows: number[]): Promise<StagePlan> {
      const data = await ops.readTable(tableName, { columns: [stageColumn] });
      const stages = data.columns[stageColumn];
      const rowsToSet: number[] = [];
      const rowsKept: number[] = [];
      for (const r of [...new Set(rows)].sort((a, b) => a - b)) {
        if (r < 0 || r >= stages.length) continue;
        (isBlankStage(stages[r]) ? rowsToSet : rowsKept).push(r);
      }
      return { rowsToSet, rowsKept };
    },

    async setBlankStages(tableName, stageColumn, rows, stage, opts: LongWorkOptions = {}): Promise<number> {
      return excelRun(async (context) => {
        const geometry = await loadBody(context, tableName);
        const col = geometry.headers.indexOf(stageColumn);
        if (col < 0) throw new Error(`Table ${tableName} has no column "${stageColumn}"`);
        // Re-read at apply time: a cell the user filled since the preview must not be overwritten.
        const [current] = await readColumns(context, geometry, [col], "values");
        const blankRows = rows.filter((r) => r >= 0 && r < current.length && isBlankStage(current[r]));
        const runs = consecutiveRuns(blankRows);
        const rowBytes = JSON.stringify([stage]).length + 1 + (needsLiteralText(stage) ? 64 : 0);
        const perRequest = Math.max(1, Math.min(Math.floor(byteBudget / (rowBytes + 48)), cellBudget));
        let done = 0;
        let pending = 0;
        const total = blankRows.length;
        for (const run of runs) {
          for (let offset = 0; offset < run.count;) {
            throwIfAborted(opts.signal);
            const count = Math.min(run.count - offset, perRequest - pending);
            const range = geometry.sheet.getRangeByIndexes(
              geometry.rowIndex + run.start + offset,
              geometry.columnIndex + col,
              count,
              1,
            );
            const cells: CellValue[][] = Array.from({ length: count }, () => [stage]);
            protectLiteralText(range, cells);
            range.values = cells;
            pending += count;
            offset += count;
            if (pending >= perRequest) {
              context.workbook.application.suspendApiCalculationUntilNextSync();
              // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk, by design: each stays under Office.js's 5 MB / 5,000,000-cell request limits
              await context.sync();
              done += pending;
              pending = 0;
              opts.onProgress?.({ done, total });
            }
          }
        }
        if (pending > 0) {
          context.workbook.application.suspendApiCalculationUntilNextSync();
          await context.sync();
          done += pending;
          opts.onProgress?.({ done, total });
        }
        return done;
      });
    },

    async planTableRows(tableName: string, rows: CellValue[][]): Promise<RowsPlan> {
      const current = await ops.readTable(tableName);
      const width = current.headers.length;
      const currentRows = bodyRows(current);
      let cellsToChange = 0;
      const common = Math.min(currentRows.length, rows.length);
      for (let r = 0; r < common; r++) {
        for (let c = 0; c < width; c++) {
          if (c >= (rows[r]?.length ?? 0)) continue;
          if (String(currentRows[r][c]) !== String(toCellValue(rows[r][c]))) cellsToChange++;
        }
      }
      let rowsCleared = 0;
      for (let r = rows.length; r < currentRows.length; r++) {
        const filled = currentRows[r].filter((v) => v !== "").length;
        cellsToChange += filled;
        if (filled > 0) rowsCleared++;
      }
      return { cellsToChange, rowsAdded: Math.max(0, rows.length - currentRows.length), rowsCleared };
    },

    async replaceTableRows(tableName: string, rows: CellValue[][], opts: LongWorkOptions = {}): Promise<WriteResult> {
      return excelRun(async (context) => {
        const table = context.workbook.tables.getItem(tableName);
        let geometry = await loadBody(context, tableName);
        const width = Math.min(geometry.headers.length, Math.max(1, ...rows.map((r) => r.length)));
        let requests = 0;
        if (geometry.rowCount < rows.length) {
          const blank = Array.from({ length: rows.length - geometry.rowCount }, () =>
            Array.from({ length: geometry.headers.length }, () => ""),
          );
          table.rows.add(undefined, blank);
          await context.sync();
          requests++;
        }
        // Surplus rows are blanked, not deleted: a rule row with a blank field is skipped by the SALES
        // functions, and blanking needs no row deletion (which would shift cells beside the table).
        const target = Math.max(1, rows.length, geometry.rowCount);
        const fullWidth = geometry.headers.length;
        geometry = await loadBody(context, tableName);
        const rowAt = (i: number): CellValue[] =>
          i < rows.length
            ? Array.from({ length: width }, (_, c) => toCellValue(rows[i]?.[c]))
            : Array.from({ length: fullWidth }, () => "");
        const chunks = planRowChunks(target, rowAt, {
          byteBudget,
          cellBudget,
          extraBytes: (i) => literalFormatBytes(rowAt(i)),
        });
        for (const chunk of chunks) {
          throwIfAborted(opts.signal);
          // Data rows and blanked rows have different widths: one range per kind.
          const split = Math.min(Math.max(chunk.start, rows.length), chunk.end);
          for (const [from, to, w] of [
            [chunk.start, split, width],
            [split, chunk.end, fullWidth],
          ] as const) {
            if (to <= from) continue;
            const block: CellValue[][] = [];
            for (let i = from; i < to; i++) block.push(rowAt(i));
            const range = geometry.sheet.getRangeByIndexes(
              geometry.rowIndex + from,
              geometry.columnIndex,
              block.length,
              w,
            );
            protectLiteralText(range, block);
            range.values = block;
          }
          context.workbook.application.suspendApiCalculationUntilNextSync();
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk, by design: each stays under Office.js's 5 MB / 5,000,000-cell request limits
          await context.sync();
          requests++;
          opts.onProgress?.({ done: chunk.end, total: target });
        }
        return { requests, cellsWritten: rows.length * width + (target - rows.length) * fullWidth };
      });
    },

    async listSheets(): Promise<string[]> {
      return excelRun(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        return sheets.items.map((s) => s.name);
      });
    },

    async uniqueSheetName(wished: string): Promise<string> {
      return excelRun(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        return pickSheetName(
          wished,
          sheets.items.map((s) => s.name),
        );
      });
    },

    async uniqueTableName(wished: string): Promise<string> {
      return excelRun(async (context) => {
        const tables = context.workbook.tables;
        tables.load("items/name");
        await context.sync();
        return pickTableName(
          wished,
          tables.items.map((t) => t.name),
        );
      });
    },

    async addSheet(wished: string): Promise<string> {
      return excelRun(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const name = pickSheetName(
          wished,
          sheets.items.map((s) => s.name),
        );
        sheets.add(name);
        await context.sync();
        return name;
      });
    },

    async addTable(sheetName: string, spec: NewTableSpec, opts: LongWorkOptions = {}): Promise<string> {
      return excelRun(async (context) => {
        const tables = context.workbook.tables;
        tables.load("items/name");
        await context.sync();
        const name = pickTableName(
          spec.name,
          tables.items.map((t) => t.name),
        );
        const sheet = context.workbook.worksheets.getItem(sheetName);
        const origin = parseCellAddress(spec.topLeft);
        const width = spec.headers.length;
        const formats = spec.headers.map((h) => spec.numberFormats?.[h]);
        const hasFormats = formats.some((f) => f !== undefined);
        const rowAt = (i: number): CellValue[] =>
          i === 0 ? spec.headers : (spec.rows[i - 1] ?? []).map((v) => toCellValue(v));
        const chunks = planRowChunks(spec.rows.length + 1, rowAt, {
          byteBudget,
          cellBudget,
          extraBytes: (i) => literalFormatBytes(rowAt(i)) + (hasFormats && i > 0 ? 8 * width : 0),
        });
        for (const chunk of chunks) {
          throwIfAborted(opts.signal);
          const rows: CellValue[][] = [];
          for (let i = chunk.start; i < chunk.end; i++) {
            const row = rowAt(i);
            rows.push(Array.from({ length: width }, (_, c) => row[c] ?? ""));
          }
          const range = sheet.getRangeByIndexes(origin.row + chunk.start, origin.column, rows.length, width);
          if (hasFormats) {
            range.numberFormat = rows.map((_, k) =>
              formats.map((f) => (chunk.start + k === 0 || f === undefined ? "General" : f)),
            );
          }
          protectLiteralText(range, rows);
          range.values = rows;
          context.workbook.application.suspendApiCalculationUntilNextSync();
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk, by design: each stays under Office.js's 5 MB / 5,000,000-cell request limits
          await context.sync();
          opts.onProgress?.({ done: chunk.end, total: spec.rows.length + 1 });
        }
        const address = blockAddress(spec.topLeft, spec.rows.length + 1, width);
        const table = sheet.tables.add(`'${sheetName.replace(/'/g, "''")}'!${address}`, true);
        table.name = name;
        await context.sync();
        return name;
      });
    },

    async writeBlock(sheetName: string, block: SheetBlock): Promise<void> {
      await excelRun(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        const width = Math.max(1, ...block.formulas.map((r) => r.length));
        const rows = block.formulas.map((r) => Array.from({ length: width }, (_, c) => toCellValue(r[c])));
        const range = sheet.getRange(blockAddress(block.topLeft, rows.length, width));
        if (block.numberFormat) range.numberFormat = rows.map((r) => r.map(() => block.numberFormat as string));
        range.formulas = rows;
        await context.sync();
      });
    },

    async setNumberFormat(sheetName: string, address: string, format: string): Promise<void> {
      await excelRun(async (context) => {
        const range = context.workbook.worksheets.getItem(sheetName).getRange(address);
        range.load("rowCount,columnCount");
        await context.sync();
        range.numberFormat = Array.from({ length: range.rowCount }, () =>
          Array.from({ length: range.columnCount }, () => format),
        );
        await context.sync();
      });
    },

    async addColorScale(sheetName: string, address: string, midpoint: number): Promise<void> {
      await excelRun(async (context) => {
        const range = context.workbook.worksheets.getItem(sheetName).getRange(address);
        const format = range.conditionalFormats.add("ColorScale");
        format.colorScale.criteria = {
          minimum: { type: "LowestValue", color: "#F8696B" },
          midpoint: {
            formula: String(midpoint),
            type: "Number",
            color: "#FFEB84",
          },
          maximum: { type: "HighestValue", color: "#63BE7B" },
        };
        await context.sync();
      });
    },

    async addChart(sheetName: string, spec: ChartSpec): Promise<ChartResult> {
      const attempt = (type: ChartKind) =>
        excelRun(async (context) => {
          const sheet = context.workbook.worksheets.getItem(sheetName);
          const chart = sheet.charts.add(
            type as Excel.ChartType,
            sheet.getRange(spec.source),
            (spec.seriesBy ?? "Auto") as Excel.ChartSeriesBy,
          );
          chart.title.text = spec.title;
          for (const index of spec.lineSeries ?? [])
            chart.series.getItemAt(index).chartType = "Line" as Excel.ChartType;
          chart.setPosition(spec.topLeft, spec.bottomRight);
          await context.sync();
        });
      const type = spec.type ?? "Funnel";
      if (type !== "Funnel") {
        await attempt(type);
        return { type };
      }
      try {
        await attempt("Funnel");
        return { type: "Funnel" };
      } catch {
        // Funnel charts need Excel 2019+/Microsoft 365; an older host refuses the type, a bar chart still shows the shape.
        await attempt("BarClustered");
        return { type: "BarClustered" };
      }
    },

    async deleteSheet(sheetName: string): Promise<void> {
      await excelRun(async (context) => {
        context.workbook.worksheets.getItem(sheetName).delete();
        await context.sync();
      });
    },

    async renameSheet(sheetName: string, newName: string): Promise<void> {
      await excelRun(async (context) => {
        context.workbook.worksheets.getItem(sheetName).name = newName;
        await context.sync();
      });
    },

    async activateSheet(sheetName: string): Promise<void> {
      await excelRun(async (context) => {
        context.workbook.worksheets.getItem(sheetName).activate();
        await context.sync();
      });
    },

    async nextFreeRow(sheetName: string): Promise<number> {
      return excelRun(async (context) => {
        // valuesOnly: formatting alone does not take a row; spilled values do.
        const used = context.workbook.worksheets.getItem(sheetName).getUsedRangeOrNullObject(true);
        used.load(["rowIndex", "rowCount"]);
        await context.sync();
        return used.isNullObject ? 1 : used.rowIndex + used.rowCount + 1;
      });
    },

    async selectTableRow(tableName: string, row: number): Promise<void> {
      await excelRun(async (context) => {
        const table = context.workbook.tables.getItem(tableName);
        table.worksheet.activate();
        table.getDataBodyRange().getRow(row).select();
        await context.sync();
      });
    },

    async updateRowCells(tableName: string, edit: RowEdit): Promise<void> {
      await excelRun(async (context) => {
        const geometry = await loadBody(context, tableName);
        const names = [...new Set([...Object.keys(edit.expect), ...Object.keys(edit.set)])];
        const missing = names.filter((name) => geometry.headers.indexOf(name) < 0);
        if (missing.length > 0 || edit.row < 0 || edit.row >= geometry.rowCount) {
          throw new RowChangedError("missing", missing);
        }
        const cells = names.map((name) => {
          const cell = geometry.sheet.getRangeByIndexes(
            geometry.rowIndex + edit.row,
            geometry.columnIndex + geometry.headers.indexOf(name),
            1,
            1,
          );
          cell.load("values,formulas,numberFormat");
          return cell;
        });
        await context.sync();
        // Re-read at apply time, in the same batch as the write: what the user confirmed is what gets replaced.
        const changed = names.filter(
          (name, k) => name in edit.expect && !sameShownValue(cells[k].values[0][0], edit.expect[name]),
        );
        if (changed.length > 0) throw new RowChangedError("changed", changed);
        const formulas = names.filter((name, k) => {
          const formula = cells[k].formulas[0][0];
          return name in edit.set && typeof formula === "string" && formula.startsWith("=");
        });
        if (formulas.length > 0) throw new RowChangedError("formula", formulas);
        names.forEach((name, k) => {
          if (!(name in edit.set)) return;
          const value = edit.set[name];
          const cell = cells[k];
          if (needsLiteralText(value)) cell.numberFormat = [[TEXT_FORMAT]];
          else if (typeof value === "number" && edit.dateFormat && String(cell.numberFormat[0][0]) === "General") {
            cell.numberFormat = [[edit.dateFormat]];
          }
          cell.values = [[value ?? ""]];
        });
        await context.sync();
      });
    },

    async countErrorRows(tableName: string, columns: string[]) {
      return waitWhileBusy(() =>
        excelRun(async (context) => {
          const geometry = await loadBody(context, tableName);
          const indexes = columns.map((name) => geometry.headers.indexOf(name)).filter((i) => i >= 0);
          const errorRow = new Uint8Array(geometry.rowCount);
          const codes: Record<string, number> = {};
          let busy = 0;
          const perChunk = Math.max(1, Math.floor(readCells / Math.max(1, indexes.length)));
          for (let start = 0; start < geometry.rowCount; start += perChunk) {
            const count = Math.min(perChunk, geometry.rowCount - start);
            const ranges = indexes.map((ci) => {
              const range = geometry.sheet.getRangeByIndexes(
                geometry.rowIndex + start,
                geometry.columnIndex + ci,
                count,
                1,
              );
              range.load("values,valueTypes");
              return range;
            });
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk, by design: each stays under Office.js's 5 MB / 5,000,000-cell request limits
            await context.sync();
            for (const range of ranges) {
              range.valueTypes.forEach((row, r) => {
                if (row[0] !== "Error") return;
                const code = String(range.values[r][0]);
                if (code === BUSY) {
                  busy++;
                  return;
                }
                codes[code] = (codes[code] ?? 0) + 1;
                errorRow[start + r] = 1;
              });
            }
          }
          let errorRows = 0;
          for (const flag of errorRow) errorRows += flag;
          return { result: { rows: geometry.rowCount, errorRows, codes }, busy };
        }),
      );
    },

    async findErrorCells(sheetName: string, addresses: string[]) {
      return waitWhileBusy(() =>
        excelRun(async (context) => {
          const sheet = context.workbook.worksheets.getItem(sheetName);
          const ranges = addresses.map((address) => {
            const range = sheet.getRange(address);
            range.load("values,valueTypes");
            return range;
          });
          await context.sync();
          let busy = 0;
          const result: Array<{ address: string; code: string }> = [];
          ranges.forEach((range, k) => {
            if (range.valueTypes[0]?.[0] !== "Error") return;
            const code = String(range.values[0][0]);
            if (code === BUSY) busy++;
            else result.push({ address: addresses[k], code });
          });
          return { result, busy };
        }),
      );
    },

    async getSetting<T>(key: string): Promise<T | undefined> {
      return excelRun(async (context) => {
        const item = context.workbook.settings.getItemOrNullObject(SETTINGS_PREFIX + key);
        item.load("value");
        await context.sync();
        if (item.isNullObject) return undefined;
        const raw: unknown = item.value;
        if (typeof raw !== "string") return raw as T;
        try {
          return JSON.parse(raw) as T;
        } catch {
          return undefined;
        }
      });
    },

    async setSetting(key: string, value: unknown): Promise<void> {
      await excelRun(async (context) => {
        // Stored as JSON text: every host round-trips strings, not all round-trip nested objects.
        context.workbook.settings.add(SETTINGS_PREFIX + key, JSON.stringify(value));
        await context.sync();
      });
    },
  };
  return ops;
}

const BUSY = "#BUSY!";

/** Lets the browser run other work (paint, input) before the next request: one macrotask. */
function yieldThread(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === "undefined") {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/**
 * Custom functions calculate asynchronously in Excel: right after a write their cells show #BUSY!. Reads again
 * (a few times, a little longer each time) until no cell is busy, then returns what it has.
 */
async function waitWhileBusy<T>(read: () => Promise<{ result: T; busy: number }>): Promise<T> {
  let last = await read();
  for (let attempt = 0; last.busy > 0 && attempt < 8; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250 * (attempt + 1)));
    last = await read();
  }
  return last.result;
}

/**
 * Compares a cell's formula as read back with the one we would write. Inside its own table Excel rewrites
 * `Leads[@Score]` as `[@Score]` and may change the case of names, so those differences are not changes.
 */
export function sameFormulaText(tableName: string): (current: unknown, next: unknown) => boolean {
  const escaped = tableName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const ownThisRow = new RegExp(`(?<![\\w.])${escaped}\\[(?=@|\\[@)`, "gi");
  const canonical = (v: unknown): string => {
    const text = String(v ?? "");
    return text.startsWith("=") ? text.replace(ownThisRow, "[").toUpperCase() : text;
  };
  return (current, next) => canonical(current) === canonical(next);
}
