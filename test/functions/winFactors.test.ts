/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * SALES.WINFACTORS against winprob.md: the spec's texts and record-14 table on Odoo's scenario, the tooltip scenario,
 * ordering, top, the neutral rule, the table form and its errors, labels in both languages.
 */
import { winFactors, winProb } from "../../src/functions/functions";
import { col, expectCleanMatrix, expectErrorCell, expectThrows, row, withDisplayLanguage, xlErr } from "./helpers";
import {
  ODOO_FIELDS,
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
const wf = (
  records: any[][],
  fields: any = N,
  headers: any = N,
  stageOrder: any = N,
  group: any = N,
  s: any = N,
  top: any = N,
  record: any = N,
) => winFactors(records, fields, headers, stageOrder, group, s, top, record);
const odoo = (top: any = N, record: any = N, table = odooTable()) =>
  wf(table, ODOO_FIELDS, N, ODOO_STAGES, "Team", N, top, record);
const texts = (m: unknown[][]): unknown[] => m.map((r) => r[0]);

/** Compares a table cell by cell: numbers to `rel` relative, everything else exactly. */
function expectTableClose(actual: unknown[][], expected: unknown[][], rel = 1e-12): void {
  expectCleanMatrix(actual);
  expect(actual.length).toBe(expected.length);
  expected.forEach((er, i) => {
    expect(actual[i].length).toBe(er.length);
    er.forEach((ev, j) => {
      const av = actual[i][j];
      if (typeof ev === "number") {
        if (typeof av !== "number" || Math.abs(av - ev) > rel * Math.abs(ev)) {
          throw new Error(`cell [${i}][${j}]: expected ${ev}, got ${JSON.stringify(av)} in ${JSON.stringify(actual)}`);
        }
      } else expect({ i, j, v: av }).toEqual({ i, j, v: ev });
    });
  });
}

describe("WINFACTORS text form on Odoo's scenario", () => {
  test('the spec\'s texts for lead_3, lead_8 and lead_13; "" for closed records', () => {
    const out = odoo();
    expect(out).toHaveLength(14);
    expect(out[3][0]).toBe(
      "↑ Source = Source 2 (×19.5); ↑ Stage = Qualified (×1.91); ↓ Country = Country 0 (×0.161); ↓ State = State 1 (×0.161)",
    );
    expect(out[8][0]).toBe("↑ Source = Source 2 (×1.83); ↓ State = State 1 (×0.0873)");
    expect(out[13][0]).toBe(
      "↑ Stage = Qualified (×21); ↑ State = State 1 (×1.83); ↓ Source = Source 2 (×0.161); ↓ Country = Country 0 (×0.167)",
    );
    for (const r of [0, 1, 2, 5, 6, 7, 10, 11, 12]) expect(out[r][0]).toBe("");
  });

  test("lead_4 (hand-derived): stage New is neutral (every lost row of Team 1 reached it), three lowering factors", () => {
    // Team 1: Country 1, State 1, Source 1 each held only by lost lead_1 → (0.1/1.3) ÷ (1.1/2.3) = 0.161
    expect(odoo()[4][0]).toBe(
      "↓ Country = Country 1 (×0.161); ↓ State = State 1 (×0.161); ↓ Source = Source 1 (×0.161)",
    );
  });

  test("ties keep factor order: stage first, then fields in fields order", () => {
    // Same ties as lead_4, with fields in another order
    const out = wf(odooTable(), row("Source", "State", "Country"), N, ODOO_STAGES, "Team");
    expect(out[4][0]).toBe("↓ Source = Source 1 (×0.161); ↓ State = State 1 (×0.161); ↓ Country = Country 1 (×0.161)");
  });

  test("top limits each side: top 1 keeps the largest raising and the smallest lowering factor", () => {
    expect(odoo(1)[3][0]).toBe("↑ Source = Source 2 (×19.5); ↓ Country = Country 0 (×0.161)");
    expect(odoo(1)[13][0]).toBe("↑ Stage = Qualified (×21); ↓ Source = Source 2 (×0.161)");
    expect(odoo(20)[3][0]).toBe(odoo()[3][0]);
    expect(odoo("2")[13][0]).toBe(
      "↑ Stage = Qualified (×21); ↑ State = State 1 (×1.83); ↓ Source = Source 2 (×0.161); ↓ Country = Country 0 (×0.167)",
    );
  });

  test('an open record with no raising or lowering factor → "" (neutral factors are not listed)', () => {
    // Only Email and Phone (one value each) → every factor ×1
    const out = wf(odooTable(), row("Email", "Phone"), N, N, "Team");
    for (const r of [3, 4, 8, 9, 13]) expect(out[r][0]).toBe("");
  });

  test("the tooltip scenario: Odoo's factor list, ordered by effect", () => {
    const out = wf(TOOLTIP_TABLE, TOOLTIP_FIELDS, N, TOOLTIP_STAGES);
    expect(texts(out)).toEqual([
      "",
      "",
      "",
      "",
      "",
      "↑ State = st0 (×11.5); ↑ Stage = s1 (×2.82); ↑ Phone = correct (×2.78); ↓ Source = src0 (×0.0873); ↓ Country = c0 (×0.545)",
    ]);
  });

  test("Chinese data: labels use the headers and values as written", () => {
    const out = wf(odooTableZh(), ODOO_ZH_FIELDS, N, ODOO_ZH_STAGES, "团队");
    expect(out[3][0]).toBe(
      "↑ 来源 = 来源 2 (×19.5); ↑ 阶段 = 已确认需求 (×1.91); ↓ 国家 = 国家 0 (×0.161); ↓ 省份 = 省份 1 (×0.161)",
    );
  });

  test("values are shown as first written, top to bottom", () => {
    const t = odooTable();
    t[1][8] = "SOURCE 0"; // first occurrence of "Source 0"
    t[3][8] = " source 2"; // lead_2: first occurrence of Source 2 (trimmed when shown)
    expect(odoo(N, N, t)[3][0]).toBe(
      "↑ Source = source 2 (×19.5); ↑ Stage = Qualified (×1.91); ↓ Country = Country 0 (×0.161); ↓ State = State 1 (×0.161)",
    );
  });

  test("effects are rounded to 3 significant digits in shortest form (19.46 → 19.5, 21 → 21, 0.16087 → 0.161)", () => {
    const all = texts(odoo()).join("\n");
    expect(all).toContain("(×19.5)");
    expect(all).toContain("(×21)");
    expect(all).toContain("(×0.161)");
    const shown = [...all.matchAll(/\(×([^)]+)\)/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThan(10);
    for (const e of shown) expect(String(Number(Number(e).toPrecision(3)))).toBe(e);
  });

  test("an open record whose WINPROB is an error gets that error; whole-result errors are WINPROB's", () => {
    const t = odooTable();
    t[4][4] = xlErr("#N/A"); // lead_3
    t[9][2] = "Negotiation"; // lead_8: unknown stage
    const out = odoo(N, N, t);
    expectErrorCell(out[3][0], "#N/A");
    expectErrorCell(out[8][0], "#VALUE!");
    expect(typeof out[13][0]).toBe("string");
    expectThrows(() => wf(odooTable(), row("Budget")), "#VALUE!", "Budget");
    expectThrows(() => wf([["X"], ["a"]]), "#VALUE!", "No Outcome column");
  });
});

describe("WINFACTORS table form", () => {
  test("record 14 (lead_13): the spec's table, exactly", () => {
    // Team 3: lead_10 won (Country 1, State 1, Source 1), lead_11 lost at New (Country 0, State 1, Source 0),
    // lead_12 lost at New (Country 1, State 2, Source 2). Odds = 11 × 11/6 × 1/6 × 23/143 = 253/468, p = 253/721.
    const p = 253 / 721;
    expectTableClose(odoo(N, 14), [
      ["Factor", "Value", "Won share", "Lost share", "Effect"],
      ["(base rate)", "Team 3", 1.1 / 3.2, 2.1 / 3.2, 1.1 / 2.1],
      ["Stage", "Qualified", 1, 0.1 / 2.1, 21],
      ["State", "State 1", 1.1 / 1.2, 0.5, 11 / 6],
      ["Email", "None", 1, 1, 1],
      ["Phone", "None", 1, 1, 1],
      ["Country", "Country 0", 0.1 / 1.2, 0.5, 1 / 6],
      ["Source", "Source 2", 0.1 / 1.3, 1.1 / 2.3, 23 / 143],
      ["(win probability)", "", p, 1 - p, 253 / 468],
    ]);
  });

  test("record 14 rounds to the spec's printed figures", () => {
    const printed = [
      [0.34375, 0.65625, 0.52381],
      [1, 0.047619, 21],
      [0.91667, 0.5, 1.8333],
      [1, 1, 1],
      [1, 1, 1],
      [0.083333, 0.5, 0.16667],
      [0.076923, 0.47826, 0.16084],
      [0.3509, 0.6491, 0.5406],
    ];
    const table = odoo(N, 14);
    printed.forEach((nums, i) =>
      nums.forEach((x, j) => expect(Number((table[i + 1][j + 2] as number).toPrecision(5))).toBe(x)),
    );
  });

  test("unless p is clamped, the last Effect is the base Effect times every factor's E (logs agree with the product)", () => {
    for (const record of [4, 5, 9, 10, 14]) {
      const table = odoo(N, record);
      const product = table.slice(1, -1).reduce((acc, r) => acc * (r[4] as number), 1);
      const last = table[table.length - 1];
      expect(Math.abs((last[4] as number) - product)).toBeLessThanOrEqual(1e-12 * product);
      const p = winProb(odooTable(), ODOO_FIELDS, N, ODOO_STAGES, "Team", N)[record - 1][0];
      expect(last[2]).toBe(p);
    }
  });

  test("the pooled table's base row says (all); the group is shown as first written", () => {
    const t = odooTable();
    for (let r = 11; r <= 14; r++) t[r][1] = null;
    const table = odoo(N, 14, t);
    // pooled: Σ(W + s) = 3.3, Σ(L + s) = 6.3
    expectTableClose([table[1]], [["(base rate)", "(all)", 3.3 / 9.6, 6.3 / 9.6, 3.3 / 6.3]]);
    expect(table[table.length - 1][2]).toBeCloseTo(0.351907, 6);
    const u = odooTable();
    u[1][1] = " TEAM 1 "; // first occurrence of Team 1
    expect(odoo(N, 4, u)[1][1]).toBe("TEAM 1");
  });

  test("numeric bins appear with their label as Value", () => {
    const t: any[][] = [["Outcome", "Amount"]];
    for (let a = 1; a <= 10; a++) t.push([a <= 5 ? "lost" : "won", a * 1000]);
    t.push(["", 9500]);
    const table = wf(t, N, N, N, N, N, N, 11);
    // edges 2000, 4000, 6000, 8000; > 8000: won 9000, 10000 → won share 2.1/5.5, lost share 0.1/5.5 → ×21;
    // base 5.1/5.1 → odds 21, p = 21/22
    expectTableClose(table.slice(2), [
      ["Amount", "Amount > 8000", 2.1 / 5.5, 0.1 / 5.5, 21],
      ["(win probability)", "", 21 / 22, 1 / 22, 21],
    ]);
    expect(texts(wf(t))[10]).toBe("↑ Amount > 8000 (×21)");
  });

  test("labels follow the display language (zh: 因素 | 取值 | 赢单占比 | 输单占比 | 影响倍数, (基准), (全部), (赢单概率))", () => {
    const t = odooTable();
    for (let r = 11; r <= 14; r++) t[r][1] = null;
    const table = withDisplayLanguage("zh-CN", () => odoo(N, 14, t));
    expect(table[0]).toEqual(["因素", "取值", "赢单占比", "输单占比", "影响倍数"]);
    expect(table[1].slice(0, 2)).toEqual(["(基准)", "(全部)"]);
    expect(table[table.length - 1].slice(0, 2)).toEqual(["(赢单概率)", ""]);
    const en = withDisplayLanguage("en-US", () => odoo(N, 14, t));
    expect(en[0]).toEqual(["Factor", "Value", "Won share", "Lost share", "Effect"]);
  });

  test("a closed record → #N/A Record N is closed; an open record with an error → that error", () => {
    expectThrows(() => odoo(N, 1), "#N/A", "Record 1 is closed");
    const t = odooTable();
    t[14][5] = xlErr("#DIV/0!");
    expectThrows(() => odoo(N, 14, t), "#DIV/0!");
    t[14][5] = "State 1";
    t[14][2] = "Negotiation";
    expectThrows(() => odoo(N, 14, t), "#VALUE!", "Negotiation");
  });

  test("record must be an integer from 1 to the number of records (#NUM!); not a number → #VALUE!", () => {
    expectThrows(() => odoo(N, 0), "#NUM!", "record");
    expectThrows(() => odoo(N, 15), "#NUM!", "record");
    expectThrows(() => odoo(N, 2.5), "#NUM!", "record");
    expectThrows(() => odoo(N, "two"), "#VALUE!", "record");
    expect(odoo(N, "14")).toHaveLength(9);
    // a blank record is the text form
    expect(odoo(N, "")).toHaveLength(14);
  });

  test("top must be an integer 1-20 (#NUM!), a number (#VALUE!), checked before record and the table", () => {
    expectThrows(() => odoo(0), "#NUM!", "top");
    expectThrows(() => odoo(21), "#NUM!", "top");
    expectThrows(() => odoo(1.5), "#NUM!", "top");
    expectThrows(() => odoo("many"), "#VALUE!", "top");
    expectThrows(() => odoo(0, 99), "#NUM!", "top");
    expectThrows(() => wf([["X"]], N, N, N, N, N, 0), "#NUM!", "top");
    // smoothing before top
    expectThrows(() => wf(odooTable(), ODOO_FIELDS, N, N, N, -1, 0), "#NUM!", "smoothing");
    // record before the table's errors
    expectThrows(() => wf([["X"], ["a"]], N, N, N, N, N, N, 5), "#NUM!", "record");
    // top is ignored by the table form
    expect(odoo(1, 14)).toEqual(odoo(20, 14));
  });

  test("rows vs columns: fields and stage_order in either shape give the same table", () => {
    const a = wf(
      odooTable(),
      col("Country", "State", "Email", "Phone", "Source"),
      N,
      row("New", "Qualified", "Proposition"),
      "Team",
      N,
      N,
      14,
    );
    expect(a).toEqual(odoo(N, 14));
  });
});
