/**
 * The worked examples of src/help/examples/stands.ts are called through src/functions/functions.ts exactly as Excel
 * would call them, in their display language, and must give exactly their stated result (numbers to 1e-9 relative).
 */
import * as functions from "../../src/functions/functions";
import { allExamples } from "../../src/help/examples";
import { examples } from "../../src/help/examples/stands";
import { withDisplayLanguage } from "../functions/helpers";

const byId = new Map(
  Object.entries(functions).map(([name, fn]) => [name.toUpperCase(), fn as (...args: unknown[]) => unknown]),
);

function same(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === "number") {
    if (typeof actual !== "number" || Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
      throw new Error(`${where}: expected ${expected}, got ${JSON.stringify(actual)}`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length)
      throw new Error(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    expected.forEach((e, i) => same(actual[i], e, `${where}[${i}]`));
    return;
  }
  if (actual !== expected)
    throw new Error(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

describe("worked examples: where the team stands", () => {
  test("are registered in the help site's list", () => {
    for (const e of examples) expect(allExamples).toContain(e);
    expect(examples.map((e) => e.id).sort()).toEqual(["ACTUALS", "ATTAINMENT", "FUNNELBY", "STAGETIME"]);
  });

  test.each(examples.map((e) => [e.id, e] as const))("%s gives its stated result", (id, e) => {
    const fn = byId.get(id);
    expect(fn).toBeDefined();
    expect(e.formula.startsWith(`=SALES.${id}(`)).toBe(true);
    const run = () => fn!(...e.args);
    const out = e.lang === "zh" ? withDisplayLanguage("zh-CN", run) : run();
    same(out, e.result, id);
  });
});
