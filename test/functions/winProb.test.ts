/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * SALES.WINPROB against winprob.md: Odoo's asserted figures, the spec's exact values, and every rule and error row.
 * Expected values are Odoo's or worked out by hand from the contract (derivations in the comments).
 */
import { winProb, winFactors } from "../../src/functions/functions";
import { col, expectErrorCell, expectThrows, isCfError, row, xlErr } from "./helpers";
import {
  ODOO_FIELDS,
  ODOO_HEADER,
  ODOO_OPEN,
  ODOO_ROWS,
  ODOO_STAGES,
  ODOO_ZH_FIELDS,
  ODOO_ZH_STAGES,
  TOOLTIP_FIELDS,
  TOOLTIP_STAGES,
  TOOLTIP_TABLE,
  odooTable,
  odooTableZh,
} from "./winprobFixtures";

const N = null as any;
/** WINPROB with omitted arguments passed as Excel passes them (null). */
const wp = (records: any[][], fields: any = N, headers: any = N, stageOrder: any = N, group: any = N, s: any = N) =>
  winProb(records, fields, headers, stageOrder, group, s);
/** The single column of a result, flattened. */
const values = (m: unknown[][]): unknown[] =>
  m.map((r) => {
    expect(r).toHaveLength(1);
    return r[0];
  });
const at = (m: unknown[][], record: number): number => {
  const v = m[record - 1][0];
  if (typeof v !== "number") throw new Error(`record ${record}: expected a number, got ${JSON.stringify(v)}`);
  return v;
};
const expectRel = (actual: number, expected: number, rel: number): void => {
  if (Math.abs(actual - expected) > rel * Math.abs(expected)) {
    throw new Error(`expected ${expected} within ${rel} relative, got ${actual}`);
  }
};

describe("WINPROB on Odoo's test scenario (winprob.md example)", () => {
  const result = () => wp(odooTable(), ODOO_FIELDS, N, ODOO_STAGES, "Team");

  test("reproduces Odoo's asserted 33.49 %, 7.74 %, 35.09 % within 0.00005", () => {
    const out = result();
    expect(Math.abs(at(out, 4) - 0.3349)).toBeLessThanOrEqual(0.00005); // lead_3
    expect(Math.abs(at(out, 9) - 0.0774)).toBeLessThanOrEqual(0.00005); // lead_8
    expect(Math.abs(at(out, 14) - 0.3509)).toBeLessThanOrEqual(0.00005); // lead_13
  });

  test('gives the spec\'s six-digit values for every open lead and "" for the closed ones', () => {
    const out = result();
    expect(out).toHaveLength(14);
    const expected: Record<number, number> = { 4: 0.334865, 5: 0.002175, 9: 0.077352, 10: 0.080292, 14: 0.350902 };
    for (let r = 1; r <= 14; r++) {
      if (ODOO_OPEN.includes(r)) expect(Math.abs(at(out, r) - expected[r])).toBeLessThanOrEqual(5e-7);
      else expect(out[r - 1]).toEqual([""]);
    }
  });

  test("lead_3 is exactly 133837/399674 (the spec's hand computation), to 1e-12", () => {
    // (1.1/2.1) base × (2.1/1.1) stage Qualified × (23/143)² Country 0 and State 1 × (253/13) Source 2
    expectRel(at(result(), 4), 133837 / 399674, 1e-12);
  });

  test("with B12:B15 blank (leads 10-13 in no group) lead_13 scores on the pooled table: 35.19 %", () => {
    const t = odooTable();
    for (let r = 11; r <= 14; r++) t[r][1] = null;
    const out = wp(t, ODOO_FIELDS, N, ODOO_STAGES, "Team");
    expect(Math.abs(at(out, 14) - 0.3519)).toBeLessThanOrEqual(0.00005);
    expect(Math.abs(at(out, 14) - 0.351907)).toBeLessThanOrEqual(5e-7);
    // the others are unchanged
    const before = result();
    for (const r of [4, 5, 9, 10]) expect(at(out, r)).toBe(at(before, r));
  });

  test('no-group blanks may arrive as null, "" or 0: the same pooled result', () => {
    for (const blank of [null, "", 0, "  "]) {
      const t = odooTable();
      for (let r = 11; r <= 14; r++) t[r][1] = blank;
      expect(Math.abs(at(wp(t, ODOO_FIELDS, N, ODOO_STAGES, "Team"), 14) - 0.351907)).toBeLessThanOrEqual(5e-7);
    }
  });

  test("omitting fields gives the same figures (default fields Country, State, Source)", () => {
    const out = wp(odooTable(), N, N, ODOO_STAGES, "Team");
    expect(values(out)).toEqual(values(result()));
    // … and all-blank fields are omitted fields
    expect(values(wp(odooTable(), [[null, "", 0]], N, ODOO_STAGES, "Team"))).toEqual(values(result()));
  });

  test("the default fields are Country, State and Source (WINFACTORS' table lists exactly those)", () => {
    const table = winFactors(odooTable(), N, N, ODOO_STAGES, "Team", N, N, 14);
    expect(
      table
        .slice(2, -1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(["Country", "Source", "Stage", "State"]);
  });

  test("fields and stage_order may be rows or columns", () => {
    const out = wp(
      odooTable(),
      col("Country", "State", "Email", "Phone", "Source"),
      N,
      row("New", "Qualified", "Proposition", "Won"),
      "Team",
    );
    expect(values(out)).toEqual(values(result()));
  });

  test("a separate headers row: every row of records is a record", () => {
    const out = wp(
      ODOO_ROWS.map((r) => r.slice()),
      ODOO_FIELDS,
      [ODOO_HEADER.slice()],
      ODOO_STAGES,
      "Team",
    );
    expect(values(out)).toEqual(values(result()));
  });

  test("stage_order without the won stage works the same ({New; Qualified; Proposition})", () => {
    const out = wp(odooTable(), ODOO_FIELDS, N, col("New", "Qualified", "Proposition"), "Team");
    expect(values(out)).toEqual(values(result()));
  });

  test("Chinese headers (团队, 阶段, 结果), outcome words (赢单, 输单) and stage names give the same figures", () => {
    const out = wp(odooTableZh(), ODOO_ZH_FIELDS, N, ODOO_ZH_STAGES, "团队");
    expect(values(out)).toEqual(values(result()));
  });

  test("header and value matching is text equality (case, width, spaces)", () => {
    const t = odooTable();
    t[0] = ["LEAD", " team ", "STAGE", "ＯＵＴＣＯＭＥ", "country", "State", "Email", "Phone", "source"];
    for (let r = 1; r <= 14; r++) t[r][8] = r % 2 ? String(t[r][8]).toUpperCase() : ` ${t[r][8]} `;
    t[2][3] = "LOST";
    const out = wp(t, ODOO_FIELDS, N, col("new", "QUALIFIED", "proposition"), "TEAM");
    expect(values(out)).toEqual(values(result()));
  });

  test("the tooltip scenario: 74.30 %", () => {
    const out = wp(TOOLTIP_TABLE, TOOLTIP_FIELDS, N, TOOLTIP_STAGES);
    expect(values(out).slice(0, 5)).toEqual(["", "", "", "", ""]);
    expect(Math.abs(at(out, 6) - 0.743)).toBeLessThanOrEqual(0.00005);
  });
});

describe("WINPROB outcome and stage columns", () => {
  test("the Outcome column is the first of outcome, result, won/lost, win/loss, 结果, 输赢, 成交结果 that is a header", () => {
    // "Result" comes before "输赢" in the list even though 输赢 is further left; the other column is a plain factor
    const t = [
      ["输赢", "X", "Result"],
      ["won", "a", "lost"],
      ["lost", "b", "won"],
      ["lost", "a", ""],
    ];
    // Result decides: record 3 is open; with Result's counts: a lost (row 1), b won (row 2)
    const out = wp(t, [["X"]]);
    expect(out[0][0]).toBe("");
    expect(out[1][0]).toBe("");
    // base 1.1/1.1; a: won share 0.1/1.2, lost share 1.1/1.2 → odds 1/11 → p = 1/12
    expectRel(at(out, 3), 1 / 12, 1e-12);
    for (const name of ["outcome", "won/lost", "win/loss", "结果", "输赢", "成交结果", "RESULT"]) {
      const u = [
        [name, "X"],
        ["won", "a"],
        ["lost", "b"],
        ["", "a"],
      ];
      // a: won share 1.1/1.2, lost share 0.1/1.2 → odds 11 → p = 11/12
      expectRel(at(wp(u, [["X"]]), 3), 11 / 12, 1e-12);
    }
  });

  test("outcome words in English and Chinese; blank, 0 and open words are open", () => {
    const t = [
      ["Outcome", "X"],
      ["Closed Won", "a"],
      ["成交", "a"],
      ["丢单", "b"],
      ["失败", "b"],
      ["输", "a"],
      [null, "a"],
      ["", "a"],
      [0, "a"],
      ["进行中", "a"],
      ["open", "a"],
      ["跟进中", "b"],
    ];
    const out = wp(t);
    expect(values(out).slice(0, 5)).toEqual(["", "", "", "", ""]);
    // W = 2, L = 3; a: won 2, lost 1; b: won 0, lost 2 → a: (2.1/2.2)/(1.1/3.2), b: (0.1/2.2)/(2.1/3.2)
    const base = 2.1 / 3.1;
    const pa = base * (2.1 / 2.2 / (1.1 / 3.2));
    const pb = base * (0.1 / 2.2 / (2.1 / 3.2));
    for (let r = 6; r <= 10; r++) expectRel(at(out, r), pa / (1 + pa), 1e-12);
    expectRel(at(out, 11), pb / (1 + pb), 1e-12);
  });

  test("stages are reached: a won row reached every stage, a lost row its stage and the ones before", () => {
    // Stages A, B, C. Won: 1 (stage cell not read). Lost at A, at B, at C. Open at C.
    const t = [
      ["Stage", "Outcome"],
      ["whatever", "won"],
      ["A", "lost"],
      ["B", "lost"],
      ["C", "lost"],
      ["C", ""],
      ["B", ""],
      ["A", ""],
    ];
    const out = wp(t, N, N, col("A", "B", "C"));
    // base 1.1/3.1; stage k: won share (1.1)/1.1 = 1, lost share (lost at ≥ k + 0.1)/3.1
    const base = 1.1 / 3.1;
    const odds = (lostFrom: number) => base / ((lostFrom + 0.1) / 3.1);
    expectRel(at(out, 5), odds(1) / (1 + odds(1)), 1e-12);
    expectRel(at(out, 6), odds(2) / (1 + odds(2)), 1e-12);
    expectRel(at(out, 7), odds(3) / (1 + odds(3)), 1e-12); // A: every lost row reached it → ×1
  });

  test("a blank stage or a won/lost word is position 1; the Stage column is not read without stage_order", () => {
    const t = [
      ["Stage", "Outcome"],
      ["B", "won"],
      ["Closed Lost", "lost"], // position 1
      ["", "lost"], // position 1
      ["B", "lost"],
      ["", ""], // open, position 1
      [0, ""], // 0 is blank: position 1
      ["B", ""],
    ];
    const out = wp(t, N, N, col("A", "B"));
    const base = 1.1 / 3.1;
    const p1 = base; // position 1: lost share 3.1/3.1
    const o2 = base / (1.1 / 3.1);
    expectRel(at(out, 5), p1 / (1 + p1), 1e-12);
    expectRel(at(out, 6), p1 / (1 + p1), 1e-12);
    expectRel(at(out, 7), o2 / (1 + o2), 1e-12);
    // Without stage_order: no stage factor, so even unknown stage names do no harm
    const u = t.map((r) => r.slice());
    u[2][0] = "Nowhere";
    expect(values(wp(u)).slice(4)).toEqual(Array(3).fill(expect.closeTo(1.1 / 4.2, 12)));
  });

  test("a won row's Stage cell is not read: an unknown stage or an error there is ignored", () => {
    const t = [
      ["Stage", "Outcome"],
      ["Nowhere", "won"],
      [xlErr("#N/A"), "won"],
      ["A", "lost"],
      ["B", ""],
    ];
    const out = wp(t, N, N, col("A", "B"));
    // base 2.1/1.1; stage B: won share 1, lost share 0.1/1.1
    const o = (2.1 / 1.1) * 11;
    expectRel(at(out, 4), o / (1 + o), 1e-12);
  });

  test("a partition with no won row has stage counts only up to its furthest lost row", () => {
    // Team X: lost at A only. Team Y: won + lost at B. Open X-record at B: B has no counts in X → no stage factor.
    const t = [
      ["Team", "Stage", "Outcome"],
      ["X", "A", "lost"],
      ["Y", "", "won"],
      ["Y", "B", "lost"],
      ["X", "B", ""],
      ["X", "A", ""],
    ];
    const out = wp(t, N, N, col("A", "B"), "Team");
    const base = 0.1 / 1.1;
    expectRel(at(out, 4), base / (1 + base), 1e-12); // B skipped
    expectRel(at(out, 5), base / (1 + base), 1e-12); // A: won share 0.1/0.1, lost share 1.1/1.1 → ×1
  });
});

describe("WINPROB factor values", () => {
  test("smoothing: a hand-computed table with smoothing 1", () => {
    // won: A A B; lost: A B B B; open: A. base (3+1)/(4+1); A: won (2+1)/(3+2), lost (1+1)/(4+2) → ×1.8
    const t = [
      ["Outcome", "F"],
      ["won", "A"],
      ["won", "A"],
      ["won", "B"],
      ["lost", "A"],
      ["lost", "B"],
      ["lost", "B"],
      ["lost", "B"],
      ["", "A"],
    ];
    const odds = 0.8 * 1.8;
    expectRel(at(wp(t, N, N, N, N, 1), 8), odds / (1 + odds), 1e-12);
    expectRel(at(wp(t, N, N, N, N, "1"), 8), odds / (1 + odds), 1e-12);
    // default 0.1: base 3.1/4.1; A: (2.1/3.2)/(1.1/4.2)
    const o2 = (3.1 / 4.1) * (2.1 / 3.2 / (1.1 / 4.2));
    expectRel(at(wp(t), 8), o2 / (1 + o2), 1e-12);
    expectRel(at(wp(t, N, N, N, N, ""), 8), o2 / (1 + o2), 1e-12);
  });

  test("a value no closed row holds contributes nothing (not 0 + smoothing); neither does a cell with no value", () => {
    const t = [
      ["Outcome", "F", "G"],
      ["won", "A", "x"],
      ["lost", "B", "y"],
      ["", "C", "x"],
      ["", null, "x"],
      ["", "n/a", "x"],
      ["", "待定", "x"],
    ];
    const out = wp(t, row("F", "G"));
    // only G = x counts: base 1.1/1.1 × (1.1/1.2)/(0.1/1.2) = 11
    for (let r = 3; r <= 6; r++) expectRel(at(out, r), 11 / 12, 1e-12);
  });

  test("categorical values: text equality, numbers equal numeric text, TRUE = yes words, FALSE = no words", () => {
    const t = [
      ["Outcome", "Opted in", "Size"],
      ["won", true, 1200],
      ["won", "是", "1,200"],
      ["lost", "no", 5],
      ["lost", false, "5"],
      ["", "YES", "1200"],
      ["", "否", 5],
    ];
    const out = wp(t);
    // Opted in yes: won 2.1/2.2, lost 0.1/2.2 → ×21; Size 1200: same → ×21; base 1
    expectRel(at(out, 5), 441 / 442, 1e-12);
    expectRel(at(out, 6), 1 / 441 / (1 + 1 / 441), 1e-12);
  });

  test("the number 0 has no value in a column whose closed rows hold text, but is a value in an all-number column", () => {
    // Text column: 0 (a blank passed as 0) is no value. Number column with ≤ 5 distinct numbers: 0 is a category.
    const t = [
      ["Outcome", "T", "N"],
      ["won", "a", 0],
      ["lost", 0, 1],
      ["lost", "b", 1],
      ["", 0, 0],
    ];
    // T: closed a (won), b (lost); 0 in row 2 is not counted → T has values a, b only; open row's 0: no value.
    // N: 0 won, 1 lost ×2 → open 0: won share 1.1/1.2, lost share 0.1/2.2 → ×(1.1/1.2)/(0.1/2.2)
    // (Had the closed 0 in T been a value, T would hold a third value "0" and the open 0 would match it.)
    const o = (1.1 / 2.1) * (1.1 / 1.2 / (0.1 / 2.2));
    expectRel(at(wp(t, row("T", "N")), 4), o / (1 + o), 1e-12);
  });

  test("numeric columns: more than 5 distinct numbers are binned at nearest-rank quintiles (edges 2 and 4)", () => {
    // Closed amounts 1,2,3,4,5,9,9,9,9,9 → candidates 2,4,9,9 → edges {2, 4} → bins ≤ 2, (2, 4], > 4
    const amounts = [1, 2, 3, 4, 5, 9, 9, 9, 9, 9];
    const outcomes = ["won", "won", "lost", "lost", "won", "lost", "lost", "lost", "lost", "won"];
    const t: any[][] = [
      ["Outcome", "Amount"],
      ...amounts.map((a, i) => [outcomes[i], a]),
      ["", 0.5],
      ["", 4],
      ["", "1,000"],
    ];
    const labels = [11, 12, 13].map((r) => winFactors(t, N, N, N, N, N, N, r)[2][1]);
    expect(labels).toEqual(["Amount ≤ 2", "2 < Amount ≤ 4", "Amount > 4"]);
    // bin ≤ 2: won 2, lost 0; (2,4]: won 0, lost 2; > 4: won 2, lost 4. W = 4, L = 6, TW = 4.3, TL = 6.3
    const base = 4.1 / 6.1;
    const e = [2.1 / 4.3 / (0.1 / 6.3), 0.1 / 4.3 / (2.1 / 6.3), 2.1 / 4.3 / (4.1 / 6.3)];
    const out = wp(t);
    e.forEach((x, j) => expectRel(at(out, 11 + j), (base * x) / (1 + base * x), 1e-12));
  });

  test("closed amounts 1…10 give edges 2, 4, 6, 8: five bins of two rows", () => {
    const t: any[][] = [["Outcome", "Amount"]];
    for (let a = 1; a <= 10; a++) t.push([a % 2 ? "won" : "lost", a]);
    for (const a of [2, 2.5, 6, 8.01, 1e9]) t.push(["", a]);
    const labels = [11, 12, 13, 14, 15].map((r) => winFactors(t, N, N, N, N, N, N, r)[2][1]);
    expect(labels).toEqual(["Amount ≤ 2", "2 < Amount ≤ 4", "4 < Amount ≤ 6", "Amount > 8", "Amount > 8"]);
    // every bin: one won, one lost → ×1
    const out = wp(t);
    for (let r = 11; r <= 15; r++) expectRel(at(out, r), 0.5, 1e-12);
  });

  test("edges are shown in shortest decimal form (20000, 0.15)", () => {
    const t: any[][] = [["Outcome", "Rate", "Amount"]];
    // ranks 2, 4, 6, 8 of ten: rates 0.15, 0.25, 0.35, 0.45 and amounts 20000, 40000, 60000, 80000
    const rates = [0.05, 0.15, "20%", 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55];
    for (let i = 0; i < 10; i++) t.push([i % 2 ? "won" : "lost", rates[i], (i + 1) * 10000]);
    t.push(["", 0.2, 25000]);
    const table = winFactors(t, N, N, N, N, N, N, 11);
    expect(
      table
        .slice(2, -1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(["0.15 < Rate ≤ 0.25", "20000 < Amount ≤ 40000"].sort());
  });

  test("a numeric column with 5 or fewer distinct numbers is categorical", () => {
    const t = [
      ["Outcome", "Rating"],
      ["won", 5],
      ["won", 4],
      ["lost", 1],
      ["lost", 2],
      ["lost", 3],
      ["lost", 5],
      ["", 4],
    ];
    expect(winFactors(t, [["Rating"]], N, N, N, N, N, 7)[2][1]).toBe(4);
    // five values: TW = 2 + 0.5, TL = 4 + 0.5; 4: won share 1.1/2.5, lost share 0.1/4.5 → ×19.8
    expect(winFactors(t, [["Rating"]], N, N, N, N, N, null)[6][0]).toBe("↑ Rating = 4 (×19.8)");
  });

  test("in a numeric column an open row's text is #VALUE! in its own result; blanks and unknown words are no value", () => {
    const t: any[][] = [["Outcome", "Amount"]];
    for (let a = 1; a <= 10; a++) t.push([a % 2 ? "won" : "lost", a]);
    t.push(["", "abc"], ["", "yes"], ["", null], ["", "n/a"], ["", "¥3"]);
    const out = wp(t);
    expectErrorCell(out[10][0], "#VALUE!");
    expect((out[10][0] as any).message).toContain("abc");
    expectErrorCell(out[11][0], "#VALUE!");
    expectRel(at(out, 13), 0.5, 1e-12);
    expectRel(at(out, 14), 0.5, 1e-12);
    expect(typeof out[14][0]).toBe("number"); // "¥3" is the number 3
  });

  test("hundreds of factors neither underflow nor overflow (logarithms), and agree with the product", () => {
    // 1,200 columns with E = 21/11 and 1,200 with E = 11/21: the naive product overflows, the odds stay the base 1.
    const header: any[] = ["Outcome"];
    const rows: any[][] = [["won"], ["won"], ["lost"], ["lost"], [""]];
    for (let c = 0; c < 1200; c++) {
      header.push(`F${c}`, `G${c}`);
      rows[0].push("a", "a");
      rows[1].push("a", "b");
      rows[2].push("a", "a");
      rows[3].push("b", "a");
      rows[4].push("a", "a");
    }
    // F: won a a, lost a b → a: (2.1/2.2)/(1.1/2.2); G: won a b, lost a a → a: (1.1/2.2)/(2.1/2.2)
    let naive = 1;
    for (let c = 0; c < 1200; c++) naive *= 2.1 / 2.2 / (1.1 / 2.2);
    expect(naive).toBe(Infinity);
    expectRel(at(wp([header, ...rows]), 5), 0.5, 1e-12);
  });

  test("results are clamped to [0.0001, 0.9999], not rounded", () => {
    const t: any[][] = [["Outcome", "F"]];
    for (let i = 0; i < 40; i++) t.push(["won", "x"]);
    for (let i = 0; i < 40; i++) t.push(["lost", "y"]);
    t.push(["", "x"], ["", "y"]);
    const out = wp(t, N, N, N, N, 1e-9);
    expect(out[80][0]).toBe(0.9999);
    expect(out[81][0]).toBe(0.0001);
    // with the default smoothing: x: (40.1/40.2)/(0.1/40.2) = 401 → p = 401/402, unclamped
    expectRel(at(wp(t), 81), 401 / 402, 1e-12);
  });
});

describe("WINPROB groups", () => {
  test("each group learns separately; a value seen in several partitions carries their smoothing in the pooled table", () => {
    const t = [
      ["Team", "Outcome", "F"],
      ["A", "won", "x"],
      ["A", "lost", "y"],
      ["B", "won", "y"],
      ["B", "lost", "y"],
      ["A", "", "x"],
      ["C", "", "x"], // C has no closed row → pooled
      ["", "", "x"], // no group → pooled
      ["n/a", "", "x"], // unknown word → no group → pooled
    ];
    const out = wp(t, N, N, N, "Team");
    // A: base 1.1/1.1, x: (1.1/1.2)/(0.1/1.2) = 11
    expectRel(at(out, 5), 11 / 12, 1e-12);
    // pooled: bw = 2.2, bl = 2.2; x only in A: w 1.1, l 0.1; totals TW = 1.2 + 1.1 = 2.3, TL = 1.2 + 1.1 = 2.3 → ×11
    for (const r of [6, 7, 8]) expectRel(at(out, r), 11 / 12, 1e-12);
    // y in both partitions: pooled w = 0.1 + 1.1, l = 1.1 + 1.1 → (1.2/2.3)/(2.2/2.3)
    const u = t.map((r) => r.slice());
    u[6][2] = "y";
    const o = 1.2 / 2.2;
    expectRel(at(wp(u, N, N, N, "Team"), 6), o / (1 + o), 1e-12);
  });

  test('group values compare as categories: "1,000" = 1000, TRUE = yes', () => {
    const t = [
      ["Team", "Outcome", "F"],
      [1000, "won", "x"],
      ["1,000", "lost", "y"],
      [true, "lost", "x"],
      ["是", "won", "x"],
      ["1000", "", "x"],
      ["yes", "", "x"],
    ];
    const out = wp(t, N, N, N, "Team");
    // team 1000: won x, lost y → x ×11, base 1; team yes: lost x, won x → x: (1.1/1.1)/(1.1/1.1) → 1
    expectRel(at(out, 5), 11 / 12, 1e-12);
    expectRel(at(out, 6), 0.5, 1e-12);
  });
});

describe("WINPROB errors (winprob.md, in the spec's order)", () => {
  const base = () => odooTable();

  test("smoothing: 0 or negative → #NUM!; not a number → #VALUE!; checked first", () => {
    expectThrows(() => wp(base(), N, N, N, N, 0), "#NUM!", "smoothing");
    expectThrows(() => wp(base(), N, N, N, N, -0.1), "#NUM!", "smoothing");
    expectThrows(() => wp(base(), N, N, N, N, "abc"), "#VALUE!", "smoothing");
    expectThrows(() => wp(base(), N, N, N, N, true), "#VALUE!", "smoothing");
    // before the table's own errors
    expectThrows(() => wp([["A", "B"]], N, N, N, N, 0), "#NUM!", "smoothing");
  });

  test("headers not one row as wide as records → #VALUE!", () => {
    expectThrows(() => wp(ODOO_ROWS, N, [ODOO_HEADER.slice(0, 8)]), "#VALUE!", "headers");
    expectThrows(() => wp(ODOO_ROWS, N, [ODOO_HEADER, ODOO_HEADER]), "#VALUE!", "headers");
  });

  test("no Outcome column → #VALUE! No Outcome column", () => {
    expectThrows(
      () =>
        wp([
          ["Stage", "X"],
          ["A", "b"],
        ]),
      "#VALUE!",
      "No Outcome column",
    );
    // before stage_order problems
    expectThrows(
      () =>
        wp(
          [
            ["Stage", "X"],
            ["A", "b"],
          ],
          N,
          N,
          col("A", "A"),
        ),
      "#VALUE!",
      "No Outcome column",
    );
  });

  test("stage_order: duplicate → #VALUE!; nothing left after blanks and won/lost words → #VALUE!; no Stage column → #VALUE!", () => {
    expectThrows(() => wp(base(), N, N, col("New", "Qualified", "new")), "#VALUE!", "Duplicate stage", "new");
    expectThrows(() => wp(base(), N, N, col("Won", "", "Closed Lost")), "#VALUE!", "stage_order");
    const noStage = base().map((r) => [r[0], r[1], r[3], r[4]]);
    expectThrows(() => wp(noStage, N, N, col("New")), "#VALUE!", "No Stage column");
    // duplicate before the missing column
    expectThrows(() => wp(noStage, N, N, col("New", "New")), "#VALUE!", "Duplicate stage");
  });

  test("group_field: unknown, the Outcome column or the Stage column → #VALUE!", () => {
    expectThrows(() => wp(base(), N, N, N, "Region"), "#VALUE!", "Region");
    expectThrows(() => wp(base(), N, N, N, "outcome"), "#VALUE!", "Outcome column");
    expectThrows(() => wp(base(), N, N, ODOO_STAGES, "Stage"), "#VALUE!", "Stage column");
    expectThrows(() => wp(base(), N, N, N, "Stage"), "#VALUE!", "Stage column");
    // group_field before fields
    expectThrows(() => wp(base(), row("Nope"), N, N, "Region"), "#VALUE!", "Region");
  });

  test("fields: unknown, duplicate, Outcome, group_field, or Stage with stage_order → #VALUE! naming it", () => {
    expectThrows(() => wp(base(), row("Country", "Budget")), "#VALUE!", "Budget");
    expectThrows(() => wp(base(), row("Country", "country")), "#VALUE!", "Duplicate", "country");
    expectThrows(() => wp(base(), row("Country", "Outcome")), "#VALUE!", "Outcome");
    expectThrows(() => wp(base(), row("Country", "Team"), N, N, "Team"), "#VALUE!", "Team");
    expectThrows(() => wp(base(), row("Country", "Stage"), N, ODOO_STAGES), "#VALUE!", "Stage");
    // without stage_order the Stage column is a plain factor
    expect(() => wp(base(), row("Country", "Stage"))).not.toThrow();
  });

  test("an outcome cell that is not an outcome word, or an error value → #VALUE! (first such record)", () => {
    const t = base();
    t[3][3] = "maybe";
    t[5][3] = xlErr("#N/A");
    expectThrows(() => wp(t, ODOO_FIELDS), "#VALUE!", "maybe", "record 3");
    const u = base();
    u[5][3] = xlErr("#N/A");
    expectThrows(() => wp(u, ODOO_FIELDS), "#VALUE!", "record 5", "#N/A");
    // TRUE is not an outcome word
    const v = base();
    v[1][3] = true;
    expectThrows(() => wp(v, ODOO_FIELDS), "#VALUE!", "TRUE");
  });

  test("outcome cells are checked before the cells of closed rows", () => {
    const t = base();
    t[1][4] = xlErr("#DIV/0!"); // closed record 1, Country
    t[6][3] = "pending"; // record 6's outcome
    expectThrows(() => wp(t, ODOO_FIELDS), "#VALUE!", "pending");
  });

  test("in the closed rows, the first cell read (record by record, left to right) that is an error → #VALUE! naming it", () => {
    const t = base();
    t[2][8] = xlErr("#N/A"); // record 2, Source
    t[2][5] = xlErr("#DIV/0!"); // record 2, State: further left
    t[1][8] = "fine";
    t[12][4] = xlErr("#NUM!"); // record 12: later record
    expectThrows(() => wp(t, ODOO_FIELDS), "#VALUE!", "record 2", "State", "#DIV/0!");
  });

  test("errors in the group column and the Stage column of closed rows count too; cells not read do not", () => {
    const t = base();
    t[1][1] = xlErr("#REF!"); // Team of record 1
    expectThrows(() => wp(t, ODOO_FIELDS, N, N, "Team"), "#VALUE!", "record 1", "Team");
    expect(() => wp(t, ODOO_FIELDS)).not.toThrow(); // Team is not read without group_field
    const u = base();
    u[1][2] = xlErr("#N/A"); // Stage of lost record 1
    expectThrows(() => wp(u, ODOO_FIELDS, N, ODOO_STAGES), "#VALUE!", "record 1", "Stage");
    expect(() => wp(u, ODOO_FIELDS)).not.toThrow(); // Stage not read without stage_order
    const v = base();
    v[1][0] = xlErr("#N/A"); // Lead is not a field
    expect(() => wp(v, ODOO_FIELDS, N, ODOO_STAGES, "Team")).not.toThrow();
  });

  test('a lost row whose stage is not in stage_order → #VALUE! Unknown stage "X" in record N', () => {
    const t = base();
    t[6][2] = "Negotiation"; // lead_5, lost
    expectThrows(
      () => wp(t, ODOO_FIELDS, N, ODOO_STAGES, "Team"),
      "#VALUE!",
      'Unknown stage "Negotiation" in record 6',
    );
  });

  test("#N/A when the whole table has no won row or no lost row", () => {
    const noWon = base().map((r, i) => (i > 0 && r[3] === "Won" ? [...r.slice(0, 3), "", ...r.slice(4)] : r));
    expectThrows(() => wp(noWon, ODOO_FIELDS), "#N/A", "No won rows to learn from");
    const noLost = base().map((r, i) => (i > 0 && r[3] === "Lost" ? [...r.slice(0, 3), "", ...r.slice(4)] : r));
    expectThrows(() => wp(noLost, ODOO_FIELDS), "#N/A", "No lost rows to learn from");
    expectThrows(() => wp([ODOO_HEADER.slice()]), "#N/A", "No won rows");
    // a partition with only won or only lost rows is fine
    const t = base();
    t[11][3] = "Lost"; // Team 3 now has no won row
    expect(typeof wp(t, ODOO_FIELDS, N, ODOO_STAGES, "Team")[13][0]).toBe("number");
  });

  test("#VALUE! for the closed rows comes before #N/A", () => {
    const noWon = base().map((r, i) => (i > 0 && r[3] === "Won" ? [...r.slice(0, 3), "", ...r.slice(4)] : r));
    noWon[1][4] = xlErr("#N/A");
    expectThrows(() => wp(noWon, ODOO_FIELDS), "#VALUE!", "record 1");
  });

  test("an open record's own result: the first error value among the cells read for it, left to right", () => {
    const t = base();
    t[4][8] = xlErr("#N/A"); // lead_3, Source
    t[9][5] = xlErr("#DIV/0!"); // lead_8, State
    t[9][8] = xlErr("#N/A"); // lead_8, Source (further right)
    t[10][1] = xlErr("#NUM!"); // lead_9, Team
    const out = wp(t, ODOO_FIELDS, N, ODOO_STAGES, "Team");
    expectErrorCell(out[3][0], "#N/A");
    expectErrorCell(out[8][0], "#DIV/0!");
    expectErrorCell(out[9][0], "#NUM!");
    expect(typeof out[4][0]).toBe("number");
    expect(typeof out[13][0]).toBe("number");
  });

  test("an open record with an unknown stage → #VALUE! in its own result; left of an error value it comes first", () => {
    const t = base();
    t[4][2] = "Negotiation"; // lead_3
    t[5][2] = "Nowhere"; // lead_4 …
    t[5][4] = xlErr("#N/A"); // … and an error further right
    const out = wp(t, ODOO_FIELDS, N, ODOO_STAGES, "Team");
    expectErrorCell(out[3][0], "#VALUE!");
    expect((out[3][0] as any).message).toContain('Unknown stage "Negotiation" in record 4');
    expectErrorCell(out[4][0], "#VALUE!");
    expect(isCfError(out[8][0])).toBe(false);
  });
});
