/**
 * Office.js-shaped proxy objects over the simulated workbook. A proxy knows how to find its target
 * ("object path") but holds no data until `load()` + `sync()`; reading an unloaded property throws
 * PropertyNotLoaded; setting a property or calling a method queues an action that runs at `sync()`.
 * Only the members the access layer uses (src/excel/README.md), plus their close neighbours, exist.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  parseLocalAddress,
  qualifiedAddress,
  rectAddress,
  rectColumns,
  rectRows,
  splitSheet,
} from "./address";
import { Action, Execution, HostCore, RequestContextCore, jsonBytes } from "./context";
import { SimError, propertyNotLoaded } from "./errors";
import { formatCell } from "./format";
import { ChartModel, SheetModel, SimCellValue, TableModel, WorkbookModel } from "./model";

type Resolver<T> = (exec: Execution) => T | null;

/** The chart types Excel.ChartType lists that the sim accepts. */
export const CHART_TYPES = new Set([
  "Funnel",
  "BarClustered",
  "BarStacked",
  "ColumnClustered",
  "ColumnStacked",
  "Line",
  "LineMarkers",
  "Pie",
  "Doughnut",
  "Area",
  "XYScatter",
  "Waterfall",
]);

function parseLoadSpec(spec: unknown): string[] | undefined {
  if (spec === undefined || spec === null) return undefined;
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  if (Array.isArray(spec))
    return spec
      .flatMap((s) => String(s).split(","))
      .map((s) => s.trim())
      .filter((s) => s !== "");
  if (typeof spec === "object") {
    const o = spec as { select?: unknown; expand?: unknown };
    const select = parseLoadSpec(o.select) ?? [];
    const expand = parseLoadSpec(o.expand) ?? [];
    return [...select, ...expand];
  }
  throw new SimError("InvalidArgument", "load() takes a string, an array of strings or an options object.");
}

/** Base of every proxy. */
export abstract class ClientObject<T> {
  protected readonly _ctx: RequestContext;
  private readonly _resolver: Resolver<T>;
  private readonly _nullable: boolean;
  private _memo: { syncId: number; target: T | null } | undefined;
  /** Values loaded by a successful sync, or set locally (Office.js keeps what you set readable). */
  protected _data: Record<string, unknown> = {};
  private _isNull: boolean | undefined;
  abstract readonly _typeName: string;
  /** Properties loaded by `load()` with no argument. */
  protected abstract readonly _scalarProperties: readonly string[];

  constructor(ctx: RequestContext, resolver: Resolver<T>, nullable = false) {
    this._ctx = ctx;
    this._resolver = resolver;
    this._nullable = nullable;
    if (nullable) {
      // Office.js instantiates a *OrNullObject result in the batch so isNullObject comes back with the sync.
      ctx._core.enqueue({
        label: "getItemOrNullObject",
        run: (exec) => {
          const isNull = this._target(exec, true) === null;
          return () => {
            this._isNull = isNull;
          };
        },
      });
    }
  }

  get context(): RequestContext {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (this._isNull === undefined) throw propertyNotLoaded(this._typeName, "isNullObject");
    return this._isNull;
  }

  /** Resolves the target for the running sync. Throws ItemNotFound unless `allowNull`. */
  _target(exec: Execution, allowNull = false): T | null {
    if (!this._memo || this._memo.syncId !== exec.syncId) {
      let target: T | null;
      try {
        target = this._resolver(exec);
      } catch (e) {
        // A *OrNullObject child of a null object is a null object too, as in Office.js.
        if (this._nullable && e instanceof SimError && e.nullObject) target = null;
        else throw e;
      }
      this._memo = { syncId: exec.syncId, target };
    }
    const target = this._memo.target;
    if (target === null && !allowNull) {
      const error = new SimError(
        this._nullable ? "InvalidOperation" : "ItemNotFound",
        `The requested ${this._typeName} does not exist.`,
      );
      error.nullObject = this._nullable;
      throw error;
    }
    return target;
  }

  _require(exec: Execution): T {
    return this._target(exec) as T;
  }

  protected _get<V>(name: string): V {
    if (!(name in this._data)) throw propertyNotLoaded(this._typeName, name);
    return this._data[name] as V;
  }

  /** Queues a property write; the value is readable on the proxy at once, as in Office.js. */
  protected _set(
    name: string,
    value: unknown,
    apply: (target: T, exec: Execution) => void,
    payload?: { bytes: number; cells: number },
  ): void {
    this._data[name] = value;
    this._ctx._core.enqueue({
      label: `${this._typeName}.${name}`,
      requestBytes: payload?.bytes ?? jsonBytes(value),
      cellsWritten: payload?.cells ?? 0,
      run: (exec) => apply(this._require(exec), exec),
    });
  }

  protected _method(name: string, run: (target: T, exec: Execution) => void, payload?: Partial<Action>): void {
    this._ctx._core.enqueue({
      label: `${this._typeName}.${name}`,
      ...payload,
      run: (exec) => run(this._require(exec), exec),
    });
  }

  /** Reads one property on the "server" side. */
  protected abstract _read(target: T, name: string, exec: Execution): unknown;

  /** Navigation properties whose own properties can be loaded with "nav/prop". */
  protected _navigation(name: string): ClientObject<unknown> | undefined {
    void name;
    return undefined;
  }

  load(spec?: unknown): this {
    const names = parseLoadSpec(spec) ?? [...this._scalarProperties];
    const own: string[] = [];
    const nested = new Map<string, string[]>();
    for (const n of names) {
      const slash = n.indexOf("/");
      if (slash > 0) {
        const head = n.slice(0, slash);
        nested.set(head, [...(nested.get(head) ?? []), n.slice(slash + 1)]);
      } else if (this._navigation(n)) {
        nested.set(n, nested.get(n) ?? []);
      } else {
        own.push(n);
      }
    }
    this._ctx._core.enqueue({
      label: `${this._typeName}.load`,
      run: (exec) => {
        const target = this._target(exec, this._nullable);
        if (target === null) {
          return () => {
            this._isNull = true;
          };
        }
        const loaded: Record<string, unknown> = {};
        for (const n of own) {
          loaded[n] = this._read(target, n, exec);
          exec.responseBytes += jsonBytes(loaded[n]);
        }
        return () => {
          if (this._nullable) this._isNull = false;
          Object.assign(this._data, loaded);
        };
      },
    });
    for (const [head, rest] of nested) {
      const nav = this._navigation(head);
      if (!nav) throw new SimError("InvalidArgument", `${this._typeName} has no navigation property ${head}.`);
      nav.load(rest.length > 0 ? rest : undefined);
    }
    return this;
  }

  toJSON(): Record<string, unknown> {
    return { ...this._data };
  }
}

/** Result of a method that returns a value (e.g. getCount()). */
export class ClientResult<V> {
  private _value: V | undefined;
  private _set = false;
  get value(): V {
    if (!this._set) throw propertyNotLoaded("ClientResult", "value");
    return this._value as V;
  }
  _publish(value: V): void {
    this._value = value;
    this._set = true;
  }
}

function resultMethod<T, V>(
  ctx: RequestContext,
  owner: ClientObject<T>,
  label: string,
  compute: (target: T, exec: Execution) => V,
): ClientResult<V> {
  const result = new ClientResult<V>();
  ctx._core.enqueue({
    label,
    run: (exec) => {
      const value = compute(owner._require(exec), exec);
      return () => result._publish(value);
    },
  });
  return result;
}

/** Base of collections: `items` is loaded with "items/prop" or "prop". */
abstract class ClientCollection<T, Item extends ClientObject<unknown>> extends ClientObject<T> {
  protected readonly _scalarProperties: readonly string[] = ["items"];
  protected abstract _list(target: T): unknown[];
  protected abstract _itemProxy(model: unknown): Item;

  get items(): Item[] {
    return this._get<Item[]>("items");
  }

  protected _read(): unknown {
    throw new SimError("InvalidArgument", `${this._typeName} has no such property.`);
  }

  override load(spec?: unknown): this {
    const names = parseLoadSpec(spec) ?? [];
    const itemProps: string[] = [];
    const own: string[] = [];
    for (const n of names) {
      if (n === "items") continue;
      if (n.startsWith("items/")) itemProps.push(n.slice(6));
      else if (n === "count") own.push(n);
      else itemProps.push(n);
    }
    this._ctx._core.enqueue({
      label: `${this._typeName}.load`,
      run: (exec) => {
        const models = this._list(this._require(exec));
        const items = models.map((m) => this._itemProxy(m));
        const mark = this._ctx._core.pendingActions;
        for (const item of items) item.load(itemProps.length > 0 ? itemProps : undefined);
        // The items' own load actions were queued after this one; run them now, inside this request.
        const pending = this._ctx._core.takeSince(mark);
        const commits = pending.map((a) => a.run(exec)).filter((c): c is () => void => typeof c === "function");
        const count = models.length;
        return () => {
          for (const c of commits) c();
          this._data.items = items;
          if (own.includes("count")) this._data.count = count;
        };
      },
    });
    return this;
  }

  getCount(): ClientResult<number> {
    return resultMethod(this._ctx, this, `${this._typeName}.getCount`, (t) => this._list(t).length);
  }
}

// ---------------------------------------------------------------------------------------------------
// Ranges

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

function matrixInput(value: unknown, rect: Rect, what: string): (r: number, c: number) => unknown {
  const rows = rectRows(rect);
  const cols = rectColumns(rect);
  if (!Array.isArray(value)) return () => value;
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
    // A single-cell array is broadcast like a single value.
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return () => value[0][0];
    throw new SimError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: got ${value.length}×${
        Array.isArray(value[0]) ? value[0].length : 0
      }, range is ${rows}×${cols}).`,
    );
  }
  return (r, c) => (value as unknown[][])[r][c];
}

function payloadOf(value: unknown): { bytes: number; cells: number } {
  const cells = Array.isArray(value)
    ? value.reduce((n: number, row) => n + (Array.isArray(row) ? row.length : 1), 0)
    : 1;
  return { bytes: jsonBytes(value), cells };
}

export class RangeFormat extends ClientObject<RangeTarget> {
  readonly _typeName = "RangeFormat";
  protected readonly _scalarProperties = ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment"] as const;
  private _font: FormatPart | undefined;
  private _fill: FormatPart | undefined;

  get font(): FormatPart {
    this._font ??= new FormatPart(this._ctx, (e) => this._target(e), "RangeFont", [
      "bold",
      "italic",
      "color",
      "size",
      "name",
    ]);
    return this._font;
  }
  get fill(): FormatPart {
    this._fill ??= new FormatPart(this._ctx, (e) => this._target(e), "RangeFill", ["color"]);
    return this._fill;
  }
  set columnWidth(v: number) {
    this._set("columnWidth", v, (t) => record(t, "columnWidth", v));
  }
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set wrapText(v: boolean) {
    this._set("wrapText", v, (t) => record(t, "wrapText", v));
  }
  set horizontalAlignment(v: string) {
    this._set("horizontalAlignment", v, (t) => record(t, "horizontalAlignment", v));
  }
  autofitColumns(): void {
    this._method("autofitColumns", (t) => record(t, "autofitColumns", true));
  }
  autofitRows(): void {
    this._method("autofitRows", (t) => record(t, "autofitRows", true));
  }
  protected _read(t: RangeTarget, name: string): unknown {
    return t.sheet.formats.get(`${rectAddress(t.rect)}|${name}`) ?? null;
  }
}

function record(t: RangeTarget, prop: string, value: unknown): void {
  t.sheet.formats.set(`${rectAddress(t.rect)}|${prop}`, value);
}

/** Font / fill: recorded, not rendered, except bold which the preview grid shows. */
export class FormatPart extends ClientObject<RangeTarget> {
  readonly _typeName: string;
  protected readonly _scalarProperties: readonly string[];
  constructor(ctx: RequestContext, resolver: Resolver<RangeTarget>, typeName: string, props: string[]) {
    super(ctx, resolver);
    this._typeName = typeName;
    this._scalarProperties = props;
    for (const p of props) {
      Object.defineProperty(this, p, {
        get: () => this._get(p),
        set: (v: unknown) => this._set(p, v, (t) => record(t, `${typeName}.${p}`, v)),
      });
    }
  }
  protected _read(t: RangeTarget, name: string): unknown {
    return t.sheet.formats.get(`${rectAddress(t.rect)}|${this._typeName}.${name}`) ?? null;
  }
}

/** A range's conditional formats: `add(type)`; a colour scale's criteria are recorded in the sheet's formats. */
export class ConditionalFormatCollection extends ClientObject<RangeTarget> {
  readonly _typeName = "ConditionalFormatCollection";
  protected readonly _scalarProperties = [] as const;
  add(type: string): ConditionalFormat {
    if (type !== "ColorScale")
      throw new SimError("InvalidArgument", `The simulator records only ColorScale, not ${type}.`);
    this._method("add", (t) => record(t, "conditionalFormat", type));
    return new ConditionalFormat(this._ctx, (e) => this._target(e));
  }
  protected _read(): unknown {
    return null;
  }
}

export class ConditionalFormat extends ClientObject<RangeTarget> {
  readonly _typeName = "ConditionalFormat";
  protected readonly _scalarProperties = [] as const;
  private _colorScale: ColorScaleConditionalFormat | undefined;
  get colorScale(): ColorScaleConditionalFormat {
    this._colorScale ??= new ColorScaleConditionalFormat(this._ctx, (e) => this._target(e));
    return this._colorScale;
  }
  protected _read(): unknown {
    return null;
  }
}

export class ColorScaleConditionalFormat extends ClientObject<RangeTarget> {
  readonly _typeName = "ColorScaleConditionalFormat";
  protected readonly _scalarProperties = ["criteria"] as const;
  set criteria(v: unknown) {
    this._set("criteria", v, (t) => record(t, "colorScale", v));
  }
  get criteria(): unknown {
    return this._get("criteria");
  }
  protected _read(t: RangeTarget): unknown {
    return t.sheet.formats.get(`${rectAddress(t.rect)}|colorScale`) ?? null;
  }
}

export class Range extends ClientObject<RangeTarget> {
  readonly _typeName = "Range";
  protected readonly _scalarProperties = [
    "address",
    "addressLocal",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "cellCount",
    "values",
    "formulas",
    "numberFormat",
    "text",
    "valueTypes",
  ] as const;
  private _format: RangeFormat | undefined;
  private _worksheet: Worksheet | undefined;

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get values(): SimCellValue[][] {
    return this._get("values");
  }
  set values(v: SimCellValue[][]) {
    this._set("values", v, (t, exec) => this._writeCells(t, exec, v, "values"), payloadOf(v));
  }
  get formulas(): SimCellValue[][] {
    return this._get("formulas");
  }
  set formulas(v: SimCellValue[][]) {
    this._set("formulas", v, (t, exec) => this._writeCells(t, exec, v, "formulas"), payloadOf(v));
  }
  get formulasLocal(): SimCellValue[][] {
    return this._get("formulasLocal");
  }
  set formulasLocal(v: SimCellValue[][]) {
    this._set("formulasLocal", v, (t, exec) => this._writeCells(t, exec, v, "formulasLocal"), payloadOf(v));
  }
  get numberFormat(): string[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this._set(
      "numberFormat",
      v,
      (t) => {
        const at = matrixInput(v, t.rect, "numberFormat");
        for (let r = t.rect.top; r <= t.rect.bottom; r++) {
          for (let c = t.rect.left; c <= t.rect.right; c++)
            this._ctx._model.writeNumberFormat(t.sheet, r, c, at(r - t.rect.top, c - t.rect.left));
        }
      },
      payloadOf(v),
    );
  }

  get format(): RangeFormat {
    this._format ??= new RangeFormat(this._ctx, (e) => this._target(e));
    return this._format;
  }

  get conditionalFormats(): ConditionalFormatCollection {
    return new ConditionalFormatCollection(this._ctx, (e) => this._target(e));
  }

  get worksheet(): Worksheet {
    this._worksheet ??= new Worksheet(this._ctx, (e) => this._require(e).sheet);
    return this._worksheet;
  }

  protected override _navigation(name: string): ClientObject<unknown> | undefined {
    if (name === "worksheet") return this.worksheet as ClientObject<unknown>;
    if (name === "format") return this.format as ClientObject<unknown>;
    return undefined;
  }

  private _writeCells(t: RangeTarget, exec: Execution, input: unknown, what: string): void {
    void exec;
    const at = matrixInput(input, t.rect, what);
    const model = this._ctx._model;
    for (let r = t.rect.top; r <= t.rect.bottom; r++) {
      for (let c = t.rect.left; c <= t.rect.right; c++)
        model.writeInput(t.sheet, r, c, at(r - t.rect.top, c - t.rect.left));
    }
  }

  private _matrix<V>(t: RangeTarget, exec: Execution, cell: (r: number, c: number) => V): V[][] {
    const cells = rectRows(t.rect) * rectColumns(t.rect);
    exec.cellsRead += cells;
    if (exec.cellsRead > this._ctx._core.host.limits.maxCells) {
      throw new SimError(
        "ResponsePayloadSizeLimitExceeded",
        `Reading ${cells} cells exceeds the limit of one request.`,
      );
    }
    const out: V[][] = [];
    for (let r = t.rect.top; r <= t.rect.bottom; r++) {
      const row: V[] = [];
      for (let c = t.rect.left; c <= t.rect.right; c++) row.push(cell(r, c));
      out.push(row);
    }
    return out;
  }

  protected _read(t: RangeTarget, name: string, exec: Execution): unknown {
    const model = this._ctx._model;
    const cellAt = (r: number, c: number) => model.getCell(t.sheet, r, c);
    switch (name) {
      case "address":
        return qualifiedAddress(t.sheet.name, t.rect);
      case "addressLocal":
        return qualifiedAddress(t.sheet.name, t.rect);
      case "rowIndex":
        return t.rect.top;
      case "columnIndex":
        return t.rect.left;
      case "rowCount":
        return rectRows(t.rect);
      case "columnCount":
        return rectColumns(t.rect);
      case "cellCount":
        return rectRows(t.rect) * rectColumns(t.rect);
      case "values":
        exec.ensureCalculated();
        return this._matrix(t, exec, (r, c) => cellAt(r, c)?.value ?? "");
      case "formulas":
      case "formulasLocal":
        exec.ensureCalculated();
        return this._matrix(t, exec, (r, c) => {
          const cell = cellAt(r, c);
          if (!cell) return "";
          if (cell.formula !== undefined) return cell.formula;
          return cell.quotePrefix ? `'${cell.value}` : cell.value;
        });
      case "numberFormat":
        return this._matrix(t, exec, (r, c) => cellAt(r, c)?.numberFormat ?? "General");
      case "text":
        exec.ensureCalculated();
        return this._matrix(t, exec, (r, c) => {
          const cell = cellAt(r, c);
          return cell ? formatCell(cell.value, cell.numberFormat ?? "General") : "";
        });
      case "valueTypes":
        exec.ensureCalculated();
        return this._matrix(t, exec, (r, c) => {
          const v = cellAt(r, c)?.value ?? "";
          if (v === "") return "Empty";
          if (typeof v === "number") return "Double";
          if (typeof v === "boolean") return "Boolean";
          return /^#(VALUE!|NUM!|DIV\/0!|N\/A|NAME\?|REF!|NULL!|SPILL!|CALC!|BUSY!)$/.test(v) ? "Error" : "String";
        });
      default:
        throw new SimError("InvalidArgument", `Range has no property ${name}.`);
    }
  }

  private _derived(compute: (t: RangeTarget) => RangeTarget): Range {
    return new Range(this._ctx, (e) => {
      const result = compute(this._require(e));
      this._ctx._model.checkRect(result.rect);
      return result;
    });
  }

  getCell(row: number, column: number): Range {
    return this._derived((t) => ({
      sheet: t.sheet,
      rect: {
        top: t.rect.top + row,
        bottom: t.rect.top + row,
        left: t.rect.left + column,
        right: t.rect.left + column,
      },
    }));
  }
  getRow(row: number): Range {
    return this._derived((t) => ({
      sheet: t.sheet,
      rect: { ...t.rect, top: t.rect.top + row, bottom: t.rect.top + row },
    }));
  }
  getColumn(column: number): Range {
    return this._derived((t) => ({
      sheet: t.sheet,
      rect: { ...t.rect, left: t.rect.left + column, right: t.rect.left + column },
    }));
  }
  getLastRow(): Range {
    return this._derived((t) => ({ sheet: t.sheet, rect: { ...t.rect, top: t.rect.bottom } }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._derived((t) => ({
      sheet: t.sheet,
      rect: {
        top: t.rect.top + rowOffset,
        bottom: t.rect.bottom + rowOffset,
        left: t.rect.left + columnOffset,
        right: t.rect.right + columnOffset,
      },
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._derived((t) => ({
      sheet: t.sheet,
      rect: { ...t.rect, bottom: t.rect.bottom + deltaRows, right: t.rect.right + deltaColumns },
    }));
  }
  getEntireColumn(): Range {
    return this._derived((t) => ({ sheet: t.sheet, rect: { ...t.rect, top: 0, bottom: MAX_ROWS - 1 } }));
  }
  getEntireRow(): Range {
    return this._derived((t) => ({ sheet: t.sheet, rect: { ...t.rect, left: 0, right: MAX_COLUMNS - 1 } }));
  }

  select(): void {
    this._method("select", (t) => {
      this._ctx._model.activeSheet = t.sheet;
      this._ctx._model.selection = { sheet: t.sheet, rect: { ...t.rect } };
      this._ctx._model.touchView();
    });
  }

  clear(applyTo: string = "All"): void {
    this._method("clear", (t) => this._ctx._model.clear(t.sheet, t.rect, applyTo));
  }
}

// ---------------------------------------------------------------------------------------------------
// Worksheets

function resolveAddress(model: WorkbookModel, defaultSheet: SheetModel | undefined, address: string): RangeTarget {
  const { sheet: sheetName, local } = splitSheet(address);
  const sheet = sheetName !== undefined ? model.sheet(sheetName) : defaultSheet;
  if (!sheet) throw new SimError("InvalidArgument", `The address "${address}" names no existing sheet.`);
  const rect = parseLocalAddress(local);
  if (!rect) throw new SimError("InvalidArgument", `"${address}" is not a valid address.`);
  return { sheet, rect };
}

export class Worksheet extends ClientObject<SheetModel> {
  readonly _typeName = "Worksheet";
  protected readonly _scalarProperties = ["id", "name", "position", "visibility"] as const;
  private _tables: TableCollection | undefined;
  private _charts: ChartCollection | undefined;

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s) => {
      this._ctx._model.validateSheetName(v, s);
      s.name = v;
      this._ctx._model.touch();
    });
  }
  get position(): number {
    return this._get("position");
  }
  get visibility(): string {
    return this._get("visibility");
  }
  get tables(): TableCollection {
    this._tables ??= new TableCollection(this._ctx, (e) => this._require(e));
    return this._tables;
  }
  get charts(): ChartCollection {
    this._charts ??= new ChartCollection(this._ctx, (e) => this._require(e));
    return this._charts;
  }
  get freezePanes(): { freezeRows(count: number): void } {
    return {
      freezeRows: (count: number) =>
        this._method("freezePanes.freezeRows", (s) => {
          s.formats.set("freezeRows", count);
        }),
    };
  }

  protected _read(s: SheetModel, name: string): unknown {
    switch (name) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "position":
        return this._ctx._model.sheets.indexOf(s);
      case "visibility":
        return s.visible ? "Visible" : "Hidden";
      default:
        throw new SimError("InvalidArgument", `Worksheet has no property ${name}.`);
    }
  }

  getRange(address?: string): Range {
    return new Range(this._ctx, (e) => {
      const sheet = this._require(e);
      if (address === undefined || address === "")
        return { sheet, rect: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 } };
      const target = resolveAddress(this._ctx._model, sheet, address);
      if (target.sheet !== sheet) throw new SimError("InvalidArgument", `"${address}" is not on sheet ${sheet.name}.`);
      return target;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return new Range(this._ctx, (e) => {
      const sheet = this._require(e);
      if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || rowCount < 1 || columnCount < 1) {
        throw new SimError("InvalidArgument", "getRangeByIndexes needs whole numbers and a size of at least 1×1.");
      }
      const rect = {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      };
      this._ctx._model.checkRect(rect);
      return { sheet, rect };
    });
  }

  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  private _used(valuesOnly: boolean, nullable: boolean): Range {
    const resolver = (e: Execution): RangeTarget | null => {
      const sheet = this._require(e);
      const rect = this._ctx._model.usedRect(sheet, valuesOnly);
      if (!rect) return nullable ? null : { sheet, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
      return { sheet, rect };
    };
    return nullable ? new Range(this._ctx, resolver, true) : new Range(this._ctx, resolver);
  }

  getUsedRange(valuesOnly = false): Range {
    return this._used(valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this._used(valuesOnly, true);
  }

  activate(): void {
    this._method("activate", (s) => {
      this._ctx._model.activeSheet = s;
      this._ctx._model.touchView();
    });
  }

  delete(): void {
    this._method("delete", (s) => this._ctx._model.deleteSheet(s));
  }
}

export class WorksheetCollection extends ClientCollection<WorkbookModel, Worksheet> {
  readonly _typeName = "WorksheetCollection";
  protected _list(m: WorkbookModel): unknown[] {
    return [...m.sheets];
  }
  protected _itemProxy(model: unknown): Worksheet {
    const sheet = model as SheetModel;
    return new Worksheet(this._ctx, () => (this._ctx._model.sheets.includes(sheet) ? sheet : null));
  }
  private _find(key: string): (e: Execution) => SheetModel | null {
    return () => this._ctx._model.sheet(key) ?? this._ctx._model.sheets.find((s) => s.id === key) ?? null;
  }
  getItem(key: string): Worksheet {
    return new Worksheet(this._ctx, this._find(key));
  }
  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this._ctx, this._find(key), true);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this._ctx, () => this._ctx._model.activeSheet ?? null);
  }
  add(name?: string): Worksheet {
    let created: SheetModel | undefined;
    this._method(
      "add",
      (m) => {
        created = m.addSheet(name);
      },
      { requestBytes: jsonBytes(name ?? "") },
    );
    return new Worksheet(this._ctx, () => {
      if (!created) throw new SimError("InvalidOperation", "The worksheet was not created.");
      return this._ctx._model.sheets.includes(created) ? created : null;
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Tables

function tableDataRect(t: TableModel): Rect {
  return { ...t.rect, top: t.rect.top + 1 };
}

export class TableColumn extends ClientObject<{ table: TableModel; id: number }> {
  readonly _typeName = "TableColumn";
  protected readonly _scalarProperties = ["id", "index", "name", "values"] as const;

  get id(): number {
    return this._get("id");
  }
  get index(): number {
    return this._get("index");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (t) => {
      const idx = t.table.columnIds.indexOf(t.id);
      this._ctx._model.writeInput(t.table.sheet, t.table.rect.top, t.table.rect.left + idx, v);
    });
  }
  get values(): SimCellValue[][] {
    return this._get("values");
  }

  private _rect(t: { table: TableModel; id: number }): Rect {
    const idx = t.table.columnIds.indexOf(t.id);
    if (idx < 0) throw new SimError("ItemNotFound", "The table column no longer exists.");
    const column = t.table.rect.left + idx;
    return { ...t.table.rect, left: column, right: column };
  }

  protected _read(t: { table: TableModel; id: number }, name: string, exec: Execution): unknown {
    const idx = t.table.columnIds.indexOf(t.id);
    switch (name) {
      case "id":
        return t.id;
      case "index":
        return idx;
      case "name":
        return this._ctx._model.headerText(t.table, idx);
      case "values": {
        exec.ensureCalculated();
        const rect = this._rect(t);
        exec.cellsRead += rectRows(rect);
        const out: SimCellValue[][] = [];
        for (let r = rect.top; r <= rect.bottom; r++)
          out.push([this._ctx._model.getCell(t.table.sheet, r, rect.left)?.value ?? ""]);
        return out;
      }
      default:
        throw new SimError("InvalidArgument", `TableColumn has no property ${name}.`);
    }
  }

  getRange(): Range {
    return new Range(this._ctx, (e) => {
      const t = this._require(e);
      return { sheet: t.table.sheet, rect: this._rect(t) };
    });
  }
  getHeaderRowRange(): Range {
    return new Range(this._ctx, (e) => {
      const t = this._require(e);
      const rect = this._rect(t);
      return { sheet: t.table.sheet, rect: { ...rect, bottom: rect.top } };
    });
  }
  getDataBodyRange(): Range {
    return new Range(this._ctx, (e) => {
      const t = this._require(e);
      const rect = this._rect(t);
      return { sheet: t.table.sheet, rect: { ...rect, top: rect.top + 1 } };
    });
  }
  delete(): void {
    this._method("delete", (t) => this._ctx._model.deleteTableColumn(t.table, t.id));
  }
}

export class TableColumnCollection extends ClientCollection<TableModel, TableColumn> {
  readonly _typeName = "TableColumnCollection";
  get count(): number {
    return this._get("count");
  }
  protected _list(t: TableModel): unknown[] {
    return t.columnIds.map((id) => ({ table: t, id }));
  }
  protected _itemProxy(model: unknown): TableColumn {
    const m = model as { table: TableModel; id: number };
    return new TableColumn(this._ctx, () => (m.table.columnIds.includes(m.id) ? m : null));
  }
  private _find(key: string | number): (e: Execution) => { table: TableModel; id: number } | null {
    return (e) => {
      const table = this._require(e);
      const headers = this._ctx._model.headers(table);
      const wanted = String(key).toLowerCase();
      const idx = headers.findIndex((h) => h.toLowerCase() === wanted);
      if (idx >= 0) return { table, id: table.columnIds[idx] };
      const byId = table.columnIds.find((id) => String(id) === String(key));
      return byId !== undefined ? { table, id: byId } : null;
    };
  }
  getItem(key: string | number): TableColumn {
    return new TableColumn(this._ctx, this._find(key));
  }
  getItemOrNullObject(key: string | number): TableColumn {
    return new TableColumn(this._ctx, this._find(key), true);
  }
  getItemAt(index: number): TableColumn {
    return new TableColumn(this._ctx, (e) => {
      const table = this._require(e);
      const id = table.columnIds[index];
      if (id === undefined) throw new SimError("InvalidArgument", `No column at index ${index}.`);
      return { table, id };
    });
  }
  add(index?: number | null, values?: unknown[][] | null, name?: string | null): TableColumn {
    let created: { table: TableModel; id: number } | undefined;
    this._method(
      "add",
      (table) => {
        const matrix =
          values === null || values === undefined
            ? undefined
            : Array.isArray(values)
              ? (values as unknown[][])
              : [[values]];
        const id = this._ctx._model.addTableColumn(table, index ?? undefined, matrix, name ?? undefined);
        created = { table, id };
      },
      values ? { requestBytes: jsonBytes(values), cellsWritten: payloadOf(values).cells } : undefined,
    );
    return new TableColumn(this._ctx, () => {
      if (!created) throw new SimError("InvalidOperation", "The column was not created.");
      return created.table.columnIds.includes(created.id) ? created : null;
    });
  }
}

export class TableRowCollection extends ClientObject<TableModel> {
  readonly _typeName = "TableRowCollection";
  protected readonly _scalarProperties = ["count"] as const;
  get count(): number {
    return this._get("count");
  }
  protected _read(t: TableModel, name: string): unknown {
    if (name === "count") return rectRows(t.rect) - 1;
    throw new SimError("InvalidArgument", `TableRowCollection has no property ${name}.`);
  }
  getCount(): ClientResult<number> {
    return resultMethod(this._ctx, this, "TableRowCollection.getCount", (t) => rectRows(t.rect) - 1);
  }
  add(index?: number | null, values?: unknown[][]): void {
    const matrix =
      values === undefined
        ? undefined
        : Array.isArray(values) && Array.isArray(values[0])
          ? values
          : [values as unknown as unknown[]];
    this._method(
      "add",
      (t) => {
        this._ctx._model.addTableRows(t, index ?? undefined, matrix ?? [t.columnIds.map(() => "")]);
      },
      matrix ? { requestBytes: jsonBytes(matrix), cellsWritten: payloadOf(matrix).cells } : undefined,
    );
  }
}

export class Table extends ClientObject<TableModel> {
  readonly _typeName = "Table";
  protected readonly _scalarProperties = ["id", "name", "showHeaders", "showTotals", "style"] as const;
  private _columns: TableColumnCollection | undefined;
  private _rows: TableRowCollection | undefined;
  private _worksheet: Worksheet | undefined;

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (t) => {
      this._ctx._model.validateTableName(v, t);
      t.name = v;
      this._ctx._model.touch();
    });
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, (t) => {
      t.style = v;
      this._ctx._model.touch();
    });
  }
  get columns(): TableColumnCollection {
    this._columns ??= new TableColumnCollection(this._ctx, (e) => this._require(e));
    return this._columns;
  }
  get rows(): TableRowCollection {
    this._rows ??= new TableRowCollection(this._ctx, (e) => this._require(e));
    return this._rows;
  }
  get worksheet(): Worksheet {
    this._worksheet ??= new Worksheet(this._ctx, (e) => this._require(e).sheet);
    return this._worksheet;
  }
  protected override _navigation(name: string): ClientObject<unknown> | undefined {
    if (name === "worksheet") return this.worksheet as ClientObject<unknown>;
    if (name === "columns") return this.columns as ClientObject<unknown>;
    if (name === "rows") return this.rows as ClientObject<unknown>;
    return undefined;
  }
  protected _read(t: TableModel, name: string): unknown {
    switch (name) {
      case "id":
        return t.id;
      case "name":
        return t.name;
      case "showHeaders":
        return true;
      case "showTotals":
        return false;
      case "style":
        return t.style;
      default:
        throw new SimError("InvalidArgument", `Table has no property ${name}.`);
    }
  }
  getRange(): Range {
    return new Range(this._ctx, (e) => {
      const t = this._require(e);
      return { sheet: t.sheet, rect: { ...t.rect } };
    });
  }
  getHeaderRowRange(): Range {
    return new Range(this._ctx, (e) => {
      const t = this._require(e);
      return { sheet: t.sheet, rect: { ...t.rect, bottom: t.rect.top } };
    });
  }
  getDataBodyRange(): Range {
    return new Range(this._ctx, (e) => {
      const t = this._require(e);
      return { sheet: t.sheet, rect: tableDataRect(t) };
    });
  }
  delete(): void {
    this._method("delete", (t) => this._ctx._model.deleteTable(t));
  }
}

export class TableCollection extends ClientCollection<WorkbookModel | SheetModel, Table> {
  readonly _typeName = "TableCollection";
  get count(): number {
    return this._get("count");
  }
  private _tables(scope: WorkbookModel | SheetModel): TableModel[] {
    const all = this._ctx._model.tables;
    return scope instanceof WorkbookModel ? [...all] : all.filter((t) => t.sheet === scope);
  }
  protected _list(scope: WorkbookModel | SheetModel): unknown[] {
    return this._tables(scope);
  }
  protected _itemProxy(model: unknown): Table {
    const table = model as TableModel;
    return new Table(this._ctx, () => (this._ctx._model.tables.includes(table) ? table : null));
  }
  private _find(key: string): (e: Execution) => TableModel | null {
    return (e) => {
      const tables = this._tables(this._require(e));
      const lower = key.toLowerCase();
      return tables.find((t) => t.name.toLowerCase() === lower) ?? tables.find((t) => t.id === key) ?? null;
    };
  }
  getItem(key: string): Table {
    return new Table(this._ctx, this._find(key));
  }
  getItemOrNullObject(key: string): Table {
    return new Table(this._ctx, this._find(key), true);
  }
  getItemAt(index: number): Table {
    return new Table(this._ctx, (e) => this._tables(this._require(e))[index] ?? null);
  }
  add(address: string | Range, hasHeaders: boolean): Table {
    let created: TableModel | undefined;
    this._method("add", (scope, exec) => {
      const model = this._ctx._model;
      const defaultSheet = scope instanceof WorkbookModel ? model.activeSheet : scope;
      const target =
        typeof address === "string" ? resolveAddress(model, defaultSheet, address) : address._require(exec);
      if (!(scope instanceof WorkbookModel) && target.sheet !== scope) {
        throw new SimError("InvalidArgument", "The table address is on another worksheet.");
      }
      created = model.addTable(target.sheet, target.rect, hasHeaders);
    });
    return new Table(this._ctx, () => {
      if (!created) throw new SimError("InvalidOperation", "The table was not created.");
      return this._ctx._model.tables.includes(created) ? created : null;
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Charts

export class ChartTitle extends ClientObject<ChartModel> {
  readonly _typeName = "ChartTitle";
  protected readonly _scalarProperties = ["text"] as const;
  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._set("text", v, (c) => {
      c.title = v;
      this._ctx._model.touch();
    });
  }
  protected _read(c: ChartModel, name: string): unknown {
    if (name === "text") return c.title;
    throw new SimError("InvalidArgument", `ChartTitle has no property ${name}.`);
  }
}

/** How many series Excel makes of a chart's source: the first row/column holds the categories. */
function seriesCount(c: ChartModel): number {
  const rows = c.source.bottom - c.source.top + 1;
  const cols = c.source.right - c.source.left + 1;
  const byRows = c.seriesBy === "Rows" || (c.seriesBy === "Auto" && cols > rows);
  return Math.max(1, (byRows ? rows : cols) - 1);
}

export class ChartSeries extends ClientObject<{ chart: ChartModel; index: number }> {
  readonly _typeName = "ChartSeries";
  protected readonly _scalarProperties = ["chartType"] as const;
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(v: string) {
    this._set("chartType", v, (s) => {
      if (!CHART_TYPES.has(v)) throw new SimError("InvalidArgument", `Unknown chart type "${v}".`);
      s.chart.seriesTypes[s.index] = v;
      this._ctx._model.touch();
    });
  }
  protected _read(s: { chart: ChartModel; index: number }, name: string): unknown {
    if (name === "chartType") return s.chart.seriesTypes[s.index] ?? s.chart.type;
    throw new SimError("InvalidArgument", `ChartSeries has no property ${name}.`);
  }
}

export class ChartSeriesCollection extends ClientObject<ChartModel> {
  readonly _typeName = "ChartSeriesCollection";
  protected readonly _scalarProperties = ["count"] as const;
  get count(): number {
    return this._get("count");
  }
  protected _read(c: ChartModel, name: string): unknown {
    if (name === "count") return seriesCount(c);
    throw new SimError("InvalidArgument", `ChartSeriesCollection has no property ${name}.`);
  }
  getItemAt(index: number): ChartSeries {
    return new ChartSeries(this._ctx, (e) => {
      const chart = this._require(e);
      if (!Number.isInteger(index) || index < 0 || index >= seriesCount(chart)) {
        throw new SimError("InvalidArgument", `The chart has no series ${index}.`);
      }
      return { chart, index };
    });
  }
}

export class Chart extends ClientObject<ChartModel> {
  readonly _typeName = "Chart";
  protected readonly _scalarProperties = ["id", "name", "chartType"] as const;
  private _title: ChartTitle | undefined;
  private _series: ChartSeriesCollection | undefined;
  get series(): ChartSeriesCollection {
    this._series ??= new ChartSeriesCollection(this._ctx, (e) => this._require(e));
    return this._series;
  }
  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (c) => {
      c.name = v;
      this._ctx._model.touch();
    });
  }
  get chartType(): string {
    return this._get("chartType");
  }
  get title(): ChartTitle {
    this._title ??= new ChartTitle(this._ctx, (e) => this._require(e));
    return this._title;
  }
  protected override _navigation(name: string): ClientObject<unknown> | undefined {
    if (name === "series") return this.series as ClientObject<unknown>;
    return name === "title" ? (this.title as ClientObject<unknown>) : undefined;
  }
  protected _read(c: ChartModel, name: string): unknown {
    switch (name) {
      case "id":
        return c.id;
      case "name":
        return c.name;
      case "chartType":
        return c.type;
      default:
        throw new SimError("InvalidArgument", `Chart has no property ${name}.`);
    }
  }
  setPosition(startCell: string | Range, endCell?: string | Range): void {
    this._method("setPosition", (c, exec) => {
      const cellOf = (x: string | Range) => (typeof x === "string" ? x : rectAddress(x._require(exec).rect));
      c.position = { start: cellOf(startCell), end: endCell === undefined ? undefined : cellOf(endCell) };
      this._ctx._model.touch();
    });
  }
  delete(): void {
    this._method("delete", (c) => {
      this._ctx._model.charts = this._ctx._model.charts.filter((x) => x !== c);
      this._ctx._model.touch();
    });
  }
}

export class ChartCollection extends ClientCollection<SheetModel, Chart> {
  readonly _typeName = "ChartCollection";
  get count(): number {
    return this._get("count");
  }
  protected _list(s: SheetModel): unknown[] {
    return this._ctx._model.charts.filter((c) => c.sheet === s);
  }
  protected _itemProxy(model: unknown): Chart {
    const chart = model as ChartModel;
    return new Chart(this._ctx, () => (this._ctx._model.charts.includes(chart) ? chart : null));
  }
  getItem(name: string): Chart {
    return new Chart(
      this._ctx,
      (e) => this._ctx._model.charts.find((c) => c.sheet === this._require(e) && c.name === name) ?? null,
    );
  }
  add(type: string, sourceData: Range, seriesBy: string = "Auto"): Chart {
    let created: ChartModel | undefined;
    this._method("add", (sheet, exec) => {
      if (!CHART_TYPES.has(type)) throw new SimError("InvalidArgument", `Unknown chart type "${type}".`);
      if (this._ctx._core.host.refusedChartTypes.has(type)) {
        throw new SimError("InvalidArgument", `This host does not support the chart type "${type}".`);
      }
      const source = sourceData._require(exec);
      created = this._ctx._model.addChart(sheet, type, source.sheet, { ...source.rect }, seriesBy);
    });
    return new Chart(this._ctx, () => {
      if (!created) throw new SimError("InvalidOperation", "The chart was not created.");
      return this._ctx._model.charts.includes(created) ? created : null;
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Settings, application, workbook, context

export class Setting extends ClientObject<{ key: string }> {
  readonly _typeName = "Setting";
  protected readonly _scalarProperties = ["key", "value"] as const;
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    this._set("value", v, (s) => {
      this._ctx._model.settings.set(s.key, JSON.parse(JSON.stringify(v)));
      this._ctx._model.touch();
    });
  }
  protected _read(s: { key: string }, name: string): unknown {
    if (name === "key") return s.key;
    if (name === "value") return this._ctx._model.settings.get(s.key);
    throw new SimError("InvalidArgument", `Setting has no property ${name}.`);
  }
  delete(): void {
    this._method("delete", (s) => {
      this._ctx._model.settings.delete(s.key);
      this._ctx._model.touch();
    });
  }
}

export class SettingCollection extends ClientCollection<WorkbookModel, Setting> {
  readonly _typeName = "SettingCollection";
  protected _list(m: WorkbookModel): unknown[] {
    return [...m.settings.keys()].map((key) => ({ key }));
  }
  protected _itemProxy(model: unknown): Setting {
    const key = (model as { key: string }).key;
    return new Setting(this._ctx, () => (this._ctx._model.settings.has(key) ? { key } : null));
  }
  private _find(key: string): () => { key: string } | null {
    return () => (this._ctx._model.settings.has(key) ? { key } : null);
  }
  getItem(key: string): Setting {
    return new Setting(this._ctx, this._find(key));
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this._ctx, this._find(key), true);
  }
  add(key: string, value: unknown): Setting {
    this._method(
      "add",
      (m) => {
        if (typeof key !== "string" || key === "") throw new SimError("InvalidArgument", "A setting needs a key.");
        m.settings.set(key, value === undefined ? null : JSON.parse(JSON.stringify(value)));
        m.touch();
      },
      { requestBytes: jsonBytes(key) + jsonBytes(value) },
    );
    return new Setting(this._ctx, this._find(key));
  }
}

export class Application extends ClientObject<WorkbookModel> {
  readonly _typeName = "Application";
  protected readonly _scalarProperties = ["calculationMode"] as const;
  get calculationMode(): string {
    return this._get("calculationMode");
  }
  set calculationMode(v: string) {
    this._set("calculationMode", v, (m) => {
      if (v !== "Automatic" && v !== "AutomaticExceptTables" && v !== "Manual") {
        throw new SimError("InvalidArgument", `Unknown calculation mode "${v}".`);
      }
      m.calculationMode = v;
    });
  }
  protected _read(m: WorkbookModel, name: string): unknown {
    if (name === "calculationMode") return m.calculationMode;
    throw new SimError("InvalidArgument", `Application has no property ${name}.`);
  }
  /** Excel skips recalculation for the rest of this request; dirty cells wait for the next calculation. */
  suspendApiCalculationUntilNextSync(): void {
    this._method("suspendApiCalculationUntilNextSync", (_m, exec) => {
      exec.calculationSuspended = true;
    });
  }
  calculate(calculationType: string = "Recalculate"): void {
    void calculationType;
    this._method("calculate", () => {
      this._ctx._model.dirty = true;
      this._ctx._core.host.recalculate();
    });
  }
}

export class Workbook extends ClientObject<WorkbookModel> {
  readonly _typeName = "Workbook";
  protected readonly _scalarProperties = ["name"] as const;
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly settings: SettingCollection;
  readonly application: Application;

  constructor(ctx: RequestContext) {
    super(ctx, () => ctx._model);
    this.worksheets = new WorksheetCollection(ctx, () => ctx._model);
    this.tables = new TableCollection(ctx, () => ctx._model);
    this.settings = new SettingCollection(ctx, () => ctx._model);
    this.application = new Application(ctx, () => ctx._model);
  }
  get name(): string {
    return this._get("name");
  }
  protected _read(_m: WorkbookModel, name: string): unknown {
    if (name === "name") return "Book1.xlsx";
    throw new SimError("InvalidArgument", `Workbook has no property ${name}.`);
  }
  getSelectedRange(): Range {
    return new Range(this._ctx, () => {
      const m = this._ctx._model;
      const sel =
        m.selection ??
        (m.activeSheet ? { sheet: m.activeSheet, rect: { top: 0, left: 0, bottom: 0, right: 0 } } : undefined);
      return sel ? { sheet: sel.sheet, rect: { ...sel.rect } } : null;
    });
  }
}

class QueueCore extends RequestContextCore {
  /** Removes the actions queued since `mark` (a collection load runs its items' loads inline). */
  takeSince(mark: number): Action[] {
    return this.queue.splice(mark);
  }
}

export class RequestContext {
  readonly _core: QueueCore;
  readonly workbook: Workbook;
  readonly application: Application;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(host: HostCore) {
    this._core = new QueueCore(host);
    this.workbook = new Workbook(this);
    this.application = this.workbook.application;
  }

  get _model(): WorkbookModel {
    return this._core.host.model;
  }

  sync<T>(passThroughValue?: T): Promise<T | undefined> {
    return this._core.sync().then(() => passThroughValue);
  }
}
