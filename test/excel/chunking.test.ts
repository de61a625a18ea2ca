import { sameFormulaText } from "../../src/excel/officeWorkbook";
import {
  blockAddress,
  columnLetters,
  consecutiveRuns,
  needsLiteralText,
  parseCellAddress,
  planRowChunks,
  rowPayloadBytes,
  uniqueSheetName,
  uniqueTableName,
  utf8Length,
} from "../../src/excel/chunking";

test("UTF-8 length counts Chinese as 3 bytes and astral characters as 4", () => {
  expect(utf8Length("abc")).toBe(3);
  expect(utf8Length("预算")).toBe(6);
  expect(utf8Length("é")).toBe(2);
  expect(utf8Length("😀")).toBe(4);
  expect(utf8Length("a预😀")).toBe(Buffer.byteLength("a预😀", "utf8"));
});

test("chunks cover every row once, in order, each under the byte budget", () => {
  const rows = Array.from({ length: 1000 }, (_, i) => [`row ${i}`, "预算".repeat(i % 7), i]);
  const budget = 5_000;
  const chunks = planRowChunks(rows.length, (i) => rows[i], { byteBudget: budget });
  expect(chunks[0].start).toBe(0);
  expect(chunks[chunks.length - 1].end).toBe(rows.length);
  for (let k = 1; k < chunks.length; k++) expect(chunks[k].start).toBe(chunks[k - 1].end);
  for (const c of chunks) {
    const bytes = rows.slice(c.start, c.end).reduce((sum, r) => sum + rowPayloadBytes(r), 2);
    expect(bytes).toBeLessThanOrEqual(budget);
    expect(c.bytes).toBe(bytes);
  }
});

test("chunks respect the cell budget too", () => {
  const chunks = planRowChunks(100, () => [1, 2, 3, 4], { cellBudget: 40 });
  expect(chunks).toHaveLength(10);
  expect(chunks.every((c) => c.end - c.start === 10)).toBe(true);
});

test("a single row larger than a request is an error, not an endless loop", () => {
  expect(() => planRowChunks(1, () => ["x".repeat(100)], { byteBudget: 50 })).toThrow(/Row 1/);
});

test("strings Excel would parse as formulas are detected; others are not", () => {
  for (const s of ["=1+1", "+1", "-A1", "@SUM(A1)", " =cmd", "\t=cmd"]) expect(needsLiteralText(s)).toBe(true);
  for (const s of ["Acme", "a=b", "Room 101", "3M Company", "", " ", 5, null, true])
    expect(needsLiteralText(s)).toBe(false);
});

test("strings Excel would turn into numbers, dates, booleans or errors are kept as text", () => {
  const coerced = [
    "00123",
    "1,200",
    "1-2",
    "2025-01-02",
    "2025/1/2",
    "2025年1月2日",
    "15%",
    "$3.5",
    "¥1,000",
    "12:30",
    "9:30 am",
    "(42)",
    "1e5",
    "TRUE",
    "false",
    "#N/A",
    "#DIV/0!",
    "'quoted",
  ];
  for (const s of coerced) expect(needsLiteralText(s)).toBe(true);
});

test("unique names follow Excel's conventions", () => {
  expect(uniqueSheetName("Leads", [])).toBe("Leads");
  expect(uniqueSheetName("Leads", ["leads", "Leads (2)"])).toBe("Leads (3)");
  expect(
    uniqueSheetName(
      "A very long sheet name indeed!!",
      ["A very long sheet name indeed!!"].map((s) => s.slice(0, 31)),
    ),
  ).toHaveLength(31);
  expect(uniqueSheetName("Q1/Q2 [plan]", [])).toBe("Q1 Q2  plan");
  expect(uniqueTableName("Leads", ["LEADS", "Leads_2"])).toBe("Leads_3");
  expect(uniqueTableName("Funnel report", [])).toBe("Funnel_report");
  expect(uniqueTableName("2024", [])).toBe("_2024");
});

test("addresses and runs", () => {
  expect(columnLetters(0)).toBe("A");
  expect(columnLetters(25)).toBe("Z");
  expect(columnLetters(27)).toBe("AB");
  expect(parseCellAddress("$AB$12")).toEqual({ row: 11, column: 27 });
  expect(blockAddress("B2", 3, 2)).toBe("B2:C4");
  expect(blockAddress("B2", 1, 1)).toBe("B2");
  expect(consecutiveRuns([5, 1, 2, 3, 9, 2])).toEqual([
    { start: 1, count: 3 },
    { start: 5, count: 1 },
    { start: 9, count: 1 },
  ]);
});

test("a formula Excel rewrote inside its own table is not counted as a change", () => {
  const same = sameFormulaText("Leads");
  expect(same("=SALES.LEADGRADE([@Score])", "=SALES.LEADGRADE(Leads[@Score])")).toBe(true);
  expect(
    same(
      "=sales.leadscore([@[Company]:[Email]],ScoringRules)",
      "=SALES.LEADSCORE(Leads[@[Company]:[Email]],ScoringRules)",
    ),
  ).toBe(true);
  expect(same("=SALES.LEADGRADE(Other[@Score])", "=SALES.LEADGRADE(Leads[@Score])")).toBe(false);
  expect(same("=SALES.LEADGRADE([@Score])", "=SALES.LEADGRADE(MyLeads[@Score])")).toBe(false);
  expect(same("Acme", "acme")).toBe(false);
});
