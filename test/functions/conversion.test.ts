/* eslint-disable @typescript-eslint/no-explicit-any */
import { conversion } from "../../src/functions/functions";
import { col, expectThrows, row, xlErr } from "./helpers";

const ORDER = col("Lead", "Qualified", "Proposal", "Negotiation");
// Lead ×4, Qualified ×3, Proposal ×2, Negotiation ×1 → Reached 10, 6, 3, 1
const SIMPLE = col(
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

// Reached with outcomes: Lead 9, Qualified 7, Proposal 5, Negotiation 4, won 4 (same data as the FUNNEL test)
const ST = col(
  "Lead",
  "Lead",
  "Qualified",
  "Qualified",
  "Proposal",
  "Negotiation",
  "",
  "Lead",
  "报价",
  "报价",
  "",
  "Proposal",
);
const OC = col("open", "lost", "", "lost", null, "won", "won", "win", "open", "lost", "lost", "closed won");

describe("CONVERSION", () => {
  test("Reached(to) ÷ Reached(from)", () => {
    expect(conversion(SIMPLE, ORDER, "Lead", "Proposal", null as any)).toBeCloseTo(0.3, 12);
    expect(conversion(SIMPLE, ORDER, "Qualified", "Negotiation", null as any)).toBeCloseTo(1 / 6, 12);
    expect(conversion(SIMPLE, ORDER, "Proposal", "Proposal", null as any)).toBe(1);
  });

  test("stage names match by text equality", () => {
    expect(conversion(SIMPLE, ORDER, " lead ", "ＰＲＯＰＯＳＡＬ", null as any)).toBeCloseTo(0.3, 12);
  });

  test("with outcomes, won records reach every stage; to_stage may be a won word", () => {
    expect(conversion(ST, ORDER, "Lead", "Qualified", OC)).toBeCloseTo(7 / 9, 12);
    expect(conversion(ST, ORDER, "Lead", "Won", OC)).toBeCloseTo(4 / 9, 12);
    expect(conversion(ST, ORDER, "Qualified", "赢单", OC)).toBeCloseTo(4 / 7, 12);
    expect(conversion(ST, ORDER, "Negotiation", "closed won", OC)).toBe(1);
  });

  test("stages given as a row", () => {
    expect(
      conversion(
        row(...SIMPLE.map((r) => r[0])),
        row("Lead", "Qualified", "Proposal", "Negotiation"),
        "Lead",
        "Qualified",
        null as any,
      ),
    ).toBeCloseTo(0.6, 12);
  });

  test("from_stage after to_stage is #VALUE!", () => {
    expectThrows(() => conversion(SIMPLE, ORDER, "Proposal", "Lead", null as any), "#VALUE!");
    expectThrows(() => conversion(ST, ORDER, "Won", "Lead", OC), "#VALUE!");
  });

  test("unknown stages are #VALUE! naming them", () => {
    expectThrows(() => conversion(SIMPLE, ORDER, "报价", "Proposal", null as any), "#VALUE!", "报价");
    expectThrows(() => conversion(SIMPLE, ORDER, "Lead", "Closing", null as any), "#VALUE!", "Closing");
  });

  test("a won word without outcomes is not a stage", () => {
    expectThrows(() => conversion(SIMPLE, ORDER, "Lead", "Won", null as any), "#VALUE!");
  });

  test("Reached(from) = 0 is #DIV/0!", () => {
    expectThrows(() => conversion(col("x", "Lead"), ORDER, "Qualified", "Proposal", null as any), "#DIV/0!");
  });

  test("shape mismatch and unknown outcome are #VALUE!", () => {
    expectThrows(() => conversion(col("Lead", "Lead"), ORDER, "Lead", "Qualified", col("won")), "#VALUE!");
    expectThrows(
      () => conversion(col("Lead", "Lead"), ORDER, "Lead", "Qualified", col("won", "perhaps")),
      "#VALUE!",
      "perhaps",
    );
  });

  test("an error value in the data is #VALUE!", () => {
    expectThrows(() => conversion(col("Lead", xlErr("#N/A")), ORDER, "Lead", "Qualified", null as any), "#VALUE!");
  });
});
