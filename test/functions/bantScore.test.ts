import { bantScore } from "../../src/functions/functions";
import { cell, col, expectCleanMatrix, expectErrorCell, expectThrows, row, serial, xlErr } from "./helpers";

const AS_OF = serial(2025, 1, 1);

describe("BANTSCORE", () => {
  test("counts the met criteria per record, 0–4", () => {
    const out = bantScore(
      col(100000, 0, "否", "¥2万", null),
      col("CFO", "决策人", "", "unknown", null),
      col("需要升级ERP", true, "no", "✔", null),
      col(AS_OF + 30, "2025-02-01", AS_OF - 1, "待定", null),
      null,
      null,
      null,
      AS_OF,
    );
    expectCleanMatrix(out);
    expect(out).toEqual(col(4, 3, 0, 2, 0));
  });

  test("min_budget and within_days change the count; required does not", () => {
    const args = [cell(40000), cell("VP"), cell("yes"), cell(AS_OF + 60)] as const;
    expect(bantScore(...args, null, null, null, AS_OF)).toEqual([[4]]);
    expect(bantScore(...args, 50000, null, null, AS_OF)).toEqual([[3]]);
    expect(bantScore(...args, null, 30, null, AS_OF)).toEqual([[3]]);
    expect(bantScore(...args, "5万", 30, 1, AS_OF)).toEqual([[2]]);
  });

  test("the result takes the shape of the multi-cell argument", () => {
    expect(bantScore(cell(1), cell(1), row(1, 0, "x"), cell(true), null, null, null, AS_OF)).toEqual(row(4, 3, 4));
  });

  test("an error value makes that record's count the error", () => {
    const out = bantScore(col(1, 1), col(1, 1), col(1, 1), col(true, xlErr("#NUM!")), null, null, null, AS_OF);
    expect(out[0][0]).toBe(4);
    expectErrorCell(out[1][0], "#NUM!");
  });

  test("validation", () => {
    expectThrows(() => bantScore(cell(1), cell(1), cell(1), cell(1), null, null, 0, AS_OF), "#NUM!");
    expectThrows(() => bantScore(cell(1), cell(1), cell(1), cell(1), null, -5, null, AS_OF), "#NUM!");
    expectThrows(() => bantScore(cell(1), cell(1), cell(1), cell(1), -0.01, null, null, AS_OF), "#NUM!");
    expectThrows(() => bantScore(col(1, 2), col(1, 2, 3), cell(1), cell(1), null, null, null, AS_OF), "#VALUE!");
  });
});
