/* eslint-disable @typescript-eslint/no-explicit-any */
import { bottleneck } from "../../src/functions/functions";
import { col, expectThrows, xlErr } from "./helpers";

const ORDER = col("Lead", "Qualified", "Proposal", "Negotiation");

describe("BOTTLENECK", () => {
  test("the step with the lowest step conversion", () => {
    // Reached 10, 6, 3, 1 → steps 0.6, 0.5, 0.333
    const st = col(
      "Lead",
      "Qualified",
      "Lead",
      "Proposal",
      "Negotiation",
      "Qualified",
      "Lead",
      "Proposal",
      "Qualified",
      "Lead",
    );
    expect(bottleneck(st, ORDER, null as any)).toBe("Proposal → Negotiation");
  });

  test("stage names are shown as written in stage_order", () => {
    const order = col("线索", "商机", "谈判");
    // Reached 4, 3, 1 → steps 0.75, 0.333
    const st = col("线索", " 商机", "商机", "谈判");
    expect(bottleneck(st, order, null as any)).toBe("商机 → 谈判");
  });

  test("ties go to the earliest step", () => {
    // Reached 8, 4, 2 → steps 0.5, 0.5
    const st = col("A", "A", "A", "A", "B", "B", "C", "C");
    expect(bottleneck(st, col("A", "B", "C"), null as any)).toBe("A → B");
  });

  test("includes the step into Won when outcomes are given", () => {
    // Reached A 4, B 4 (won reach all); won 1 → A→B 1, B→Won 0.25
    const st = col("B", "B", "B", "A");
    const oc = col("open", "lost", "open", "won");
    expect(bottleneck(st, col("A", "B"), oc)).toBe("B → Won");
  });

  test("a step of 0 is the lowest; steps from a stage nobody reached are skipped", () => {
    const st = col("A", "A");
    expect(bottleneck(st, col("A", "B", "C"), col("lost", "open"))).toBe("A → B");
  });

  test("no step with a defined conversion is #N/A", () => {
    expectThrows(() => bottleneck(col("A", "A"), col("A"), null as any), "#N/A");
    expectThrows(() => bottleneck(col("x", "y"), col("A", "B"), null as any), "#N/A");
  });

  test("input errors", () => {
    expectThrows(() => bottleneck(col("A"), col("A", "a"), null as any), "#VALUE!");
    expectThrows(() => bottleneck(col("A", "B"), col("A", "B"), col("won")), "#VALUE!");
    expectThrows(() => bottleneck(col("A", "B"), col("A", "B"), col("won", "pending")), "#VALUE!", "pending");
    expectThrows(() => bottleneck(col("A", xlErr("#N/A")), col("A", "B"), null as any), "#VALUE!");
  });
});
