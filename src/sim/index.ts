/**
 * The simulated Excel host: an in-memory workbook behind an Office.js-shaped `Excel.run`, plus the
 * `Office` globals a task pane reads. Used by jest (the access layer's tests), `npm run preview` and the
 * e2e tests. `host.stats` counts requests, payload bytes and cells so tests can assert the layer's limits.
 *
 * @example
 * const host = createSimHost({ displayLanguage: "zh-CN" });
 * await host.Excel.run(async (context) => {
 *   context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
 *   await context.sync();
 * });
 * host.model.dump("Sheet1"); // { A1: { value: "x" } }
 */
import { WEB_CALL_LIMIT } from "../excel/payload";
import * as salesFunctions from "../functions/functions";
import { RequestContext } from "./api";
import { Calculator, ParameterShape, SalesFunction } from "./calc";
import { EXCEL_LIMITS, HostCore, SimLimits, SimStats } from "./context";
import { SimCustomFunctionError, createCustomFunctions } from "./customFunctions";
import { WorkbookModel } from "./model";
import { OfficeExtension, SimOffice, SimTheme, createOffice } from "./office";

export { WorkbookModel } from "./model";
export type { SimCell, SimCellValue, TableModel, SheetModel, ChartModel } from "./model";
export { RequestContext } from "./api";
export { SimError } from "./errors";
export type { RequestStat, SimStats, SimLimits } from "./context";
export { EXCEL_LIMITS } from "./context";
export { Calculator, resolveStructuredReference } from "./calc";
export type { SalesFunction, ParameterShape } from "./calc";
export { formatCell } from "./format";

export interface SimHostOptions {
  displayLanguage?: string;
  theme?: SimTheme;
  /** Sheets of the new workbook (default one sheet, "Sheet1"). */
  sheets?: string[];
  /** Evaluate SALES formulas (default true). Off, formulas keep their text and cost nothing. */
  calculate?: boolean;
  /** SALES implementations by id; default the real src/functions/functions.ts. */
  functions?: Record<string, SalesFunction>;
  /** Parameter shapes by id from functions.json (scalar vs matrix), as Excel passes arguments. */
  parameters?: Record<string, ParameterShape[]>;
  limits?: Partial<SimLimits>;
  /** Chart types this host refuses with InvalidArgument, to exercise fallbacks. */
  refusedChartTypes?: string[];
  /** Serial date TODAY() returns (default the machine's local date). */
  today?: () => number;
  /**
   * Office.context.platform (default "OfficeOnline"). On "OfficeOnline" a custom function whose arguments exceed
   * about 5 MB of JSON answers #CALC!, as Excel for the web does.
   */
  platform?: string;
}

export interface SimExcel {
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
  RequestContext: new () => RequestContext;
  [enumName: string]: unknown;
}

export interface SimHost {
  model: WorkbookModel;
  stats: SimStats;
  Excel: SimExcel;
  Office: SimOffice;
  OfficeExtension: typeof OfficeExtension;
  /** Same as Excel.run. */
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
  /** Recalculates every SALES formula now (what Excel's automatic calculation does after a change). */
  recalculate(): void;
  /** Forgets the request statistics (e.g. after arranging a test's workbook). */
  resetStats(): void;
  /** Installs Excel, Office, OfficeExtension (and CustomFunctions when absent) on `target`. */
  install(target?: Record<string, unknown>): void;
}

/** Maps the exports of functions.ts (leadScore …) to their @customfunction ids (LEADSCORE …). */
export function functionsById(module: Record<string, unknown>): Record<string, SalesFunction> {
  const out: Record<string, SalesFunction> = {};
  for (const [name, fn] of Object.entries(module))
    if (typeof fn === "function") out[name.toUpperCase()] = fn as SalesFunction;
  return out;
}

/** Reads parameter shapes out of a functions.json metadata document. */
export function parameterShapes(metadata: {
  functions?: Array<{ id: string; parameters?: Array<{ dimensionality?: string }> }>;
}): Record<string, ParameterShape[]> {
  const out: Record<string, ParameterShape[]> = {};
  for (const f of metadata.functions ?? []) {
    out[f.id.toUpperCase()] = (f.parameters ?? []).map((p) => ({
      dimensionality: p.dimensionality === "matrix" ? "matrix" : "scalar",
    }));
  }
  return out;
}

const ENUMS: Record<string, Record<string, string>> = {
  ChartType: {
    funnel: "Funnel",
    barClustered: "BarClustered",
    barStacked: "BarStacked",
    columnClustered: "ColumnClustered",
    columnStacked: "ColumnStacked",
    line: "Line",
    lineMarkers: "LineMarkers",
    pie: "Pie",
    doughnut: "Doughnut",
    area: "Area",
    xyscatter: "XYScatter",
    waterfall: "Waterfall",
  },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  ConditionalFormatType: { colorScale: "ColorScale", dataBar: "DataBar", iconSet: "IconSet", custom: "Custom" },
  ConditionalFormatColorCriterionType: {
    lowestValue: "LowestValue",
    highestValue: "HighestValue",
    number: "Number",
    percent: "Percent",
    percentile: "Percentile",
    formula: "Formula",
  },
  CalculationMode: { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual" },
  CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  ErrorCodes: {
    itemNotFound: "ItemNotFound",
    itemAlreadyExists: "ItemAlreadyExists",
    invalidArgument: "InvalidArgument",
    invalidOperation: "InvalidOperation",
    invalidReference: "InvalidReference",
    insertDeleteConflict: "InsertDeleteConflict",
    generalException: "GeneralException",
    notImplemented: "NotImplemented",
    requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
    responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  },
};

export function createSimHost(options: SimHostOptions = {}): SimHost {
  const model = new WorkbookModel(options.sheets ?? ["Sheet1"]);
  const stats: SimStats = { requests: [], recalculations: 0 };
  const calculator = new Calculator(model, {
    functions: options.functions ?? functionsById(salesFunctions as unknown as Record<string, unknown>),
    parameters: options.parameters,
    today: options.today,
    payloadLimit: (options.platform ?? "OfficeOnline") === "OfficeOnline" ? WEB_CALL_LIMIT : undefined,
    makeError: (code) => {
      const cf = (globalThis as { CustomFunctions?: { Error?: new (c: string) => unknown } }).CustomFunctions;
      return cf?.Error ? new cf.Error(code) : new SimCustomFunctionError(code);
    },
  });
  const calculate = options.calculate ?? true;
  const core: HostCore = {
    model,
    stats,
    limits: { ...EXCEL_LIMITS, ...options.limits },
    refusedChartTypes: new Set(options.refusedChartTypes ?? []),
    recalculate: () => {
      if (!calculate) {
        model.dirty = false;
        return;
      }
      stats.recalculations++;
      calculator.recalculate();
      model.touchView();
    },
  };

  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as (context: RequestContext) => Promise<T>;
    if (typeof batch !== "function") throw new TypeError("Excel.run needs a batch function.");
    const context = new RequestContext(core);
    const result = await batch(context);
    // Excel.run sends whatever the batch queued after its last sync.
    if (context._core.pendingActions > 0) await context.sync();
    return result;
  }

  const Excel = {
    run,
    RequestContext: function SimRequestContext() {
      return new RequestContext(core);
    } as unknown as new () => RequestContext,
    ...ENUMS,
  } as SimExcel;

  const Office = createOffice({
    displayLanguage: options.displayLanguage ?? "en-US",
    theme: options.theme ?? "light",
    settings: model.settings,
    platform: options.platform ?? "OfficeOnline",
  });

  return {
    model,
    stats,
    Excel,
    Office,
    OfficeExtension,
    run: run as SimHost["run"],
    recalculate: () => {
      model.dirty = true;
      core.recalculate();
    },
    resetStats: () => {
      stats.requests.length = 0;
      stats.recalculations = 0;
    },
    install(target = globalThis as unknown as Record<string, unknown>) {
      target.Excel = Excel;
      target.Office = Office;
      target.OfficeExtension = OfficeExtension;
      if (!target.CustomFunctions) target.CustomFunctions = createCustomFunctions();
    },
  };
}
