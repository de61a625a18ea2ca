/**
 * The help site's worked examples (src/help/examples/) are checked against the code, so the help never shows a
 * number the code does not produce. Each example is called through src/functions/functions.ts exactly as Excel
 * would call it: the function registered under the example's id (the same JSDoc → id mapping the build uses),
 * every parameter present, omitted ones as null, ranges as rows of cells, the display language set for labels.
 * The example's `args` must also be what Excel would pass for its `formula` over its `sheet` (a typo in a
 * reference would otherwise show a formula the numbers do not belong to), and every function has an example.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";
import { allExamples, type HelpExample } from "../../src/help/examples";
import { isCfError, withDisplayLanguage } from "../functions/helpers";
import { argumentValue, parseFormula } from "./formula";

type Dimensionality = "matrix" | "scalar";
interface ParamMeta {
  name: string;
  dimensionality?: Dimensionality;
  optional?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  parameters: ParamMeta[];
  result: { dimensionality?: Dimensionality };
}

const FUNCTIONS_SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");
let metadata: FunctionMeta[] = [];
const exportOf = new Map<string, string>();

beforeAll(async () => {
  // The same generator the build runs (custom-functions-metadata-plugin): ids, parameters and the id → export map.
  const generated = await generateCustomFunctionsMetadata([FUNCTIONS_SOURCE], false);
  expect(generated.errors).toEqual([]);
  metadata = (JSON.parse(generated.metadataJson) as { functions: FunctionMeta[] }).functions;
  for (const { id, functionName } of generated.associate) exportOf.set(id, functionName);
}, 60_000);

/** Thrown CustomFunctions.Error → its code; error cells likewise; everything else as returned. */
function normalise(value: unknown): unknown {
  if (isCfError(value)) return value.code;
  if (Array.isArray(value)) return value.map(normalise);
  return value;
}

function call(example: HelpExample): unknown {
  const name = exportOf.get(example.id);
  if (!name) throw new Error(`no function is registered as ${example.id}`);
  const fn = (functions as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
  const run = (): unknown => {
    try {
      return normalise(fn(...example.args));
    } catch (error) {
      if (isCfError(error)) return error.code;
      throw error;
    }
  };
  return example.lang === "zh" ? withDisplayLanguage("zh-CN", run) : withDisplayLanguage("en-US", run);
}

/** Numbers within 1e-9 relative, everything else exactly; a 1×1 result may be given as its single value. */
function sameResult(actual: unknown, expected: unknown): boolean {
  if (
    !Array.isArray(expected) &&
    Array.isArray(actual) &&
    actual.length === 1 &&
    Array.isArray(actual[0]) &&
    actual[0].length === 1
  ) {
    return sameResult(actual[0][0], expected);
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((row, i) => sameResult((actual as unknown[])[i], row))
    );
  }
  if (typeof expected === "number") {
    return typeof actual === "number" && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  return actual === expected;
}

const label = (e: HelpExample): string => `${e.id}: ${e.formula}`;

describe("worked examples of the help site", () => {
  test("there are examples, and every SALES function has at least one", () => {
    expect(allExamples.length).toBeGreaterThanOrEqual(metadata.length);
    const covered = new Set(allExamples.map((e) => e.id));
    expect(metadata.map((f) => f.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  test("each names a function that exists, in a formula of that function, with a title in both languages", () => {
    const problems: string[] = [];
    for (const e of allExamples) {
      const fn = metadata.find((f) => f.id === e.id);
      if (!fn) {
        problems.push(`${label(e)}: no function ${e.id}`);
        continue;
      }
      const parsed = parseFormula(e.formula);
      if (parsed.namespace !== "SALES" || parsed.name !== fn.name)
        problems.push(`${label(e)}: the formula calls ${parsed.namespace}.${parsed.name}`);
      if (!e.title.en.trim()) problems.push(`${label(e)}: no English title`);
      if (!/[\u4e00-\u9fff]/.test(e.title.zh)) problems.push(`${label(e)}: the Chinese title has no Chinese`);
    }
    expect(problems).toEqual([]);
  });

  test("args are what Excel passes for the formula over the sheet (omitted arguments as null, one per parameter)", () => {
    const problems: string[] = [];
    for (const e of allExamples) {
      const fn = metadata.find((f) => f.id === e.id);
      if (!fn) continue;
      if (e.args.length !== fn.parameters.length) {
        problems.push(
          `${label(e)}: ${e.args.length} args for ${fn.parameters.length} parameters (Excel passes every one, omitted as null)`,
        );
        continue;
      }
      const { args } = parseFormula(e.formula);
      const required = fn.parameters.filter((p) => !p.optional).length;
      if (args.length < required || args.length > fn.parameters.length) {
        problems.push(
          `${label(e)}: the formula has ${args.length} arguments, the function takes ${required} to ${fn.parameters.length}`,
        );
        continue;
      }
      fn.parameters.forEach((p, i) => {
        const expected = i < args.length ? argumentValue(args[i], e.sheet, p.dimensionality ?? "scalar") : null;
        if (expected === undefined) return; // an argument this reader does not evaluate (e.g. TODAY())
        if (JSON.stringify(expected) !== JSON.stringify(e.args[i])) {
          problems.push(
            `${label(e)}: argument ${p.name} is ${JSON.stringify(e.args[i])}, the formula gives ${JSON.stringify(expected)}`,
          );
        }
      });
    }
    expect(problems).toEqual([]);
  });

  test.each(allExamples.map((e) => [label(e), e] as const))("%s gives the result the help shows", (_, example) => {
    const actual = call(example);
    if (!sameResult(actual, example.result)) {
      throw new Error(
        `${label(example)}\nexpected ${JSON.stringify(example.result)}\nreceived ${JSON.stringify(actual)}`,
      );
    }
  });
});

describe("the formula reader used above", () => {
  test("references, literals, arrays and omitted arguments become what Excel passes", () => {
    const sheet = [
      ["a", "b"],
      [1, null],
    ];
    const { name, args } = parseFormula('=SALES.X(A1:B2, "x, ""y""", {1,2;3,4}, , TRUE, -1.5e3, B2, TODAY())');
    expect(name).toBe("X");
    expect(argumentValue(args[0], sheet, "matrix")).toEqual([
      ["a", "b"],
      [1, null],
    ]);
    expect(argumentValue(args[1], sheet, "scalar")).toBe('x, "y"');
    expect(argumentValue(args[2], sheet, "matrix")).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(argumentValue(args[3], sheet, "matrix")).toBeNull();
    expect(argumentValue(args[4], sheet, "matrix")).toEqual([[true]]);
    expect(argumentValue(args[5], sheet, "scalar")).toBe(-1500);
    expect(argumentValue(args[6], sheet, "scalar")).toBeNull();
    expect(argumentValue(args[7], sheet, "scalar")).toBeUndefined();
  });

  test("a wrong reference in an example would be caught", () => {
    const { args } = parseFormula("=SALES.WINRATE(D2:D10)");
    const sheet = [["Outcome"], ["won"], ["lost"]];
    expect(argumentValue(args[0], sheet, "matrix")).not.toEqual([["won"], ["lost"]]);
  });
});
