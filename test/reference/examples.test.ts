/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Hand-derived examples for the rules of /work/shared/spec/formulas.md that are easy to get wrong. Each expected
 * value is worked out from the spec text (the derivation is in the comment) and checked against BOTH our public
 * function and the reference, so a wrong expectation cannot hide behind agreement of the two.
 * The last group holds the engine deviations this reference found (exact largest-remainder ties, CONVERSION's
 * from_stage, blank-field rule rows with errors, FUNNEL's stage names as written); they are fixed and stay as tests.
 */
import * as F from "../../src/functions/functions";
import * as R from "./reference";
import { diff, j, run, xl } from "./harness";

const REF_NAME: Record<string, string> = {
  leadScore: "LEADSCORE",
  scoreDetail: "SCOREDETAIL",
  leadGrade: "LEADGRADE",
  abcClass: "ABCCLASS",
  bant: "BANT",
  bantScore: "BANTSCORE",
  bantMissing: "BANTMISSING",
  funnel: "FUNNEL",
  conversion: "CONVERSION",
  bottleneck: "BOTTLENECK",
  winRate: "WINRATE",
  pipeline: "PIPELINE",
  split: "SPLIT",
  targetPlan: "TARGETPLAN",
  activityPlan: "ACTIVITYPLAN",
  commission: "COMMISSION",
  runRate: "RUNRATE",
};
const E = (code: string) => ({ code });

function expectBoth(fn: keyof typeof F, args: any[], expected: unknown): void {
  const ours = run(() => (F as any)[fn](...args));
  const ref = run(() => (R as any)[REF_NAME[fn]](...args));
  const dOurs = diff(ours, expected);
  const dRef = diff(ref, expected);
  if (dOurs || dRef) {
    throw new Error(`${fn}(${j(args)})\nexpected ${j(expected)}\nours     ${j(ours)}\nref      ${j(ref)}`);
  }
}
const col = (...v: unknown[]) => v.map((x) => [x]);
const AS_OF = 46000; // 2025-12-09, Tuesday

describe("§1 conventions", () => {
  test("numeric text (rule 3): currency, separators, suffixes", () => {
    expectBoth("split", ["¥3.5万", [[1, 1]], null], [[17500, 17500]]);
    expectBoth("split", ["1，200", [["15%", "45%"]], null], [[300, 900]]);
    expectBoth("split", ["$2k", col("1亿", "3M"), null], col(1942, 58));
    expectBoth("leadGrade", [col("80", "79.99", "5k", "-1,000"), null, null], col("A", "B", "A", "C"));
  });
  test("TRUE/FALSE are not numbers", () => {
    expectBoth("leadGrade", [col(true), null, null], col(E("#VALUE!")));
    expectBoth("split", [10, col(true), null], E("#VALUE!"));
  });
  test("0 is blank in text-only fields (stages, outcomes) but a number elsewhere", () => {
    // the 0 stage is ignored; the 0 outcome is open
    expectBoth(
      "funnel",
      [col("A", 0, "B"), col("A", "B"), null, null, false],
      [
        ["A", 1, 2, "", 1],
        ["B", 1, 1, 0.5, 0.5],
      ],
    );
    expectBoth("winRate", [col("won", 0, "lost", "lost")], 1 / 3);
    expectBoth("bantScore", [[[0]], [["x"]], [["y"]], [[AS_OF]], 0, null, null, AS_OF], [[4]]);
  });
  test("text equality: NFKC, trim, collapsed spaces, case", () => {
    expectBoth(
      "conversion",
      [col(" 谈判签约", "ＶＩＰ  stage", "vip stage"), col("VIP Stage", "谈判签约"), "vip stage", "谈判签约", null],
      1 / 3,
    );
  });
  test("an error in a data cell: element-wise → that cell; aggregating → #VALUE!", () => {
    expectBoth("commission", [col(100, xl("#N/A")), [[0, 0.1]], null], col(10, E("#N/A")));
    expectBoth("winRate", [col("won", xl("#DIV/0!"))], E("#VALUE!"));
    expectBoth("funnel", [col("A", xl("#N/A")), col("A"), null, null, null], E("#VALUE!"));
  });
  test("records that describe the same rows must have the same size", () => {
    expectBoth("funnel", [col("A", "B"), col("A", "B"), col(1), null, null], E("#VALUE!"));
    expectBoth("pipeline", [col("A", "B"), col(1), col("A", "B"), col(0.5, 0.5), null], E("#VALUE!"));
  });
});

describe("§2 lead scoring", () => {
  const H = [["Company", "Budget", "Opted in", "LastContact", "Industry"]];
  const leads = [
    ["Acme", "¥3.5万", true, AS_OF - 30, "SaaS"],
    ["", 500, "否", "2025-11-01", null],
  ];
  const table = (...rules: unknown[][]) => [["Field", "Operator", "Value", "Points", "Group", "Cap"], ...rules];
  test("yes/no compare as booleans for = (Opted in = 是 matches TRUE)", () => {
    expectBoth("leadScore", [leads, table(["Opted in", "=", "是", 10, null, null]), H, AS_OF], col(10, 0));
    expectBoth("leadScore", [leads, table(["Opted in", "<>", "yes", 10, null, null]), H, AS_OF], col(0, 10));
  });
  test("numbers compare numerically, also as text (¥3.5万 > 1,200)", () => {
    expectBoth("leadScore", [leads, table(["Budget", ">", "1,200", 7, null, null]), H, AS_OF], col(7, 0));
    expectBoth("leadScore", [leads, table(["Budget", "between", "1k~5万", 7, null, null]), H, AS_OF], col(7, 0));
  });
  test("within days is inclusive at both ends; older than days is strict", () => {
    expectBoth("leadScore", [leads, table(["LastContact", "within days", 30, 1, null, null]), H, AS_OF], col(1, 0));
    expectBoth("leadScore", [leads, table(["LastContact", "older than days", 30, 1, null, null]), H, AS_OF], col(0, 1));
    expectBoth("leadScore", [leads, table(["LastContact", "天内", 29, 1, null, null]), H, AS_OF], col(0, 0));
  });
  test("a blank cell matches only `blank` (not even `not contains` / `<>`)", () => {
    expectBoth(
      "leadScore",
      [
        leads,
        table(
          ["Company", "为空", null, 1, null, null],
          ["Company", "not contains", "x", 10, null, null],
          ["Industry", "<>", "SaaS", 100, null, null],
        ),
        H,
        AS_OF,
      ],
      col(10, 1),
    );
  });
  test("group cap: min(sum, cap); cap is the first non-blank cap on any rule of the group, matched or not", () => {
    const rules = table(
      ["Industry", "=", "Retail", 50, "fit", 12], // never matches, but sets the cap
      ["Budget", ">", 1000, 10, "FIT ", 99],
      ["Company", "not blank", null, 5, "fit", null],
      ["Opted in", "=", "yes", -3, null, null],
    );
    expectBoth("leadScore", [leads, rules, H, AS_OF], col(12 - 3, 0));
    expectBoth(
      "scoreDetail",
      [leads, rules, H, AS_OF],
      col("Budget > 1000 (+10); Company not blank (+5); Opted in = yes (-3); cap fit (-3)", ""),
    );
  });
  test("negative cap → #NUM!; unknown field / operator → #VALUE!; non-numeric points after the header → #VALUE!", () => {
    expectBoth("leadScore", [leads, table(["Budget", ">", 1, 1, "g", -1]), H, AS_OF], E("#NUM!"));
    expectBoth("leadScore", [leads, table(["Revenue", ">", 1, 1, null, null]), H, AS_OF], E("#VALUE!"));
    expectBoth("leadScore", [leads, table(["Budget", "approx", 1, 1, null, null]), H, AS_OF], E("#VALUE!"));
    expectBoth("leadScore", [leads, table(["Budget", ">", 1, "ten", null, null]), H, AS_OF], E("#VALUE!"));
  });
  test("without headers the first row of records is the header row", () => {
    expectBoth("leadScore", [[...H, ...leads], [["Budget", ">=", 500, 2]], null, AS_OF], col(2, 2));
  });
  test("LEADGRADE: ≥ threshold, strictly descending thresholds, one more label", () => {
    expectBoth("leadGrade", [col(80, 50, 49.999, null), null, null], col("A", "B", "C", ""));
    expectBoth("leadGrade", [col(5), [[50, 80]], [["a", "b", "c"]]], E("#VALUE!"));
    expectBoth("leadGrade", [col(5), [[80, 50]], [["a", "b"]]], E("#VALUE!"));
  });
  test("ABCCLASS: before < a_share (strict), ties keep input order, ≤ 0 is C", () => {
    // ranked 80, 15, 5: before = 0, 0.8, 0.95 → A, B (0.8 is not < 0.8), C (0.95 is not < 0.95)
    expectBoth("abcClass", [col(15, 80, 5, 0, -3, null), null, null], col("B", "A", "C", "C", "C", ""));
    // equal values: the first in input order ranks above
    expectBoth("abcClass", [col(50, 50), 0.5, 1], col("A", "B"));
    expectBoth("abcClass", [col(1), 0.8, 0.8], E("#NUM!"));
    expectBoth("abcClass", [col(0, null), null, null], col("C", ""));
  });
});

describe("§3 BANT", () => {
  const B = (b: unknown, a: unknown, n: unknown, t: unknown, ...rest: unknown[]) => [
    [[b]],
    [[a]],
    [[n]],
    [[t]],
    ...rest,
  ];
  test("timeline window is as_of ≤ d ≤ as_of + within_days", () => {
    expectBoth("bantMissing", [...B(1, "CFO", "ERP", AS_OF + 90), null, null, null, AS_OF], [[""]]);
    expectBoth("bantMissing", [...B(1, "CFO", "ERP", AS_OF + 91), null, null, null, AS_OF], [["T"]]);
    expectBoth("bantMissing", [...B(1, "CFO", "ERP", AS_OF - 1), null, null, null, AS_OF], [["T"]]);
    expectBoth("bantMissing", [...B(1, "CFO", "ERP", "2025-12-09"), null, 0, null, AS_OF + 0.75], [[""]]);
  });
  test("budget: ≥ min_budget when given, else > 0; words", () => {
    expectBoth("bantMissing", [...B(1000, "是", "有", "✓"), 1000, null, null, AS_OF], [[""]]);
    expectBoth("bantMissing", [...B(999, "否", "TBD", "待定"), "1k", null, null, AS_OF], [["B,A,N,T"]]);
    expectBoth("bantMissing", [...B(0, 0, "0", false), null, null, null, AS_OF], [["B,A,N,T"]]);
  });
  test("required and broadcast of single cells", () => {
    expectBoth(
      "bant",
      [col(1, 0, 1), [["CFO"]], [["x"]], col(null, null, AS_OF), null, null, 3, AS_OF],
      col(true, false, true),
    );
    expectBoth("bant", [...B(1, 1, 1, 1), null, null, 5, AS_OF], E("#NUM!"));
    expectBoth("bant", [...B(1, 1, 1, 1), null, -1, null, AS_OF], E("#NUM!"));
    expectBoth("bantScore", [col(1, 2), [["CFO"]], col(1, 2, 3), [[AS_OF]], null, null, null, AS_OF], E("#VALUE!"));
  });
});

describe("§4 funnel and pipeline", () => {
  const stages = col("Lead", "Demo", "Deal", "Demo", "Other", null, "Lead");
  const order = col("Lead", "Demo", "Deal");
  const amounts = col(10, 20, 30, 40, 50, 60, 70);
  const outcomes = col(null, "lost", "won", "进行中", "lost", "赢单", "open");
  test("FUNNEL with outcomes and amounts", () => {
    // won reach every stage (2 won: the Deal row and the blank-stage row); the lost Demo reached Lead and Demo
    // Reached: Lead 2 open + 1 lost + 1 open Demo + 2 won = 6 ... Lead: rows 1,2,4,7 + 2 won = 6; Demo: 2,4 + 2 won = 4; Deal: 2 won
    expectBoth(
      "funnel",
      [stages, order, amounts, outcomes, null],
      [
        ["Stage", "Count", "Reached", "Step conversion", "Cumulative conversion", "Lost", "Amount"],
        ["Lead", 2, 6, "", 1, 0, 80],
        ["Demo", 1, 4, 4 / 6, 4 / 6, 1, 40],
        ["Deal", 0, 2, 2 / 4, 2 / 6, 0, 0],
        ["Won", 2, 2, 1, 2 / 6, "", 90],
        ["(unmatched)", 1, "", "", "", "", 50],
      ],
    );
  });
  test("CONVERSION / BOTTLENECK / WINRATE / PIPELINE", () => {
    expectBoth("conversion", [stages, order, "Lead", "won", outcomes], 2 / 6);
    expectBoth("conversion", [stages, order, "Demo", "Lead", outcomes], E("#VALUE!"));
    expectBoth("conversion", [col("Lead"), col("Lead", "Demo"), "Demo", "Demo", null], E("#DIV/0!"));
    expectBoth("bottleneck", [stages, order, outcomes], "Deal → Won".replace("Deal → Won", "Demo → Deal"));
    expectBoth("bottleneck", [col("A", "B", "B", "C"), col("A", "B", "C"), null], "B → C");
    expectBoth("bottleneck", [col("A"), col("A"), null], E("#N/A"));
    expectBoth("winRate", [outcomes], 2 / 4);
    expectBoth("winRate", [col("open", null)], E("#DIV/0!"));
    // open records in stage_order: Lead 10 + 70, Demo 40 → 80 × 0.1 + 40 × 0.5 (Deal's 0 is valid)
    expectBoth("pipeline", [stages, amounts, order, col("10%", 0.5, 0), outcomes], 28);
    expectBoth("pipeline", [stages, amounts, order, col(0.1, null, 0), outcomes], E("#VALUE!"));
    expectBoth("pipeline", [stages, amounts, order, col(0.1, 1.5, 0), outcomes], E("#NUM!"));
  });
  test("FUNNEL shows stage names as written; duplicates → #VALUE!", () => {
    expectBoth("funnel", [col("lead"), col("LEAD"), null, null, false], [["LEAD", 1, 1, "", 1]]);
    expectBoth("funnel", [col("lead"), col("Lead", "LEAD"), null, null, false], E("#VALUE!"));
  });
});

describe("§5 targets", () => {
  test("SPLIT: largest remainder, ties larger weight then earlier, negative totals", () => {
    expectBoth("split", [5, [[1, 1, 1, 4, 4, 4]], null], [[0, 0, 0, 2, 2, 1]]);
    expectBoth("split", [2.5, col(1, 1), 0], col(2, 1)); // T rounds half away from zero to 3
    expectBoth("split", [-2.5, col(1, 1), 0], col(-2, -1));
    expectBoth("split", [1.005, col(1), 2], col(1.01));
    expectBoth("split", [10, col(0, null, "  "), null], col(4, 3, 3)); // all zero → equal weights
    expectBoth("split", [10, col(1, -1), null], E("#NUM!"));
    expectBoth("split", [10, col(1), 7], E("#NUM!"));
    expectBoth("split", [10, col(1), 1.5], E("#NUM!"));
  });
  test("ACTIVITYPLAN: the spec's examples and exact ceilings", () => {
    expectBoth("activityPlan", [1200000, 50000, col(0.5, 0.4, 0.6), null, null], col(200, 100, 40, 24));
    expectBoth("activityPlan", [1200000, 50000, col(0.5, 0.4, 0.6), 12, 5], col(4, 2, 1, 1));
    expectBoth("activityPlan", [20, 1, col(0.4), null, null], col(50, 20));
    // won 20; 20 ÷ 0.7 = 28.6 → 29; 29 ÷ 0.4 = 72.5 → 73
    expectBoth("activityPlan", [20, 1, col("40%", 0.7), null, null], col(73, 29, 20));
    expectBoth("activityPlan", [20, 1, col(1.1), null, null], E("#NUM!"));
    expectBoth("activityPlan", [20, 0, col(0.5), null, null], E("#NUM!"));
  });
  test("TARGETPLAN: month / quarter labels and totals", () => {
    const m = (R.TARGETPLAN as any)(1200, "2025-04-15", "M", null, null, null, 0, null);
    expect(m[1]).toEqual(["2025-04", 100]);
    expect(m[12]).toEqual(["2026-03", 100]);
    expectBoth("targetPlan", [1200, "2025-04-15", null, null, null, null, null, null], m);
    // quarters are summed from months: weights 1×9 and 2×3 (S = 15) → 66.67 ×9 and 133.33 ×3; the 7 missing units
    // go to the first seven .67 remainders, so Q3 gets one less than Q1/Q2 and Q4 stays at 3 × 133
    expectBoth(
      "targetPlan",
      [1000, 45658, "季度", col(1, 1, 1, 2), null, null, null, null],
      [
        ["Period", "Target"],
        ["Q1", 201],
        ["Q2", 201],
        ["Q3", 199],
        ["Q4", 399],
        ["Total", 1000],
      ],
    );
    expectBoth("targetPlan", [1000, 45658, "half", null, null, null, null, null], E("#VALUE!"));
    expectBoth("targetPlan", [1000, 45658, null, col(1, 2, 3), null, null, null, null], E("#VALUE!"));
  });
  test("TARGETPLAN weeks: Monday weeks by working days; a plan starting Thursday 2026-01-01 starts on 2025-12-29", () => {
    const out = (F.targetPlan as any)(1200, "2026-01-01", "W", null, null, null, 0, null) as any[][];
    // January: 100 over working days 2 (Jan 1-2) + 5 + 5 + 5 + 5 → 9.09, 22.7 ×4 → 9, 23, 23, 23, 22
    expect(out.slice(1, 6)).toEqual([
      ["2025-12-29", 9],
      ["2026-01-05", 23],
      ["2026-01-12", 23],
      ["2026-01-19", 23],
      ["2026-01-26", 22],
    ]);
    expectBoth("targetPlan", [1200, "2026-01-01", "W", null, null, null, 0, null], out);
    // a holiday on every working day of the first week moves January's share away from it
    const hol = col("2026-01-01", "2026-01-02");
    const h = (F.targetPlan as any)(1200, "2026-01-01", "W", null, null, null, 0, hol) as any[][];
    expect(h[1]).toEqual(["2026-01-05", 25]);
    expectBoth("targetPlan", [1200, "2026-01-01", "W", null, null, null, 0, hol], h);
  });
  test("COMMISSION: marginal slices, flat rate of the reached tier, refunds, below the first threshold", () => {
    const tiers = [
      ["Threshold", "Rate"],
      [10000, "5%"],
      [50000, 0.1],
    ];
    expectBoth("commission", [col(5000, 30000, 80000, -80000, null), tiers, null], col(0, 1000, 5000, -5000, 0));
    expectBoth("commission", [col(5000, 30000, 80000, -80000), tiers, "全额"], col(0, 1500, 8000, -8000));
    expectBoth(
      "commission",
      [
        col(1),
        [
          [10, 0.1],
          [5, 0.2],
        ],
        null,
      ],
      E("#VALUE!"),
    );
    expectBoth("commission", [col(1), [[0, -0.1]], null], E("#NUM!"));
  });
  test("RUNRATE: straight line, as_of clipped to end, errors", () => {
    expectBoth("runRate", [100, 46000, 46029, 46009], 300);
    expectBoth("runRate", [100, "2025-12-09", "2026-01-07", 46100], 100);
    expectBoth("runRate", [100, 46000, 46029, 45999], E("#N/A"));
    expectBoth("runRate", [100, 46000, 45999, 46009], E("#VALUE!"));
  });
});

describe("deviations the reference found, now fixed", () => {
  test("SPLIT breaks an exact remainder tie by the larger weight (2338446.67 vs 584611.67: both .67)", () => {
    expectBoth("split", [3507670, [[8, 1, 1, 2]], 0], [[2338447, 292306, 292306, 584611]]);
  });
  test("TARGETPLAN quarterly seasonality: a tie of remainders goes to the larger quarter weight", () => {
    // 99999900 cents over weights 1,1,1,2,2,2,3,3,3,4,4,4 (S = 30): every month of Q1 and Q4 has remainder 1/3;
    // the one missing cent goes to the larger weight, October
    const out = (F.targetPlan as any)(1000000, 45658, "M", [[1, 2, 3, 4]], null, null, 2, null) as any[][];
    expect(out[1]).toEqual(["2025-01", 33333.33]);
    expect(out[10]).toEqual(["2025-10", 133333.34]);
  });
  test("LEADSCORE: a rule row with a blank field is skipped, even when another of its cells holds an error", () => {
    expectBoth(
      "leadScore",
      [
        [["Budget"], [5]],
        [
          [null, "=", xl("#N/A"), 10],
          ["Budget", ">", 1, 5],
        ],
        null,
        AS_OF,
      ],
      col(5),
    );
  });
  test("FUNNEL shows a stage name that is a number as written (a number, not text)", () => {
    expectBoth("funnel", [col(2026), col(2026), null, null, false], [[2026, 1, 1, "", 1]]);
  });
  test("CONVERSION: a won word is accepted as to_stage only", () => {
    expectBoth(
      "conversion",
      [col("Lead", "Demo"), col("Lead", "Demo"), "Won", "Won", col("won", "lost")],
      E("#VALUE!"),
    );
  });
});
