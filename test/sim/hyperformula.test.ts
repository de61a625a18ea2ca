/**
 * Cross-check of the simulator's formula evaluator against a second spreadsheet engine, HyperFormula, on
 * generated formulas over random data: operators (arithmetic, comparison, concatenation, broadcasting),
 * IF/IFERROR, SUMIFS/COUNTIFS/SUMIF/COUNTIF, FILTER, ROUND*, EOMONTH/EDATE, NETWORKDAYS.INTL, SUMPRODUCT,
 * MATCH, XLOOKUP, the aggregates, AND/OR/NOT/ABS, date parts, SORT/UNIQUE/SEQUENCE/HSTACK/VSTACK.
 *
 * Where the two engines differ, one of them is not doing what Excel does. The generators keep clear of
 * HyperFormula's departures from Excel, which are listed in KNOWN_DIFFERENCES with the Excel value (the
 * simulator's) and checked to still differ; so every generated formula must agree. Other seeds
 * (CROSSCHECK_SEED=n) can meet the two listed HyperFormula bugs that random data reaches (ROUNDDOWN on the
 * binary value, EDATE into a leap February); SHOW_CROSSCHECK=1 prints the mix of results per family.
 */
import { HyperFormula } from "hyperformula";
import { Calculator, WorkbookModel } from "../../src/sim";
import { seededRandom } from "../../src/sample/data";

const N = 40;
const REGIONS = ["East", "east", "West", "North", "South"];
const STAGES = ["Won", "Lost", "Open"];

type Cell = string | number | boolean | null;

function generateData(rnd: () => number): Cell[][] {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const rows: Cell[][] = [];
  for (let i = 0; i < N; i++) {
    rows.push([
      pick(REGIONS),
      // Amounts: integers and cents, some zero, some blank.
      rnd() < 0.1
        ? null
        : rnd() < 0.1
          ? 0
          : rnd() < 0.5
            ? Math.round(rnd() * 1000) - 100
            : Math.round(rnd() * 100000) / 100,
      // Dates 2025-01-01 … 2027-12-31.
      45658 + Math.floor(rnd() * 1095),
      Math.floor(rnd() * 6),
      rnd() < 0.15 ? null : rnd() < 0.5,
      pick(STAGES),
      // Values to round: up to 4 decimals, either sign.
      Math.round((rnd() - 0.3) * 2000000) / 10000,
    ]);
  }
  return rows;
}

const COLS = ["A", "B", "C", "D", "E", "F", "G"];

/** Formula generators: each returns a formula over sheet Data (rows 1…N). */
function generators(rnd: () => number): Array<[string, () => string]> {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const row = () => int(1, N);
  const cell = (cols = COLS) => `Data!${pick(cols)}${row()}`;
  const range = (col: string) => {
    const a = row();
    const b = Math.min(N, a + int(0, 12));
    return `Data!${col}${a}:${col}${b}`;
  };
  const colRange = (col: string, a: number, b: number) => `Data!${col}${a}:${col}${b}`;
  const numberLiteral = () => pick(["0", "1", "2.5", "-3", "100", "0.1", "1000"]);
  const scalar = (empty = true) =>
    rnd() < 0.7 ? cell() : pick([numberLiteral(), '"east"', '"12"', "TRUE()", "FALSE()", ...(empty ? ['""'] : [])]);
  const textCriterion = () =>
    pick([
      () => `"${pick(REGIONS)}"`,
      () => `"${pick(["E*", "*st", "?est", "<>east", "<>", "", "=", "*", "<>*th"])}"`,
      () => `"${pick(STAGES)}"`,
      () => `"<>${pick(STAGES)}"`,
    ])();
  const numberCriterion = () =>
    pick([
      () => `"${pick([">", ">=", "<", "<=", "<>", "="])}${int(-50, 600)}"`,
      () => `">="&DATE(${int(2025, 2027)},${int(1, 12)},1)`,
      () => `"<"&DATE(${int(2025, 2027)},${int(1, 12)},1)`,
      () => String(int(0, 5)),
      () => `"${pick([">", "<=", "<>"])}${int(0, 5)}"`,
    ])();
  const textCriteria = () => {
    const col = pick(["A", "F", "E"]);
    return [col, col === "E" ? pick(["TRUE()", "FALSE()", '"TRUE"', '"<>FALSE"']) : textCriterion()];
  };
  const numberCriteria = () => {
    const c = numberCriterion();
    return [c.includes("DATE") ? "C" : /^"[<>=]*\d{1,1}"$|^\d$/.test(c) ? "D" : pick(["B", "D"]), c];
  };
  return [
    ["arithmetic", () => `=${scalar(false)}${pick(["+", "-", "*", "/"])}${scalar(false)}`],
    ["power", () => `=${cell(["D", "B", "G"])}^${pick(["2", "0.5", "1", "3", String(int(1, 3))])}`],
    ["unary and percent", () => `=${pick(["-", "--", "+"])}${cell(["B", "D", "E"])}${pick(["", "%"])}`],
    ["comparison", () => `=${scalar()}${pick(["=", "<>", "<", ">", "<=", ">="])}${scalar()}`],
    ["concatenation", () => `=${cell(["A", "D", "F", "E"])}&"-"&${cell(["A", "D", "F"])}`],
    [
      "array arithmetic",
      () => {
        const a = row();
        const b = Math.min(N, a + int(0, 8));
        return `=${colRange(pick(["B", "D"]), a, b)}${pick(["+", "*", "-"])}${pick([colRange("D", a, b), "{1,2,3}", "2", colRange("G", a, b)])}`;
      },
    ],
    [
      "array comparison",
      () => {
        const a = row();
        const b = Math.min(N, a + int(0, 8));
        return `=${colRange("A", a, b)}${pick(["=", "<>"])}"${pick(REGIONS)}"`;
      },
    ],
    ["IF", () => `=IF(${cell(["B", "D"])}>${int(0, 300)},${scalar()},${scalar()})`],
    ["IF over arrays", () => `=SUM(IF(${range("D")}>2,1,0))`],
    ["IFERROR", () => `=IFERROR(${cell(["B", "D"])}/${cell(["D", "B"])},"x")`],
    [
      "SUMIFS",
      () => {
        const [c1, v1] = textCriteria();
        const [c2, v2] = numberCriteria();
        return `=SUMIFS(${colRange(pick(["B", "G"]), 1, N)},${colRange(c1, 1, N)},${v1},${colRange(c2, 1, N)},${v2})`;
      },
    ],
    [
      "COUNTIFS",
      () => {
        const [c1, v1] = textCriteria();
        const [c2, v2] = rnd() < 0.5 ? numberCriteria() : textCriteria();
        return `=COUNTIFS(${colRange(c1, 1, N)},${v1},${colRange(c2, 1, N)},${v2})`;
      },
    ],
    [
      "SUMIF",
      () => {
        const [c, v] = rnd() < 0.5 ? numberCriteria() : textCriteria();
        return `=SUMIF(${colRange(c, 1, N)},${v},${colRange("G", 1, N)})`;
      },
    ],
    [
      "COUNTIF",
      () => {
        const [c, v] = rnd() < 0.5 ? numberCriteria() : textCriteria();
        return `=COUNTIF(${colRange(c, 1, N)},${v})`;
      },
    ],
    [
      "FILTER",
      () => {
        const a = row();
        const b = Math.min(N, a + int(3, 15));
        const cond = pick([
          `${colRange("A", a, b)}="${pick(REGIONS)}"`,
          `(${colRange("F", a, b)}="Won")*(${colRange("D", a, b)}>=${int(0, 5)})`,
          `${colRange("D", a, b)}`,
          `${colRange("C", a, b)}>=DATE(2026,${int(1, 12)},1)`,
        ]);
        const body = `FILTER(${colRange(pick(["B", "D", "A", "G"]), a, b)},${cond})`;
        return pick([
          `=IFERROR(${body},"-")`,
          `=IFERROR(SUM(${body}),"-")`,
          `=IFERROR(ROWS(${body}),0)`,
          `=IFERROR(${body}*2,"-")`,
        ]);
      },
    ],
    ["ROUND", () => `=${pick(["ROUND", "ROUNDUP", "ROUNDDOWN"])}(${cell(["G", "B"])},${int(-2, 3)})`],
    ["EOMONTH/EDATE", () => `=${pick(["EOMONTH", "EDATE"])}(${cell(["C"])},${int(-14, 14)})`],
    [
      "NETWORKDAYS.INTL",
      () => {
        const weekend = pick(["", ",1", ",2", ",7", ",11", ",17", ',"0000011"', ',"1010100"']);
        const holidays = weekend !== "" && rnd() < 0.5 ? `,${range("C")}` : "";
        return `=NETWORKDAYS.INTL(${cell(["C"])},${cell(["C"])}${weekend}${holidays})`;
      },
    ],
    [
      "SUMPRODUCT",
      () => {
        const a = row();
        const b = Math.min(N, a + int(0, 15));
        return pick([
          `=SUMPRODUCT(${colRange("B", a, b)},${colRange("D", a, b)})`,
          `=SUMPRODUCT((${colRange("A", a, b)}="East")*${colRange("D", a, b)})`,
          `=SUMPRODUCT(--(${colRange("F", a, b)}="Won"),${colRange("G", a, b)})`,
        ]);
      },
    ],
    [
      "MATCH",
      () => {
        const [col, value] = pick([
          ["A", `"${pick([...REGIONS, "NORTH", "Nowhere"])}"`],
          ["D", String(int(0, 6))],
          ["F", `"${pick([...STAGES, "won"])}"`],
        ]);
        return `=MATCH(${value},${colRange(col, 1, N)},0)`;
      },
    ],
    [
      "XLOOKUP",
      () => {
        const [col, value] = pick([
          ["A", `"${pick([...REGIONS, "WEST", "Nowhere"])}"`],
          ["F", `"${pick([...STAGES, "lost"])}"`],
          ["D", String(int(0, 6))],
        ]);
        const ret = colRange(pick(["B", "C", "D", "G"]), 1, N);
        return `=XLOOKUP(${value},${colRange(col, 1, N)},${ret}${rnd() < 0.5 ? ',"none"' : ""}${rnd() < 0.3 ? ",0,-1" : ""})`;
      },
    ],
    [
      "aggregates",
      () => `=${pick(["SUM", "AVERAGE", "MIN", "MAX", "COUNT", "COUNTA"])}(${range(pick(["B", "D", "G", "A", "E"]))})`,
    ],
    ["logical", () => `=${pick(["AND", "OR"])}(${pick([range("D"), `${range("D")}>2`, `${range("F")}="Won"`])})`],
    ["NOT/ABS", () => pick([`=NOT(${cell(["E", "D"])})`, `=ABS(${cell(["B", "G"])})`])],
    ["date parts", () => `=${pick(["YEAR", "MONTH", "DAY"])}(${cell(["C"])})`],
    ["DATE", () => `=DATE(${int(1990, 2040)},${int(-3, 15)},${int(-5, 40)})`],
    [
      "dynamic arrays",
      () =>
        pick([
          `=SORT(${range("D")})`,
          `=SORT(${range("B")},1,-1)`,
          `=UNIQUE(${range("F")})`,
          `=SEQUENCE(${int(1, 4)},${int(1, 4)},${int(-5, 5)},${int(1, 3)})`,
          `=HSTACK(${colRange("D", 1, 3)},${colRange("F", 1, 3)})`,
          `=VSTACK(${colRange("D", 1, 2)},${colRange("B", 5, 7)})`,
        ]),
    ],
  ];
}

/**
 * Places where HyperFormula departs from Excel; the generators above avoid them. The simulator follows
 * Excel here. Each is demonstrated below so the list stays true.
 */
const KNOWN_DIFFERENCES: Array<{ formula: string; excel: unknown; why: string }> = [
  { formula: '=""*1', excel: "#VALUE!", why: "empty text is not a number" },
  { formula: '=COUNTIF(Data!A45:A47,">=m")', excel: 2, why: "criteria compare text with < > <= >=" },
  { formula: '=MATCH("m*",Data!A45:A47,0)', excel: 2, why: "MATCH(…, 0) takes wildcards" },
  { formula: "=ROUNDDOWN(514.92,2)", excel: 514.92, why: "rounding works on the decimal digits, not the binary value" },
  { formula: "=EDATE(DATE(2027,10,31),4)", excel: 46812, why: "the 31st four months on is 29 February in a leap year" },
  { formula: "=0^-1", excel: "#DIV/0!", why: "Excel's POWER rule" },
  { formula: "=0^0", excel: "#NUM!", why: "Excel's POWER rule" },
  { formula: "=OR(Data!E41:E42)", excel: "#VALUE!", why: "a range with no logical values" },
  { formula: "=AND(TRUE(),Data!E41:E42)", excel: true, why: "empty cells are ignored" },
  { formula: "=FILTER(Data!D1:D3,Data!D1:D3>99)", excel: "#CALC!", why: "an empty FILTER result" },
  { formula: '=FILTER(Data!D1:D3,Data!D1:D3>99,"none")', excel: "none", why: "the third argument is if_empty" },
];

function normalize(v: unknown): unknown {
  if (v === null || v === undefined) return 0;
  if (typeof v === "object" && v !== null && "value" in v && typeof (v as { value: unknown }).value === "string") {
    return (v as { value: string }).value;
  }
  return v;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? a : [[a]];
    const y = Array.isArray(b) ? b : [[b]];
    return (
      x.length === y.length &&
      x.every((r, i) => r.length === y[i].length && r.every((v: unknown, j: number) => same(v, y[i][j])))
    );
  }
  const p = normalize(a);
  const q = normalize(b);
  if (typeof p === "number" && typeof q === "number")
    return Math.abs(p - q) <= 1e-9 * Math.max(1, Math.abs(p), Math.abs(q));
  return p === q;
}

describe("the simulator agrees with HyperFormula on generated formulas", () => {
  const rnd = seededRandom(Number(process.env.CROSSCHECK_SEED ?? 20_260_101));
  const data = generateData(rnd);
  // Fixed cells below the random rows, for the known differences.
  data.push([null], [null], [null], [null], ["apple"], ["Mango"], ["pear"]);
  const hf = HyperFormula.buildFromSheets(
    { Data: data, Out: [[null]] },
    { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false, useWildcards: true },
  );
  const out = hf.getSheetId("Out")!;

  const model = new WorkbookModel(["Data", "Out"]);
  const sheet = model.sheets[0];
  data.forEach((r, i) => r.forEach((v, c) => model.writeInput(sheet, i, c, v)));
  const calc = new Calculator(model, { functions: {} });
  calc.recalculate();

  const PER_FAMILY = 60;
  const results: Array<{ family: string; formula: string; sim: unknown; hf: unknown; ok: boolean }> = [];
  for (const [family, make] of generators(rnd)) {
    for (let i = 0; i < PER_FAMILY; i++) {
      const formula = make();
      const sim = calc.evaluateFormula(formula, model.sheets[1], 0, 0);
      const other = hf.calculateFormula(formula, out);
      results.push({ family, formula, sim, hf: other, ok: same(sim, other) });
    }
  }

  if (process.env.SHOW_CROSSCHECK) {
    const byFamily = new Map<string, { n: number; errors: number; arrays: number; zeros: number }>();
    for (const r of results) {
      const e = byFamily.get(r.family) ?? { n: 0, errors: 0, arrays: 0, zeros: 0 };
      e.n++;
      if (typeof r.sim === "string" && r.sim.startsWith("#")) e.errors++;
      if (r.sim === 0) e.zeros++;
      if (Array.isArray(r.sim)) e.arrays++;
      byFamily.set(r.family, e);
    }
    console.log(
      [...byFamily]
        .map(([f, e]) => `${f}: ${e.n} (${e.errors} errors, ${e.arrays} arrays, ${e.zeros} zeros)`)
        .join("\n") +
        "\n" +
        results
          .slice(0, 400)
          .filter((_, i) => i % 13 === 0)
          .map((r) => `${r.formula} → ${JSON.stringify(r.sim)}`)
          .join("\n"),
    );
  }

  test("at least 1,000 formula evaluations, every one agreeing", () => {
    const failures = results.filter((r) => !r.ok);
    const evaluated = results.filter((r) => typeof r.sim !== "string" || !r.sim.startsWith("="));
    expect(evaluated.length).toBe(results.length);
    expect(results.length).toBeGreaterThanOrEqual(1000);
    expect(
      failures
        .slice(0, 300)
        .map((f) => `${f.family}: ${f.formula} → sim ${JSON.stringify(f.sim)} vs HF ${JSON.stringify(f.hf)}`),
    ).toEqual([]);
  });

  test.each(KNOWN_DIFFERENCES)(
    "known HyperFormula difference: $formula is $excel in Excel ($why)",
    ({ formula, excel }) => {
      expect(same(calc.evaluateFormula(formula, model.sheets[1], 0, 0), excel)).toBe(true);
      expect(same(hf.calculateFormula(formula, out), excel)).toBe(false);
    },
  );
});
