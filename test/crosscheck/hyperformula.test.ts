/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Cross-check against a second spreadsheet engine: the same generated tables are evaluated by our SALES
 * functions and by HyperFormula running the native Excel formulas a user would write without this add-in
 * (COUNTIFS, SUMIFS, SUMPRODUCT, the classic marginal-tier SUMPRODUCT, VLOOKUP). Data is kept plain (numbers,
 * lower-case ASCII words, no blanks) so that both engines agree by definition; counts must match exactly and
 * money within 1e-9 relative.
 */
import { HyperFormula } from "hyperformula";
import { commission, funnel, leadScore, pipeline, winRate } from "../../src/functions/functions";
import { seededRandom as prng } from "../../src/sample/data";

const N = 12000;
const ORDER = ["lead", "qualified", "proposal", "negotiation", "contract"];
const PROBS = [0.1, 0.25, 0.5, 0.7, 0.9];
const TIERS: [number, number][] = [
  [0, 0.02],
  [50000, 0.035],
  [200000, 0.05],
  [1000000, 0.08],
];

interface Row {
  stage: string;
  outcome: string;
  amount: number;
  industry: string;
  employees: number;
  budget: number;
  region: string;
  visits: number;
}

function generate(seed: number): Row[] {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const rows: Row[] = [];
  for (let i = 0; i < N; i++) {
    rows.push({
      stage: rnd() < 0.04 ? "other" : pick(ORDER),
      outcome: pick(["open", "open", "open", "won", "lost"]),
      // cents, sometimes exactly on a tier threshold
      amount: rnd() < 0.02 ? pick(TIERS)[0] : Math.round(rnd() * 150000000) / 100,
      industry: pick(["retail", "finance", "energy", "health", "mining"]),
      employees: 1 + Math.floor(rnd() * 5000),
      budget: Math.round(rnd() * 100000),
      region: pick(["north", "south", "east", "west"]),
      visits: Math.floor(rnd() * 20),
    });
  }
  return rows;
}

const rows = generate(20250101);
const range = (colLetter: string) => `Data!$${colLetter}$1:$${colLetter}$${N}`;
const ST = range("A");
const OC = range("B");
const AM = range("C");

// Rules as the user writes them for SALES.LEADSCORE, and the native formula term for each.
const RULES: [string, string, unknown, number, (r: number) => string][] = [
  ["Industry", "=", "retail", 10, (r) => `(D${r}="retail")*10`],
  ["Employees", ">=", 100, 15, (r) => `(E${r}>=100)*15`],
  ["Budget", ">", 50000, 20, (r) => `(F${r}>50000)*20`],
  ["Region", "<>", "north", 5, (r) => `(G${r}<>"north")*5`],
  ["Visits", "<", 3, -5, (r) => `(H${r}<3)*(-5)`],
  ["Employees", "between", "50..500", 7, (r) => `(E${r}>=50)*(E${r}<=500)*7`],
  ["Industry", "in", "finance, energy", 4, (r) => `((D${r}="finance")+(D${r}="energy")>0)*4`],
  ["Budget", "<=", 1000, -3, (r) => `(F${r}<=1000)*(-3)`],
  ["Visits", "=", 10, 2, (r) => `(H${r}=10)*2`],
];

const tierRows = TIERS.map(([t, rate], i) => [t, rate, rate - (i === 0 ? 0 : TIERS[i - 1][1])]);

function buildWorkbook(): { hf: HyperFormula; data: number; calc: number } {
  const data = rows.map((x, i) => {
    const r = i + 1;
    return [
      x.stage,
      x.outcome,
      x.amount,
      x.industry,
      x.employees,
      x.budget,
      x.region,
      x.visits,
      `=${RULES.map((rule) => rule[4](r)).join("+")}`,
      `=SUMPRODUCT(--(C${r}>Tiers!$A$1:$A$4),C${r}-Tiers!$A$1:$A$4,Tiers!$C$1:$C$4)`,
      `=IF(C${r}<Tiers!$A$1,0,C${r}*VLOOKUP(C${r},Tiers!$A$1:$B$4,2,1))`,
    ];
  });
  const calc: unknown[][] = [];
  // Rows 1..5: per stage Count | Lost | Amount | Reached; row 6: won count | won amount; row 7: unmatched; row 8: totals
  ORDER.forEach((s, i) => {
    const r = i + 1;
    calc.push([
      `=COUNTIFS(${ST},"${s}",${OC},"open")`,
      `=COUNTIFS(${ST},"${s}",${OC},"lost")`,
      `=SUMIFS(${AM},${ST},"${s}",${OC},"open")`,
      `=SUM(A${r}:B${ORDER.length})+$A$${ORDER.length + 1}`,
    ]);
  });
  calc.push([`=COUNTIFS(${OC},"won")`, `=SUMIFS(${AM},${OC},"won")`, `=COUNTIFS(${OC},"lost")`, ""]);
  calc.push([`=COUNTIFS(${ST},"other",${OC},"<>won")`, `=SUMIFS(${AM},${ST},"other",${OC},"<>won")`, "", ""]);
  calc.push([
    `=${ORDER.map((s, i) => `SUMIFS(${AM},${ST},"${s}",${OC},"open")*${PROBS[i]}`).join("+")}`,
    `=SUMPRODUCT(${RULES.map((rule) => rule[4](1).replace(/([D-H])1\b/g, `Data!$$$1$$1:$$$1$$${N}`)).join("+")})`,
    `=SUM(Data!J1:J${N})`,
    "",
  ]);
  const hf = HyperFormula.buildFromSheets(
    { Data: data, Tiers: tierRows, Calc: calc as any },
    { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false },
  );
  return { hf, data: hf.getSheetId("Data")!, calc: hf.getSheetId("Calc")! };
}

function expectClose(actual: unknown, expected: unknown): void {
  expect(typeof actual).toBe("number");
  expect(typeof expected).toBe("number");
  const tol = 1e-9 * Math.max(1, Math.abs(expected as number));
  if (Math.abs((actual as number) - (expected as number)) > tol) {
    throw new Error(`expected ${expected}, got ${actual}`);
  }
}

describe("SALES functions agree with native formulas in HyperFormula", () => {
  let wb: ReturnType<typeof buildWorkbook>;
  const v = (sheet: number, col: number, row: number) => wb.hf.getCellValue({ sheet, col, row });

  beforeAll(() => {
    wb = buildWorkbook();
  });
  afterAll(() => wb?.hf.destroy());

  test("the generated table is large and the formulas evaluated without errors", () => {
    expect(rows.length).toBeGreaterThanOrEqual(10000);
    for (let r = 0; r < 8; r++)
      for (let c = 0; c < 4; c++) expect(typeof v(wb.calc, c, r) === "object" && v(wb.calc, c, r) !== null).toBe(false);
  });

  test("FUNNEL counts, lost, reached and amounts = COUNTIFS / SUMIFS", () => {
    const out = funnel(
      rows.map((x) => [x.stage]),
      ORDER.map((s) => [s]),
      rows.map((x) => [x.amount]),
      rows.map((x) => [x.outcome]),
      false,
    );
    ORDER.forEach((s, i) => {
      expect(out[i][0]).toBe(s);
      expect(out[i][1]).toBe(v(wb.calc, 0, i)); // Count
      expect(out[i][2]).toBe(v(wb.calc, 3, i)); // Reached
      expect(out[i][5]).toBe(v(wb.calc, 1, i)); // Lost
      expectClose(out[i][6], v(wb.calc, 2, i)); // Amount
      const first = v(wb.calc, 3, 0) as number;
      expectClose(out[i][4], (v(wb.calc, 3, i) as number) / first);
      if (i > 0) expectClose(out[i][3], (v(wb.calc, 3, i) as number) / (v(wb.calc, 3, i - 1) as number));
    });
    const wonRow = out[ORDER.length];
    expect(wonRow[1]).toBe(v(wb.calc, 0, 5));
    expect(wonRow[2]).toBe(v(wb.calc, 0, 5));
    expectClose(wonRow[6], v(wb.calc, 1, 5));
    const unmatched = out[ORDER.length + 1];
    expect(unmatched[0]).toBe("(unmatched)");
    expect(unmatched[1]).toBe(v(wb.calc, 0, 6));
    expectClose(unmatched[6], v(wb.calc, 1, 6));
    expect(out).toHaveLength(ORDER.length + 2);
  });

  test("FUNNEL without outcomes: Count = COUNTIFS of the stage", () => {
    const out = funnel(
      rows.map((x) => [x.stage]),
      ORDER.map((s) => [s]),
      null as any,
      null as any,
      false,
    );
    ORDER.forEach((s, i) => {
      const native = rows.filter((x) => x.stage === s).length;
      const hfCount =
        (v(wb.calc, 0, i) as number) +
        (v(wb.calc, 1, i) as number) +
        rows.filter((x) => x.stage === s && x.outcome === "won").length;
      expect(hfCount).toBe(native);
      expect(out[i][1]).toBe(native);
    });
  });

  test("WINRATE = won ÷ (won + lost) from COUNTIFS", () => {
    const won = v(wb.calc, 0, 5) as number;
    const lost = v(wb.calc, 2, 5) as number;
    expectClose(winRate(rows.map((x) => [x.outcome])), won / (won + lost));
  });

  test("PIPELINE = Σ SUMIFS(open amount of stage) × probability", () => {
    const ours = pipeline(
      rows.map((x) => [x.stage]),
      rows.map((x) => [x.amount]),
      ORDER.map((s) => [s]),
      PROBS.map((p) => [p]),
      rows.map((x) => [x.outcome]),
    );
    expectClose(ours, v(wb.calc, 0, 7));
  });

  test("LEADSCORE per lead = the row's native comparison formula; total = SUMPRODUCT", () => {
    const headers = ["Stage", "Outcome", "Amount", "Industry", "Employees", "Budget", "Region", "Visits"];
    const records = [
      headers,
      ...rows.map((x) => [x.stage, x.outcome, x.amount, x.industry, x.employees, x.budget, x.region, x.visits]),
    ];
    const rules = [["Field", "Operator", "Value", "Points"], ...RULES.map((r) => [r[0], r[1], r[2], r[3]])];
    const scores = leadScore(records, rules, null as any, 45658);
    expect(scores).toHaveLength(N);
    let total = 0;
    for (let i = 0; i < N; i++) {
      const native = v(wb.data, 8, i);
      if (scores[i][0] !== native) throw new Error(`lead ${i + 1}: ours ${scores[i][0]}, native ${native}`);
      total += scores[i][0] as number;
    }
    expect(total).toBe(v(wb.calc, 1, 7));
  });

  test("COMMISSION marginal = SUMPRODUCT(--(A>thresholds), A-thresholds, rate deltas); flat = A × VLOOKUP(A, tiers, 2, approximate)", () => {
    const amounts = rows.map((x) => [x.amount]);
    const marginal = commission(amounts, TIERS, null);
    const flatOut = commission(amounts, [["Threshold", "Rate"], ...TIERS], "flat");
    let sum = 0;
    for (let i = 0; i < N; i++) {
      expectClose(marginal[i][0], v(wb.data, 9, i));
      expectClose(flatOut[i][0], v(wb.data, 10, i));
      sum += marginal[i][0] as number;
    }
    expectClose(sum, v(wb.calc, 2, 7));
    // Refunds: the negative of the same amount's commission
    const refunds = commission(
      rows.slice(0, 500).map((x) => [-x.amount]),
      TIERS,
      null,
    );
    refunds.forEach((r, i) => expectClose(r[0], -(v(wb.data, 9, i) as number)));
  });
});
