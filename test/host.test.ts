/**
 * Loads the production bundle dist/functions.js the way Excel's JavaScript-only custom-functions runtime
 * does: a realm with the standard JavaScript globals and a `CustomFunctions` object, and nothing else (no
 * window, self, document, Office or timers; V8 itself puts a `console` into every realm). Every function is then called through what it
 * registered, with the argument shapes functions.json declares, to catch what unit tests of the TypeScript
 * sources cannot: bundling mistakes, browser-only globals, missing or duplicate `associate` calls, results
 * Excel cannot show (null, undefined, non-matrix for a matrix function) and errors that are not
 * `CustomFunctions.Error`.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { createCustomFunctionsStub, CustomFunctionsError } from "./support/customFunctionsStub";
import type { FunctionsMetadata } from "../scripts/zh-cn-metadata-plugin";

type CustomFunction = (...args: unknown[]) => unknown;
const ROOT = path.resolve(__dirname, "..");
const SPEC_ERROR_CODES = ["#VALUE!", "#NUM!", "#DIV/0!", "#N/A"];

const metadata = JSON.parse(fs.readFileSync(path.join(ROOT, "dist", "functions.json"), "utf8")) as FunctionsMetadata;
const bundle = fs.readFileSync(path.join(ROOT, "dist", "functions.js"), "utf8");

interface LoadedBundle {
  registered: Map<string, CustomFunction>;
  associateCalls: string[];
  context: vm.Context;
}

function loadBundle(): LoadedBundle {
  const stub = createCustomFunctionsStub();
  const associateCalls: string[] = [];
  const registered = new Map<string, CustomFunction>();
  const CustomFunctions = {
    Error: stub.Error,
    ErrorCode: stub.ErrorCode,
    associate(idOrMap: string | Record<string, unknown>, fn?: unknown): void {
      const entries = typeof idOrMap === "string" ? [[idOrMap, fn] as const] : Object.entries(idOrMap);
      for (const [id, f] of entries) {
        associateCalls.push(id);
        registered.set(id, f as CustomFunction);
      }
    },
  };
  const context = vm.createContext({ CustomFunctions });
  vm.runInContext(bundle, context, { filename: "functions.js" });
  return { registered, associateCalls, context };
}

const { registered, associateCalls, context } = loadBundle();
const fnOf = (id: string): CustomFunction => {
  const fn = registered.get(id);
  if (!fn) throw new Error(`${id} is not registered`);
  return fn;
};

// Valid arguments for every function's required parameters (optional ones are passed as null unless listed).
// Serial 45658 = 2025-01-01 in Excel's 1900 date system.
const STAGES = [["Lead"], ["Qualified"], ["Proposal"], ["Lead"]];
const ORDER = [["Lead"], ["Qualified"], ["Proposal"]];
const LEADS = [
  ["Company", "Budget", "Region"],
  ["Acme", 50000, "East"],
  ["Beta", 5000, "West"],
];
const RULES = [
  ["field", "operator", "value", "points"],
  ["Budget", ">=", 10000, 30],
  ["Region", "=", "east", 20],
];
const BANT_ARGS = [
  [[50000], [0]],
  [["CFO"], [""]],
  [["ERP upgrade"], ["是"]],
  [[true], ["no"]],
];
// One won and one lost row teach the model; the open East row gets odds (1.1/1.1) × ((1.1/1.2) ÷ (0.1/1.2)) = 11.
const WIN_TABLE = [
  ["Region", "Outcome"],
  ["East", "won"],
  ["West", "lost"],
  ["East", ""],
];
const VALID_ARGS: Record<string, unknown[]> = {
  LEADSCORE: [LEADS, RULES],
  SCOREDETAIL: [LEADS, RULES],
  LEADGRADE: [[[90], [60], [10], [""]]],
  ABCCLASS: [[[100], [50], [30], [20]]],
  BANT: BANT_ARGS,
  BANTSCORE: BANT_ARGS,
  BANTMISSING: BANT_ARGS,
  FUNNEL: [STAGES, ORDER],
  CONVERSION: [STAGES, ORDER, "Lead", "Proposal"],
  BOTTLENECK: [STAGES, ORDER],
  WINRATE: [[["won"], ["lost"], ["open"], ["赢单"]]],
  PIPELINE: [[["Lead"], ["Proposal"]], [[1000], [2000]], ORDER, [[0.1], [0.5], [0.8]]],
  SPLIT: [100, [[1], [1], [1]]],
  TARGETPLAN: [1200, 45658, "Q"],
  ACTIVITYPLAN: [1200000, 50000, [[0.5], [0.4], [0.6]]],
  COMMISSION: [
    [[15000]],
    [
      ["threshold", "rate"],
      [0, 0.05],
      [10000, 0.1],
    ],
  ],
  RUNRATE: [500, 45658, 45658 + 29, 45658 + 9],
  ACTUALS: [[[100], [50]], [[45658], [45689]], 45658, "Q"],
  ATTAINMENT: [[[1000]], [[400]], [[45658]], 45658, 45688, null, null, 45688],
  FUNNELBY: [STAGES, ORDER, [["N"], ["S"], ["N"], ["S"]]],
  STAGETIME: [
    [
      ["Lead", "Won"],
      [45658, 45668],
      [45660, null],
    ],
    [["won"], ["open"]],
    45690,
  ],
  FORECAST: [[[100], [200], [300], [400]], [[45658], [45689], [45717], [45748]], 2, 0],
  WINPROB: [WIN_TABLE, [["Region"]]],
  WINFACTORS: [WIN_TABLE, [["Region"]]],
};

// What Excel would compute for VALID_ARGS (spec: formulas.md).
const EXPECTED: Record<string, unknown> = {
  LEADSCORE: [[50], [0]],
  LEADGRADE: [["A"], ["B"], ["C"], [""]],
  ABCCLASS: [["A"], ["A"], ["A"], ["B"]],
  BANT: [[true], [false]],
  BANTSCORE: [[4], [1]],
  BANTMISSING: [[""], ["B,A,T"]],
  FUNNEL: [
    ["Stage", "Count", "Reached", "Step conversion", "Cumulative conversion"],
    ["Lead", 2, 4, "", 1],
    ["Qualified", 1, 2, 0.5, 0.5],
    ["Proposal", 1, 1, 0.5, 0.25],
  ],
  CONVERSION: 0.25,
  BOTTLENECK: "Lead → Qualified",
  WINRATE: 2 / 3,
  PIPELINE: 1700,
  SPLIT: [[34], [33], [33]],
  TARGETPLAN: [
    ["Period", "Target"],
    ["Q1", 300],
    ["Q2", 300],
    ["Q3", 300],
    ["Q4", 300],
    ["Total", 1200],
  ],
  ACTIVITYPLAN: [[200], [100], [40], [24]],
  COMMISSION: [[1000]],
  RUNRATE: 1500,
  ACTUALS: [
    ["Period", "Actual"],
    ["Q1", 150],
    ["Q2", 0],
    ["Q3", 0],
    ["Q4", 0],
    ["Total", 150],
  ],
  ATTAINMENT: [
    ["Owner", "Target", "Actual", "Attainment", "Gap", "Expected", "Pace", "Status", "Projected", "Rank"],
    ["Total", 1000, 400, 0.4, 600, 1000, 0.4, "Off track", 400, ""],
  ],
  FUNNELBY: [
    ["Stage", "N", "S", "Total"],
    ["Lead", 1, 1, 1],
    ["Qualified", 0.5, 0.5, 0.5],
    ["Proposal", 0.5, 0, 0.25],
  ],
  STAGETIME: [
    ["Stage", "Reached", "Moved on", "Conversion", "Median days", "Mean days", "Open", "Median age"],
    ["Lead", 2, 1, 0.5, 10, 10, 1, 30],
    ["Won", 1, 1, 1, "", "", 0, ""],
    ["Cycle", 1, "", "", 10, 10, "", ""],
  ],
  WINFACTORS: [[""], [""], ["↑ Region = East (×11)"]],
  // A straight line, no season: every fit is exact, the trend is (400 − 100) ÷ 3.
  FORECAST: [
    ["Period", "Forecast"],
    ["2025-05", 500],
    ["2025-06", 600],
  ],
};

/** Arguments in declared order: given values first, then null for every omitted optional parameter. */
function argsFor(id: string, given: unknown[]): unknown[] {
  const params = metadata.functions.find((f) => f.id === id)?.parameters ?? [];
  return params.map((_, i) => (i < given.length ? given[i] : null));
}

/** Calls through the registered function; returns the value or the thrown error. */
function call(id: string, given: unknown[]): { value?: unknown; error?: unknown } {
  try {
    return { value: fnOf(id)(...argsFor(id, given)) };
  } catch (error) {
    return { error };
  }
}

function describeProblemInValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return `contains ${String(value)}`;
  if (typeof value === "number" && !Number.isFinite(value)) return `contains ${value}`;
  if (value instanceof CustomFunctionsError)
    return SPEC_ERROR_CODES.includes(value.code) ? undefined : `error code ${value.code}`;
  if (typeof value === "object") return `contains an object ${Object.prototype.toString.call(value)}`;
  return undefined;
}

/** Why Excel could not show this result, or undefined when it can. */
function resultProblem(id: string, value: unknown): string | undefined {
  const declared = metadata.functions.find((f) => f.id === id)?.result.dimensionality ?? "scalar";
  if (declared !== "matrix")
    return Array.isArray(value) ? "a scalar function returned an array" : describeProblemInValue(value);
  if (!Array.isArray(value) || value.length === 0) return "a matrix function did not return a non-empty array of rows";
  const width = Array.isArray(value[0]) ? value[0].length : -1;
  for (const row of value as unknown[]) {
    if (!Array.isArray(row) || row.length !== width || width === 0) return "the matrix is not rectangular";
    for (const cell of row) {
      const problem = describeProblemInValue(cell);
      if (problem) return problem;
    }
  }
  return undefined;
}

function errorProblem(error: unknown): string | undefined {
  if (!(error instanceof CustomFunctionsError)) return `threw ${String(error)} instead of a CustomFunctions.Error`;
  if (!SPEC_ERROR_CODES.includes(error.code)) return `error code ${error.code} is not in the spec`;
  // The adapter turns engine crashes into #VALUE! "Unexpected error: …": a bug, not an answer.
  if (/^Unexpected error/.test(error.message)) return `the engine crashed: ${error.message}`;
  if (error.message.trim() === "") return `${error.code} without a message naming the culprit`;
  return undefined;
}

describe("dist/functions.js in a CustomFunctions-only realm", () => {
  const ids = metadata.functions.map((f) => f.id);

  test("the realm has no browser or Office globals", () => {
    for (const name of ["window", "self", "document", "Office", "setTimeout", "fetch"]) {
      expect(vm.runInContext(`typeof ${name}`, context)).toBe("undefined");
    }
  });

  test("registers every function of functions.json exactly once, and nothing else", () => {
    expect(ids).toHaveLength(24);
    expect([...associateCalls].sort()).toEqual([...ids].sort());
  });

  test.each(ids)("%s takes as many parameters as functions.json declares", (id) => {
    const declared = metadata.functions.find((f) => f.id === id)?.parameters.length;
    expect(fnOf(id).length).toBe(declared);
  });

  test("every function has sample arguments in this test", () => {
    expect(Object.keys(VALID_ARGS).sort()).toEqual([...ids].sort());
  });

  test.each(Object.keys(VALID_ARGS))("%s answers valid arguments with a value Excel can show", (id) => {
    const { value, error } = call(id, VALID_ARGS[id]);
    expect(error === undefined ? undefined : (errorProblem(error) ?? `threw ${String(error)}`)).toBeUndefined();
    expect(resultProblem(id, value)).toBeUndefined();
    if (id in EXPECTED) {
      if (typeof EXPECTED[id] === "number") expect(value).toBeCloseTo(EXPECTED[id] as number, 10);
      else expect(value).toEqual(EXPECTED[id]);
    }
  });

  test("SCOREDETAIL explains the matched rules and leaves unmatched leads empty", () => {
    const { value } = call("SCOREDETAIL", VALID_ARGS.SCOREDETAIL);
    const rows = value as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[0][0]).toMatch(/Budget.*\(\+30\).*Region.*\(\+20\)/);
    expect(rows[1][0]).toBe("");
  });

  test("ACTIVITYPLAN per owner per period (spec example)", () => {
    expect(call("ACTIVITYPLAN", [1200000, 50000, [[0.5], [0.4], [0.6]], 12, 5]).value).toEqual([[4], [2], [1], [1]]);
  });

  test("COMMISSION flat method", () => {
    expect(call("COMMISSION", [[[15000]], VALID_ARGS.COMMISSION[1], "flat"]).value).toEqual([[1500]]);
  });

  test.each([
    ["SPLIT", [100, [[-1], [2]]], "#NUM!"],
    ["SPLIT", [100, [[1], [1]], 7], "#NUM!"],
    ["WINRATE", [[["open"], [""]]], "#DIV/0!"],
    ["WINRATE", [[["won"], ["maybe"]]], "#VALUE!"],
    ["BOTTLENECK", [[["Lead"]], [["Lead"]]], "#N/A"],
    ["CONVERSION", [STAGES, ORDER, "Lead", "报价"], "#VALUE!"],
    ["CONVERSION", [[["Lead"]], ORDER, "Proposal", "Proposal"], "#DIV/0!"],
    ["RUNRATE", [500, 45658, 45658 + 29, 45600], "#N/A"],
    ["RUNRATE", [500, 45658, 45600], "#VALUE!"],
    ["FORECAST", [[[1], [2]], [[45658]]], "#VALUE!"],
    ["FORECAST", [[[1], [2]], [[45658], [45689]], 0], "#NUM!"],
    ["ACTIVITYPLAN", [1000, 100, [[0]]], "#NUM!"],
    ["TARGETPLAN", [1200, 45658, "fortnight"], "#VALUE!"],
    ["PIPELINE", [[["Lead"]], [[1]], ORDER, [[0.1], [""], [0.5]]], "#VALUE!"],
    ["LEADSCORE", [LEADS, [["Nope", "=", 1, 5]]], "#VALUE!"],
    ["TARGETPLAN", [1200, 45658, "W", null, null, null, null, null, [["调休"]]], "#VALUE!"],
    ["ACTUALS", [[[1], [2]], [[45658]], 45658], "#VALUE!"],
    ["ATTAINMENT", [[[100]], [[1]], [[45658]], 45658, 45658, null, null, null, null, null, 1], "#NUM!"],
    ["ATTAINMENT", [[[100]], [[1]], [[45658]], 45688, 45658], "#VALUE!"],
    ["FUNNELBY", [STAGES, ORDER, [["N"], ["S"], ["N"], ["S"]], null, "lost"], "#VALUE!"],
    [
      "STAGETIME",
      [
        [
          ["Lead", "Won"],
          [45668, 45658],
        ],
      ],
      "#VALUE!",
    ],
  ] as Array<[string, unknown[], string]>)("%s throws CustomFunctions.Error for %j", (id, given, code) => {
    const { value, error } = call(id, given);
    expect(value).toBeUndefined();
    expect(errorProblem(error)).toBeUndefined();
    expect((error as CustomFunctionsError).code).toBe(code);
  });

  test("a per-record error stays in its cell as a CustomFunctions.Error", () => {
    const { value } = call("LEADGRADE", [[["abc"], [90]]]);
    const rows = value as unknown[][];
    expect(rows[0][0]).toBeInstanceOf(CustomFunctionsError);
    expect((rows[0][0] as CustomFunctionsError).code).toBe("#VALUE!");
    expect(rows[1][0]).toBe("A");
  });

  // Whatever a user types, a function answers with a value or an Excel error — never a crash.
  const ODD_SCALARS: unknown[] = ["", "x", -1, 0, 1e308, true, "¥3.5万", "2025年1月1日"];
  const ODD_MATRICES: unknown[][][] = [
    [[""]],
    [["x"]],
    [[0]],
    [
      [-5, "a"],
      [null, true],
    ],
    [[1], [2], [3]],
  ];
  test.each(metadata.functions.map((f) => f.id))("%s never crashes on odd arguments", (id) => {
    const params = metadata.functions.find((f) => f.id === id)?.parameters ?? [];
    const problems: string[] = [];
    for (let variant = 0; variant < ODD_SCALARS.length * ODD_MATRICES.length; variant += 3) {
      const args = params.map((p, i) =>
        p.dimensionality === "matrix"
          ? ODD_MATRICES[(variant + i) % ODD_MATRICES.length]
          : ODD_SCALARS[(variant + 2 * i) % ODD_SCALARS.length],
      );
      let problem: string | undefined;
      try {
        problem = resultProblem(id, fnOf(id)(...args));
      } catch (error) {
        problem = errorProblem(error);
      }
      if (problem) problems.push(`${JSON.stringify(args)}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });
});

/**
 * Blank cells in `any` ranges arrive as `null` on some Excel builds and as `0` on others (issue 7.4). In text-only
 * fields — stages, outcomes, owners, groups, stage names, field names — the spec makes 0 a blank (formulas.md §1.1),
 * and so do date cells in ACTUALS, ATTAINMENT, STAGETIME and FORECAST. Each call below is made twice through the built
 * bundle, blanks as `null` and blanks as `0`, and must answer the same.
 */
describe("blank cells as null or as 0 give the same results (built bundle)", () => {
  const B = Symbol("blank");
  type Arg = unknown;
  /** Replaces every B in the arguments with `blank`. */
  const withBlank = (args: Arg[], blank: null | 0): Arg[] =>
    args.map((a) =>
      a === B ? blank : Array.isArray(a) ? a.map((row: unknown[]) => row.map((c) => (c === B ? blank : c))) : a,
    );
  const outcome = (id: string, args: Arg[]) => {
    const r = call(id, args);
    return r.error !== undefined ? { error: JSON.stringify(r.error) } : { value: r.value };
  };

  const stages = [["Lead"], [B], ["Qualified"], ["Proposal"], [B], ["Lead"], ["Proposal"]];
  const order = [["Lead"], [B], ["Qualified"], ["Proposal"]];
  const amounts = [[100], [50], [200], [300], [10], [500], [70]];
  const outcomes = [["won"], [B], ["lost"], [B], ["won"], [B], ["lost"]];
  const owners = [["Ann"], [B], ["Bob"], ["Ann"], [B], ["Bob"], ["Ann"]];
  const dates = [[45660], [45700], [B], [45720], [45750], [B], [45800]];
  const cases: Array<[string, Arg[]]> = [
    ["FUNNEL", [stages, order, amounts, outcomes]],
    ["CONVERSION", [stages, order, "Lead", "Proposal", outcomes]],
    ["BOTTLENECK", [stages, order, outcomes]],
    ["WINRATE", [outcomes]],
    ["PIPELINE", [stages, amounts, [["Lead"], ["Qualified"], ["Proposal"]], [[0.1], [0.4], [0.7]], outcomes]],
    ["FUNNELBY", [stages, order, owners, outcomes]],
    ["ACTUALS", [amounts, dates, 45658, "M", owners, null, outcomes]],
    ["ACTUALS", [amounts, dates, 45658, "Q", owners, [["Ann"], ["Bob"], [B]], null]],
    [
      "ATTAINMENT",
      [
        [
          ["Owner", "Target"],
          ["Ann", 1000],
          ["Bob", 800],
        ],
        amounts,
        dates,
        45658,
        45838,
        owners,
        outcomes,
        45800,
      ],
    ],
    [
      "STAGETIME",
      [
        [
          ["Lead", "Qualified", "Won"],
          [45658, B, 45680],
          [45660, 45670, B],
          [B, B, B],
        ],
        [["won"], [B], ["lost"]],
        45700,
      ],
    ],
    ["FORECAST", [[[100], [200], [B], [300], [400], [250]], [[45658], [45689], [B], [45717], [45748], [45778]], 2, 0]],
    [
      "WINPROB",
      [
        [
          ["Region", "Outcome"],
          ["East", "won"],
          ["West", "lost"],
          [B, "won"],
          ["East", B],
          ["West", B],
        ],
        [["Region"]],
      ],
    ],
    [
      "WINFACTORS",
      [
        [
          ["Region", "Outcome"],
          ["East", "won"],
          ["West", "lost"],
          [B, "won"],
          ["East", B],
          [B, B],
        ],
        [["Region"]],
      ],
    ],
    ["LEADSCORE", [LEADS, [...RULES, [B, B, B, B]]]],
    ["LEADGRADE", [[[90], [60], [10]], null, [["A"], ["B"], ["C"]]]],
  ];

  test.each(cases)("%s", (id, args) => {
    const asNull = outcome(id, withBlank(args, null));
    const asZero = outcome(id, withBlank(args, 0));
    expect(asNull.error).toBeUndefined();
    expect(asZero).toEqual(asNull);
  });
});
