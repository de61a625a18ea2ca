/* eslint-disable @typescript-eslint/no-explicit-any */
import { pipeline } from "../../src/functions/functions";
import { col, expectMoney, expectThrows, row, xlErr } from "./helpers";

const ORDER = col("Lead", "Qualified", "Proposal");
const PROBS = col(0.1, "25%", 0.5);

describe("PIPELINE", () => {
  test("sum of amount × stage probability over records in stage_order", () => {
    const st = col("Lead", "Qualified", "Proposal", "Other", "", "proposal ");
    const am = col(1000, "¥1万", 2000, 99999, 5000, "1,000");
    expectMoney(pipeline(st, am, ORDER, PROBS, null as any), 100 + 2500 + 1000 + 500);
  });

  test("won and lost records are excluded when outcomes are given", () => {
    const st = col("Lead", "Qualified", "Proposal", "Proposal");
    const am = col(1000, 1000, 1000, 1000);
    const oc = col("won", "", "lost", "进行中");
    expectMoney(pipeline(st, am, ORDER, PROBS, oc), 250 + 500);
  });

  test("0 is a valid probability; blank amount is 0; rows work too", () => {
    expectMoney(
      pipeline(row("Lead", "Proposal", "Proposal"), row(100, null, 30), ORDER, row(0, 0.5, 1), null as any),
      30,
    );
  });

  test("a blank probability is #VALUE! naming the stage", () => {
    expectThrows(() => pipeline(col("Lead"), col(1), ORDER, col(0.1, "", 0.5), null as any), "#VALUE!", "Qualified");
  });

  test("a probability outside [0, 1] is #NUM!", () => {
    expectThrows(() => pipeline(col("Lead"), col(1), ORDER, col(0.1, 1.2, 0.5), null as any), "#NUM!");
    expectThrows(() => pipeline(col("Lead"), col(1), ORDER, col(-0.1, 0.2, 0.5), null as any), "#NUM!");
    expectThrows(() => pipeline(col("Lead"), col(1), ORDER, col(0.1, "120%", 0.5), null as any), "#NUM!");
  });

  test("probabilities must have one cell per stage", () => {
    expectThrows(() => pipeline(col("Lead"), col(1), ORDER, col(0.1, 0.2), null as any), "#VALUE!");
  });

  test("stages, amounts and outcomes must have the same size", () => {
    expectThrows(() => pipeline(col("Lead", "Lead"), col(1), ORDER, PROBS, null as any), "#VALUE!");
    expectThrows(() => pipeline(col("Lead", "Lead"), col(1, 2), ORDER, PROBS, col("won")), "#VALUE!");
  });

  test("non-number amount, unknown outcome, duplicate stage are #VALUE!", () => {
    expectThrows(() => pipeline(col("Lead", "Lead"), col(1, "big"), ORDER, PROBS, null as any), "#VALUE!", "big");
    expectThrows(() => pipeline(col("Lead"), col(1), ORDER, PROBS, col("someday")), "#VALUE!", "someday");
    expectThrows(() => pipeline(col("Lead"), col(1), col("Lead", "LEAD"), col(0.1, 0.2), null as any), "#VALUE!");
  });

  test("an error value in the data is #VALUE!", () => {
    expectThrows(() => pipeline(col("Lead", "Lead"), col(1, xlErr("#N/A")), ORDER, PROBS, null as any), "#VALUE!");
  });
});
