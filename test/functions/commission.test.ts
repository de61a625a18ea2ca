/* eslint-disable @typescript-eslint/no-explicit-any */
import { commission } from "../../src/functions/functions";
import { cell, col, expectCleanMatrix, expectErrorCell, expectMoney, expectThrows, row, xlErr } from "./helpers";

const TIERS = [
  ["Threshold", "Rate"],
  [0, 0.02],
  [100000, "5%"],
  [500000, 0.08],
];

function one(amount: unknown, tiers: any[][] = TIERS, method: unknown = null): unknown {
  const out = commission(cell(amount), tiers, method);
  expectCleanMatrix(out);
  return out[0][0];
}

describe("COMMISSION", () => {
  test("marginal (default): each slice earns its tier's rate", () => {
    expectMoney(one(600000), 100000 * 0.02 + 400000 * 0.05 + 100000 * 0.08);
    expectMoney(one(50000), 1000);
    expectMoney(one(100000), 2000);
    expectMoney(one(500000), 2000 + 20000);
    for (const m of ["marginal", "progressive", "累进", " MARGINAL "]) expectMoney(one(600000, TIERS, m), 30000);
  });

  test("flat: the whole amount earns the rate of the highest threshold reached", () => {
    for (const m of ["flat", "全额", "Flat"]) {
      expectMoney(one(600000, TIERS, m), 48000);
      expectMoney(one(100000, TIERS, m), 5000);
      expectMoney(one(99999, TIERS, m), 99999 * 0.02);
    }
  });

  test("below the first threshold nothing is earned", () => {
    const tiers = [
      [10000, 0.05],
      [50000, 0.1],
    ];
    expectMoney(one(5000, tiers), 0);
    expectMoney(one(5000, tiers, "flat"), 0);
    expectMoney(one(20000, tiers), 500);
    expectMoney(one(20000, tiers, "flat"), 1000);
    expectMoney(one(60000, tiers), 40000 * 0.05 + 10000 * 0.1);
  });

  test("a refund earns the negative of what its absolute value would earn", () => {
    expectMoney(one(-600000), -30000);
    expectMoney(one(-600000, TIERS, "flat"), -48000);
    expectMoney(one(-5000, [[10000, 0.05]]), 0);
  });

  test("blank amount is 0; numeric text is a number", () => {
    expectMoney(one(null), 0);
    expectMoney(one(""), 0);
    expectMoney(one("¥60万"), 30000);
    expectMoney(one("600,000"), 30000);
  });

  test("a non-number amount is #VALUE! in its cell; an error value passes through in its cell", () => {
    const out = commission(col(600000, "big deal", xlErr("#N/A"), 50000), TIERS, null);
    expectMoney(out[0][0], 30000);
    expectErrorCell(out[1][0], "#VALUE!");
    expectErrorCell(out[2][0], "#N/A");
    expectMoney(out[3][0], 1000);
  });

  test("keeps the shape of amounts", () => {
    const out = commission(row(50000, 600000), TIERS, null);
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(2);
    const grid = commission(
      [
        [50000, 100000],
        [0, 600000],
      ],
      TIERS,
      "flat",
    );
    expect(grid).toHaveLength(2);
    expectMoney(grid[1][1], 48000);
  });

  test("tiers without a header row; percent text rates", () => {
    expectMoney(
      one(200000, [
        [0, "2%"],
        [100000, "5%"],
      ]),
      2000 + 5000,
    );
  });

  test("a negative threshold or rate is #NUM!", () => {
    expectThrows(
      () =>
        commission(
          cell(1),
          [
            [-1, 0.1],
            [10, 0.2],
          ],
          null,
        ),
      "#NUM!",
    );
    expectThrows(
      () =>
        commission(
          cell(1),
          [
            [0, 0.1],
            [10, -0.2],
          ],
          null,
        ),
      "#NUM!",
    );
  });

  // Reading of the spec: ordering is not "a number outside its range", it is a malformed table — but the
  // spec does not name the code, so either #VALUE! (like LEADGRADE's thresholds) or #NUM! is accepted.
  test("thresholds that are not strictly ascending are an error", () => {
    for (const tiers of [
      [
        [0, 0.1],
        [0, 0.2],
      ],
      [
        [10, 0.1],
        [5, 0.2],
      ],
    ]) {
      let code = "";
      try {
        commission(cell(1), tiers, null);
      } catch (e) {
        code = (e as { code: string }).code;
      }
      expect(["#VALUE!", "#NUM!"]).toContain(code);
    }
  });

  test("an unknown method is #VALUE! naming it", () => {
    expectThrows(() => commission(cell(1), TIERS, "tiered"), "#VALUE!", "tiered");
  });

  test("tiers must have two columns", () => {
    expectThrows(() => commission(cell(1), [[0, 0.1, 5]], null), "#VALUE!");
    expectThrows(() => commission(cell(1), [[0], [10]], null), "#VALUE!");
  });
});
