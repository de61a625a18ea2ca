/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Cross-check of ACTUALS and ATTAINMENT against HyperFormula running the native formulas a user would write
 * without this add-in: SUMIFS over date bounds, owner and outcome for every cell of ACTUALS, and for ATTAINMENT
 * SUMIFS for Actual and Target × working days elapsed ÷ working days for Expected, with the working days counted by
 * NETWORKDAYS.INTL(start, end, 1, holidays) plus COUNTIFS of the make-up days (NETWORKDAYS.INTL has no notion of a
 * worked weekend day; the generated make-up days are weekend days that are not holidays, so adding them is exact).
 * Data is plain (integer serials, lower-case ASCII owners, explicit outcome words) so both engines read it the same.
 */
import { HyperFormula } from "hyperformula";
import { actuals, attainment } from "../../src/functions/functions";
import { seededRandom as prng } from "../../src/sample/data";
import { serial } from "../functions/helpers";

const N = 12000;
const OWNERS = ["ann", "bob", "carol", "dan", "eve"];
const PLAN_START = serial(2025, 1, 1);
const WINDOW_END = serial(2026, 1, 1);
// China 2025: Spring Festival Jan 28 – Feb 4 and National Day Oct 1 – 8 off; a whole week (Mar 10 – 14) off too so
// that the weekly plan skips a week; make-up days on Sundays Jan 26, Sep 28 and Saturdays Feb 8, Oct 11.
const HOLIDAYS = [
  ...[28, 29, 30, 31].map((d) => serial(2025, 1, d)),
  ...[3, 4].map((d) => serial(2025, 2, d)),
  ...[10, 11, 12, 13, 14].map((d) => serial(2025, 3, d)),
  ...[1, 2, 3, 6, 7, 8].map((d) => serial(2025, 10, d)),
];
const WORKDAYS = [serial(2025, 1, 26), serial(2025, 2, 8), serial(2025, 9, 28), serial(2025, 10, 11)];

interface Rec {
  amount: number;
  date: number;
  owner: string;
  outcome: string;
}

function generate(seed: number): Rec[] {
  const rnd = prng(seed);
  const out: Rec[] = [];
  for (let i = 0; i < N; i++) {
    out.push({
      amount: Math.round(rnd() * 5000000) / 100,
      // mostly inside the plan year, some before and after it
      date: PLAN_START - 30 + Math.floor(rnd() * 425),
      owner: OWNERS[Math.floor(rnd() * OWNERS.length)],
      outcome: ["won", "won", "lost", "open"][Math.floor(rnd() * 4)],
    });
  }
  return out;
}

const recs = generate(20250308);
const rng = (c: string) => `Data!$${c}$1:$${c}$${N}`;
const AM = rng("A");
const DT = rng("B");
const OW = rng("C");
const OC = rng("D");
const HOL = `Lists!$A$1:$A$${HOLIDAYS.length}`;
const WRK = `Lists!$B$1:$B$${WORKDAYS.length}`;

const sumifs = (lo: number, hi: number, owner?: string) =>
  `=SUMIFS(${AM},${DT},">=${lo}",${DT},"<${hi}",${OC},"won"${owner === undefined ? "" : `,${OW},"${owner}"`})`;

const parseIso = (s: string) => {
  const [y, m, d] = s.split("-").map(Number);
  return serial(y, m, d ?? 1);
};

/** [lo, hi) of each period from the labels alone: a period runs from its first day to the next period's first day. */
function boundsFromLabels(labels: string[]): Array<[number, number]> {
  const starts = labels.map(parseIso);
  return starts.map((s, p) => [p === 0 ? PLAN_START : s, p + 1 < starts.length ? starts[p + 1] : WINDOW_END]);
}

function expectClose(actual: unknown, expected: unknown, what: string): void {
  if (
    typeof actual !== "number" ||
    typeof expected !== "number" ||
    Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected))
  ) {
    throw new Error(`${what}: ours ${String(actual)}, native ${String(expected)}`);
  }
}

describe("ACTUALS and ATTAINMENT agree with native formulas in HyperFormula", () => {
  const amounts = recs.map((r) => [r.amount]);
  const dates = recs.map((r) => [r.date]);
  const owners = recs.map((r) => [r.owner]);
  const outcomes = recs.map((r) => [r.outcome]);
  const hol = HOLIDAYS.map((d) => [d]);
  const wrk = WORKDAYS.map((d) => [d]);

  const monthly = actuals(
    amounts,
    dates,
    PLAN_START,
    "M",
    owners,
    OWNERS.map((o) => [o]),
    outcomes,
    hol,
    wrk,
  );
  const weekly = actuals(amounts, dates, PLAN_START, "W", null as any, null as any, outcomes, hol, wrk);
  const monthlyLabels = monthly.slice(1, 13).map((r) => r[0] as string);
  const weeklyLabels = weekly.slice(1, -2).map((r) => r[0] as string);

  const P_START = serial(2025, 3, 1);
  const P_END = serial(2025, 5, 31);
  const AS_OF = serial(2025, 4, 15);
  const TARGETS = [["Owner", "Target"], ...OWNERS.map((o, i) => [o, 100000 * (i + 1)])];

  let hf: HyperFormula;
  let calc: number;
  // Calc sheet layout: rows 0–11 monthly × owners, row 12 monthly outside × owners; then weekly rows; then ATTAINMENT.
  const WEEK_ROW = 13;
  let attRow = 0;

  beforeAll(() => {
    const data = recs.map((r) => [r.amount, r.date, r.owner, r.outcome]);
    const lists: unknown[][] = [];
    for (let i = 0; i < Math.max(HOLIDAYS.length, WORKDAYS.length); i++)
      lists.push([HOLIDAYS[i] ?? null, WORKDAYS[i] ?? null]);
    const cells: unknown[][] = [];
    boundsFromLabels(monthlyLabels).forEach(([lo, hi]) => cells.push(OWNERS.map((o) => sumifs(lo, hi, o))));
    cells.push(OWNERS.map((o) => `${sumifs(0, PLAN_START, o)}+${sumifs(WINDOW_END, 10000000, o).slice(1)}`));
    boundsFromLabels(weeklyLabels).forEach(([lo, hi]) => cells.push([sumifs(lo, hi)]));
    cells.push([`${sumifs(0, PLAN_START)}+${sumifs(WINDOW_END, 10000000).slice(1)}`]);
    attRow = cells.length;
    const workingDays = (from: string, to: string) =>
      `(NETWORKDAYS.INTL(${from},${to},1,${HOL})+COUNTIFS(${WRK},">="&${from},${WRK},"<="&${to}))`;
    OWNERS.forEach((o, i) => {
      const target = 100000 * (i + 1);
      cells.push([
        `=SUMIFS(${AM},${DT},">=${P_START}",${DT},"<=${P_END}",${OW},"${o}",${OC},"won")`,
        `=${target}*${workingDays(String(P_START), `MIN(${AS_OF},${P_END})`)}/${workingDays(String(P_START), String(P_END))}`,
      ]);
    });
    cells.push([
      `=SUMIFS(${AM},${DT},">=${P_START}",${DT},"<=${P_END}",${OC},"won")`,
      `=${workingDays(String(P_START), String(P_END))}`,
      `=${workingDays(String(P_START), `MIN(${AS_OF},${P_END})`)}`,
    ]);
    hf = HyperFormula.buildFromSheets(
      { Data: data, Lists: lists as any, Calc: cells as any },
      { licenseKey: "gpl-v3", smartRounding: false },
    );
    calc = hf.getSheetId("Calc")!;
  });
  afterAll(() => hf?.destroy());
  const v = (row: number, col: number) => hf.getCellValue({ sheet: calc, row, col });

  test("the generated table is large and the layouts are the ones expected", () => {
    expect(recs.length).toBeGreaterThanOrEqual(10000);
    expect(monthly[0]).toEqual(["Period", ...OWNERS, "Total"]);
    expect(monthly[14][0]).toBe("(outside)");
    // The week of Monday 2025-03-10 is a holiday week: not listed.
    expect(weeklyLabels).not.toContain("2025-03-10");
    expect(weeklyLabels).toContain("2025-03-03");
  });

  test("ACTUALS by month × owner: every cell = SUMIFS over the month's bounds, the owner and won", () => {
    for (let p = 0; p < 12; p++) {
      OWNERS.forEach((o, j) => expectClose(monthly[1 + p][1 + j], v(p, j), `${monthlyLabels[p]} ${o}`));
    }
    OWNERS.forEach((o, j) => expectClose(monthly[14][1 + j], v(12, j), `(outside) ${o}`));
  });

  test("ACTUALS by week with holidays and make-up days: every week = SUMIFS from its Monday to the next listed Monday", () => {
    weeklyLabels.forEach((label, p) => expectClose(weekly[1 + p][1], v(WEEK_ROW + p, 0), label));
    expectClose(weekly[weekly.length - 1][1], v(WEEK_ROW + weeklyLabels.length, 0), "(outside)");
  });

  test("ATTAINMENT: Actual = SUMIFS; Expected = Target × NETWORKDAYS.INTL ratio with holidays and make-up days", () => {
    const out = attainment(TARGETS, amounts, dates, P_START, P_END, owners, outcomes, AS_OF, hol, wrk, null);
    const W = v(attRow + OWNERS.length, 1) as number;
    const E = v(attRow + OWNERS.length, 2) as number;
    // March–May 2025: 21 + 22 + 22 weekdays − 5 holidays = 60; up to Apr 15: 21 + 11 − 5 = 27.
    expect([W, E]).toEqual([60, 27]);
    OWNERS.forEach((o, i) => {
      expect(out[1 + i][0]).toBe(o);
      expectClose(out[1 + i][2], v(attRow + i, 0), `Actual ${o}`);
      expectClose(out[1 + i][5], v(attRow + i, 1), `Expected ${o}`);
      expectClose(out[1 + i][8], ((v(attRow + i, 0) as number) * W) / E, `Projected ${o}`);
    });
    const total = out[out.length - 1];
    expect(total[0]).toBe("Total");
    expectClose(total[2], v(attRow + OWNERS.length, 0), "Actual Total");
    expectClose(total[5], (1500000 * E) / W, "Expected Total");
  });
});
