/**
 * The pane's formulas-or-values decision (issue 7.3), at its boundaries on Excel for the web and on Windows.
 */
import {
  averageCellBytes,
  CALL_BUDGET,
  cellBytes,
  decideRowFormulas,
  decideWholeColumn,
  matrixBytes,
  RECALC_BUDGET_DESKTOP,
  RECALC_BUDGET_WEB,
} from "../../src/excel/payload";

describe("JSON sizes of cells as Excel sends them", () => {
  test.each([
    [null, "null"],
    [12345, "12345"],
    [0.25, "0.25"],
    [true, "true"],
    [false, "false"],
    ["Acme", '"Acme"'],
    ['say "hi"', '"say \\"hi\\""'],
    ["华东", '"华东"'],
    ["😀", '"😀"'],
  ])("%p is as long as its JSON plus a separator", (value, json) => {
    expect(cellBytes(value)).toBe(Buffer.byteLength(json, "utf8") + 1);
  });

  test("a matrix is within a few bytes of JSON.stringify", () => {
    const m = [
      ["Field", "Operator", "Value", "Points"],
      ["预算", ">=", 100000, 25],
      ["Need", "not blank", null, 10],
    ];
    const exact = Buffer.byteLength(JSON.stringify(m), "utf8");
    expect(Math.abs(matrixBytes(m) - exact)).toBeLessThanOrEqual(m.length * 5 + 2);
  });

  test("the average cell size reads the table's own data", () => {
    expect(
      averageCellBytes([
        ["abcdefgh", "abcdefgh"],
        [12, 34],
      ]),
    ).toBe((11 + 11 + 3 + 3) / 4);
    expect(averageCellBytes([])).toBe(4);
  });
});

describe("per-row formulas: values once one edit's recalculation exceeds the budget", () => {
  const base = { rowCells: 16, bytesPerCell: 12, sharedBytes: 1000, callsPerRow: 2 };
  const perRow = (16 * 12 + 1000 + 64) * 2;

  test.each([
    ["OfficeOnline", RECALC_BUDGET_WEB],
    ["PC", RECALC_BUDGET_DESKTOP],
    ["Mac", RECALC_BUDGET_DESKTOP],
  ])("%s: formulas up to the last row that fits, values one row beyond", (platform, budget) => {
    const maxRows = Math.floor(budget / perRow);
    const at = decideRowFormulas({ platform, rows: maxRows, ...base });
    expect(at).toMatchObject({ mode: "formulas", maxRows, web: platform === "OfficeOnline" });
    expect(at.perRecalcBytes).toBeLessThanOrEqual(budget);
    const beyond = decideRowFormulas({ platform, rows: maxRows + 1, ...base });
    expect(beyond).toMatchObject({ mode: "values", reason: "recalc", maxRows });
    expect(beyond.perRecalcBytes).toBeGreaterThan(budget);
  });

  test("the web allows fewer rows than Windows for the same table (about 53,000 vs 427,000 here)", () => {
    const web = decideRowFormulas({ platform: "OfficeOnline", rows: 60000, ...base });
    const pc = decideRowFormulas({ platform: "PC", rows: 60000, ...base });
    expect(web.mode).toBe("values");
    expect(pc.mode).toBe("formulas");
    expect(web.maxRows).toBe(Math.floor(RECALC_BUDGET_WEB / perRow));
    expect(pc.maxRows).toBe(Math.floor(RECALC_BUDGET_DESKTOP / perRow));
  });

  test("a rules table too large for one call means values on every platform", () => {
    for (const platform of ["OfficeOnline", "PC"]) {
      const d = decideRowFormulas({ platform, rows: 10, ...base, sharedBytes: CALL_BUDGET });
      expect(d).toMatchObject({ mode: "values", reason: "call", maxRows: 0 });
    }
  });
});

describe("whole-column formulas: one call must fit", () => {
  const perRow = 3 * 10 + 2;
  test("the web: formulas up to 4 MB in the call, values beyond", () => {
    const maxRows = Math.floor((CALL_BUDGET - 64) / perRow);
    expect(decideWholeColumn({ platform: "OfficeOnline", rows: maxRows, columns: 3, bytesPerCell: 10 })).toMatchObject({
      mode: "formulas",
      maxRows,
    });
    expect(
      decideWholeColumn({ platform: "OfficeOnline", rows: maxRows + 1, columns: 3, bytesPerCell: 10 }),
    ).toMatchObject({ mode: "values", reason: "call" });
  });

  test("Windows: the same 1,048,576-row report stays a formula", () => {
    expect(decideWholeColumn({ platform: "PC", rows: 1048576, columns: 3, bytesPerCell: 10 }).mode).toBe("formulas");
    expect(decideWholeColumn({ platform: "OfficeOnline", rows: 1048576, columns: 3, bytesPerCell: 10 }).mode).toBe(
      "values",
    );
  });
});
