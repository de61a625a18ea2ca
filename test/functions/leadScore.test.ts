/* eslint-disable @typescript-eslint/no-explicit-any */
import { leadScore } from "../../src/functions/functions";
import { col, expectCleanMatrix, expectErrorCell, expectThrows, serial, todaySerial, xlErr } from "./helpers";

const AS_OF = serial(2025, 3, 1);

/** One lead (header row + one data row) scored by a rule table; returns the single score. */
function scoreOne(fields: Record<string, unknown>, rules: any[][], asOf: unknown = AS_OF): unknown {
  const names = Object.keys(fields);
  const records = [names, names.map((n) => fields[n])];
  const out = leadScore(records, rules, null as any, asOf);
  expectCleanMatrix(out);
  expect(out).toHaveLength(1);
  expect(out[0]).toHaveLength(1);
  return out[0][0];
}

/** Does a single rule match a single cell? (10 points when it does.) */
function matches(value: unknown, operator: unknown, ruleValue: unknown, asOf: unknown = AS_OF): boolean {
  const score = scoreOne({ F: value }, [["F", operator, ruleValue, 10]], asOf);
  expect([0, 10]).toContain(score);
  return score === 10;
}

const LEADS = [
  ["Company", "Industry", "Employees", "Budget", "Opted in", "Last contact"],
  ["Acme", "Manufacturing", 500, "¥3.5万", true, serial(2025, 2, 20)],
  ["Beta", "Retail", 20, 1000, false, serial(2024, 11, 1)],
  ["Gamma", "manufacturing ", "1,200", "", "是", ""],
];

const RULES = [
  ["Field", "Operator", "Value", "Points"],
  ["Industry", "=", "Manufacturing", 20],
  ["Employees", ">=", 100, 15],
  ["Budget", ">", 30000, 25],
  ["Opted in", "=", "是", 5],
  ["Last contact", "within days", 30, 10],
  ["Last contact", "older than days", 90, -10],
];

describe("LEADSCORE basics", () => {
  test("scores every lead in order with a header row in records", () => {
    const out = leadScore(LEADS, RULES, null as any, AS_OF);
    expectCleanMatrix(out);
    // Acme: 20 + 15 + 25 + 5 + 10 = 75; Beta: older than 90 days → -10; Gamma: 20 + 15 + 5 = 40
    expect(out).toEqual([[75], [-10], [40]]);
  });

  test("with headers every row of records is a lead", () => {
    const out = leadScore(LEADS.slice(1), RULES, [LEADS[0]], AS_OF);
    expect(out).toEqual([[75], [-10], [40]]);
  });

  test("a single lead gives a single number", () => {
    const out = leadScore([LEADS[1]], RULES, [LEADS[0]], AS_OF);
    expect(out).toEqual([[75]]);
  });

  test("headers not as wide as records is #VALUE!", () => {
    expectThrows(() => leadScore(LEADS.slice(1), RULES, [LEADS[0].slice(1)], AS_OF), "#VALUE!");
  });

  test("rules without a header row are all used", () => {
    expect(leadScore(LEADS, RULES.slice(1), null as any, AS_OF)).toEqual([[75], [-10], [40]]);
  });

  test("a first rule row with a blank points cell is a header row", () => {
    // "Field" is not a header name: if this row were read as a rule it would be an unknown field.
    const rules = [["Field", "Operator", "Value", ""], ...RULES.slice(1)];
    expect(leadScore(LEADS, rules, null as any, AS_OF)).toEqual([[75], [-10], [40]]);
  });

  test("a later rule whose points is not a number is #VALUE!", () => {
    const rules = [...RULES, ["Industry", "=", "Retail", "lots"]];
    expectThrows(() => leadScore(LEADS, rules, null as any, AS_OF), "#VALUE!");
    const blankPoints = [...RULES, ["Industry", "=", "Retail", ""]];
    expectThrows(() => leadScore(LEADS, blankPoints, null as any, AS_OF), "#VALUE!");
  });

  test("numeric text points are numbers", () => {
    expect(scoreOne({ A: "x" }, [["A", "=", "x", "12"]])).toBe(12);
  });

  test("rule rows with a blank field are skipped (whatever else they hold)", () => {
    const rules = [
      ...RULES,
      ["", "bogus-operator", "x", 99],
      [null, "=", "x", 5],
      ["  ", "=", "x", 5],
      [0, "=", "x", 5],
    ];
    expect(leadScore(LEADS, rules, null as any, AS_OF)).toEqual([[75], [-10], [40]]);
  });

  test("rules with fewer than 4 or more than 6 columns are #VALUE!", () => {
    expectThrows(() => leadScore(LEADS, [["Industry", "=", "Retail"]], null as any, AS_OF), "#VALUE!");
    expectThrows(
      () => leadScore(LEADS, [["Industry", "=", "Retail", 5, "", "", "extra"]], null as any, AS_OF),
      "#VALUE!",
    );
  });

  test("5- and 6-column rule tables are accepted", () => {
    expect(leadScore(LEADS, [["Industry", "=", "Retail", 5, ""]], null as any, AS_OF)).toEqual([[0], [5], [0]]);
    expect(leadScore(LEADS, [["Industry", "=", "Retail", 5, "", ""]], null as any, AS_OF)).toEqual([[0], [5], [0]]);
  });

  test("unknown field names the field", () => {
    const rules = [...RULES, ["Revenue", ">", 5, 5]];
    expectThrows(() => leadScore(LEADS, rules, null as any, AS_OF), "#VALUE!", '"Revenue"');
  });

  test("unknown operator names the operator", () => {
    const rules = [...RULES, ["Industry", "resembles", "x", 5]];
    expectThrows(() => leadScore(LEADS, rules, null as any, AS_OF), "#VALUE!", '"resembles"');
  });

  test("field names match by text equality (NFKC, trim, case, spaces)", () => {
    const records = [
      ["ＶＩＰ  Level", " Opted   In "],
      ["gold", true],
    ];
    expect(
      leadScore(
        records,
        [
          ["vip level", "=", "GOLD", 3],
          ["opted in", "=", "yes", 4],
        ],
        null as any,
        AS_OF,
      ),
    ).toEqual([[7]]);
  });

  test("rows of records may be a single field column", () => {
    const records = col("Industry", "Retail", "Retail", "Other");
    expect(leadScore(records, [["Industry", "=", "retail", 1]], null as any, AS_OF)).toEqual([[1], [1], [0]]);
  });

  test("as_of accepts a text date", () => {
    const rules = [["Last contact", "within days", 30, 10]];
    expect(leadScore(LEADS, rules, null as any, "2025-03-01")).toEqual([[10], [0], [0]]);
    expect(leadScore(LEADS, rules, null as any, "2025年3月1日")).toEqual([[10], [0], [0]]);
  });

  test("an omitted as_of is today's local date", () => {
    const today = todaySerial();
    const records = col("Last contact", today - 3, today - 10);
    expect(leadScore(records, [["Last contact", "within days", 5, 1]], null as any, null)).toEqual([[1], [0]]);
  });

  test("an error value in a lead's cell makes that lead's score the same error", () => {
    const records = [
      ["Industry", "Employees"],
      ["Retail", 5],
      ["Retail", xlErr("#N/A")],
      ["Retail", 50],
    ];
    const out = leadScore(
      records,
      [
        ["Industry", "=", "Retail", 1],
        ["Employees", ">", 10, 2],
      ],
      null as any,
      AS_OF,
    );
    expect(out).toHaveLength(3);
    expect(out[0][0]).toBe(1);
    expectErrorCell(out[1][0], "#N/A");
    expect(out[2][0]).toBe(3);
  });
});

describe("LEADSCORE operators", () => {
  test.each([
    ["=", "=="],
    ["=", "is"],
    ["=", "equals"],
    ["=", "等于"],
    ["=", "是"],
    ["=", " EQUALS "],
  ])("%s alias %s", (_canonical, op) => {
    expect(matches("Retail", op, "retail")).toBe(true);
    expect(matches("Retail", op, "Other")).toBe(false);
  });

  test.each(["<>", "!=", "is not", "不等于", "不是", "IS  NOT"])("not-equal alias %s", (op) => {
    expect(matches("Retail", op, "Other")).toBe(true);
    expect(matches("Retail", op, "RETAIL")).toBe(false);
  });

  test.each([">", "大于"])("greater alias %s", (op) => {
    expect(matches(11, op, 10)).toBe(true);
    expect(matches(10, op, 10)).toBe(false);
  });

  test.each([">=", "≥", "大于等于", "不少于"])("greater-or-equal alias %s", (op) => {
    expect(matches(10, op, 10)).toBe(true);
    expect(matches(9.99, op, 10)).toBe(false);
  });

  test.each(["<", "小于"])("less alias %s", (op) => {
    expect(matches(9, op, 10)).toBe(true);
    expect(matches(10, op, 10)).toBe(false);
  });

  test.each(["<=", "≤", "小于等于", "不超过"])("less-or-equal alias %s", (op) => {
    expect(matches(10, op, 10)).toBe(true);
    expect(matches(10.01, op, 10)).toBe(false);
  });

  test.each(["between", "介于", "BETWEEN"])("between alias %s is inclusive and accepts .. ~ ～", (op) => {
    for (const range of ["10..20", "10~20", "10～20", "10 .. 20"]) {
      expect(matches(10, op, range)).toBe(true);
      expect(matches(20, op, range)).toBe(true);
      expect(matches(15, op, range)).toBe(true);
      expect(matches(9.5, op, range)).toBe(false);
      expect(matches(20.5, op, range)).toBe(false);
    }
  });

  test("between parses numbers with units on both ends", () => {
    expect(matches("¥5万", "between", "1万..10万")).toBe(true);
    expect(matches(200000, "介于", "1万~10万")).toBe(false);
  });

  test.each(["contains", "包含"])("contains alias %s (normalized text)", (op) => {
    expect(matches("Big Ｍanufacturing Co", op, "manufacturing")).toBe(true);
    expect(matches("Retail", op, "manu")).toBe(false);
  });

  test.each(["not contains", "不包含"])("not contains alias %s", (op) => {
    expect(matches("Retail", op, "manu")).toBe(true);
    expect(matches("Manufacturing", op, "MANU")).toBe(false);
  });

  test.each(["starts with", "开头是"])("starts with alias %s", (op) => {
    expect(matches("北京分公司", op, "北京")).toBe(true);
    expect(matches("Acme Corp", op, "acme")).toBe(true);
    expect(matches("上海北京", op, "北京")).toBe(false);
  });

  test.each(["ends with", "结尾是"])("ends with alias %s", (op) => {
    expect(matches("Acme Corp", op, "CORP")).toBe(true);
    expect(matches("Corp Acme", op, "corp")).toBe(false);
  });

  test.each(["in", "属于"])("in alias %s splits on , ， ; ； 、 |", (op) => {
    const list = "Retail，Finance;Energy；医疗、教育|Manufacturing, Services";
    for (const v of ["retail", "Finance", "ENERGY", "医疗", "教育", "manufacturing", "services"]) {
      expect(matches(v, op, list)).toBe(true);
    }
    expect(matches("Mining", op, list)).toBe(false);
    // A list item is a whole value, not a substring.
    expect(matches("Retai", op, list)).toBe(false);
  });

  test("in compares numbers numerically", () => {
    expect(matches(3, "in", "1,2,3")).toBe(true);
    expect(matches("2.0", "in", "1;2;3")).toBe(true);
    expect(matches(4, "in", "1、2、3")).toBe(false);
  });

  test.each(["not in", "不属于"])("not in alias %s", (op) => {
    expect(matches("Mining", op, "Retail, Finance")).toBe(true);
    expect(matches("finance", op, "Retail, Finance")).toBe(false);
  });

  test.each(["blank", "is blank", "为空"])("blank alias %s: null, empty and whitespace are blank", (op) => {
    expect(matches(null, op, "")).toBe(true);
    expect(matches("", op, "")).toBe(true);
    expect(matches("   ", op, "")).toBe(true);
    expect(matches("\t", op, null)).toBe(true);
    expect(matches("x", op, "")).toBe(false);
    // 0 in a data field is a number, not a blank (rule 1 applies only to text-only fields).
    expect(matches(0, op, "")).toBe(false);
  });

  test.each(["not blank", "is not blank", "不为空", "非空"])("not blank alias %s", (op) => {
    expect(matches("x", op, "")).toBe(true);
    expect(matches(0, op, "")).toBe(true);
    expect(matches(false, op, "")).toBe(true);
    expect(matches("  ", op, "")).toBe(false);
    expect(matches(null, op, "")).toBe(false);
  });

  test.each(["within days", "天内"])("within days alias %s: 0 ≤ as_of − date ≤ value", (op) => {
    expect(matches(AS_OF, op, 30)).toBe(true);
    expect(matches(AS_OF - 30, op, 30)).toBe(true);
    expect(matches(AS_OF - 31, op, 30)).toBe(false);
    // Future dates are not "within the last days".
    expect(matches(AS_OF + 1, op, 30)).toBe(false);
    // Time of day is dropped.
    expect(matches(AS_OF - 30 + 0.9, op, 30)).toBe(true);
    expect(matches(AS_OF + 0.5, op, 0)).toBe(true);
    // Text dates are dates.
    expect(matches("2025-02-15", op, 30)).toBe(true);
    expect(matches("2025/01/01", op, 30)).toBe(false);
    // Non-dates never match.
    expect(matches("soon", op, 30)).toBe(false);
    expect(matches(null, op, 30)).toBe(false);
  });

  test.each(["older than days", "超过天数"])("older than days alias %s: as_of − date > value", (op) => {
    expect(matches(AS_OF - 91, op, 90)).toBe(true);
    expect(matches(AS_OF - 90, op, 90)).toBe(false);
    expect(matches(AS_OF, op, 90)).toBe(false);
    expect(matches("2024.11.01", op, 90)).toBe(true);
    expect(matches("2024年11月1日", op, 90)).toBe(true);
    expect(matches("long ago", op, 90)).toBe(false);
    expect(matches("", op, 90)).toBe(false);
  });

  test("Chinese operators and aliases are normalized (full-width, case, spaces)", () => {
    expect(matches(12, "＞", 10)).toBe(true);
    expect(matches(10, "＞＝", 10)).toBe(true);
    expect(matches("abc", " Not   Contains ", "x")).toBe(true);
  });
});

describe("LEADSCORE comparison rules", () => {
  test("yes/no values compare as booleans for = <> in not in", () => {
    expect(matches(true, "=", "是")).toBe(true);
    expect(matches("Y", "=", true)).toBe(true);
    expect(matches("已确认", "=", "yes")).toBe(true);
    expect(matches("✓", "=", "TRUE")).toBe(true);
    expect(matches(false, "=", "否")).toBe(true);
    expect(matches("没有", "=", "no")).toBe(true);
    expect(matches(true, "=", "no")).toBe(false);
    expect(matches(true, "<>", "否")).toBe(true);
    expect(matches("√", "<>", "yes")).toBe(false);
    expect(matches(true, "in", "是, 对")).toBe(true);
    expect(matches("n", "in", "yes|true")).toBe(false);
    expect(matches(false, "not in", "是")).toBe(true);
  });

  test("numbers compare numerically, including numeric text on either side", () => {
    expect(matches(9, "<", "10")).toBe(true); // text comparison would say "9" > "10"
    expect(matches("9", "<", 10)).toBe(true);
    expect(matches("1,200", "=", 1200)).toBe(true);
    expect(matches(1200, "=", "1，200")).toBe(true);
    expect(matches("¥3.5万", "=", 35000)).toBe(true);
    expect(matches("¥3.5万", ">", "3万")).toBe(true);
    expect(matches("15%", "=", 0.15)).toBe(true);
    expect(matches("2k", "=", 2000)).toBe(true);
    expect(matches("2K", "=", 2000)).toBe(true);
    expect(matches("1.5M", "=", 1500000)).toBe(true);
    expect(matches("2亿", "=", 200000000)).toBe(true);
    expect(matches("$1,234.50", "=", 1234.5)).toBe(true);
    expect(matches("€10", "=", 10)).toBe(true);
    expect(matches("£10", "=", 10)).toBe(true);
    expect(matches("￥10", "=", 10)).toBe(true);
    expect(matches("-¥5", "<", 0)).toBe(true);
    expect(matches("+5", "=", 5)).toBe(true);
    expect(matches(100, "=", "100.00")).toBe(true);
    expect(matches(" 12 ", "=", 12)).toBe(true);
    // Full-width digits and separators (Chinese IME input) are the same number after NFKC.
    expect(matches("１，２００", "=", 1200)).toBe(true);
  });

  test("TRUE/FALSE are not numbers", () => {
    expect(matches(true, "=", 1)).toBe(false);
    expect(matches(false, "=", 0)).toBe(false);
  });

  test("text date rule values compare with date cells as dates", () => {
    expect(matches(serial(2025, 2, 1), ">", "2025-01-01")).toBe(true);
    expect(matches(serial(2024, 12, 31), ">", "2025-01-01")).toBe(false);
    expect(matches(serial(2025, 1, 1), "=", "2025/01/01")).toBe(true);
    expect(matches(serial(2025, 1, 1), ">=", "2025年1月1日")).toBe(true);
    expect(matches(serial(2025, 1, 1), "<", "2025.01.02")).toBe(true);
  });

  test("other texts compare normalized, > and < by code point of the normalized text", () => {
    expect(matches("B", ">", "a")).toBe(true); // raw code points would say "B" < "a"
    expect(matches("apple", "<", "Banana")).toBe(true);
    expect(matches("ＶＩＰ", "=", "vip")).toBe(true);
    expect(matches(" 谈判签约", "=", "谈判签约")).toBe(true);
    expect(matches("Key   Account", "=", "key account")).toBe(true);
  });

  test("a blank cell matches only blank", () => {
    for (const blank of [null, "", "  "]) {
      expect(matches(blank, "<>", "x")).toBe(false);
      expect(matches(blank, "not contains", "x")).toBe(false);
      expect(matches(blank, "not in", "a,b")).toBe(false);
      expect(matches(blank, "<", 10)).toBe(false);
      expect(matches(blank, "=", "")).toBe(false);
      expect(matches(blank, "older than days", 1)).toBe(false);
      expect(matches(blank, "blank", "")).toBe(true);
    }
  });
});

describe("LEADSCORE groups and caps", () => {
  const records = [
    ["Visits", "Downloads", "Webinar"],
    [10, 5, "yes"],
    [1, 0, "no"],
  ];

  test("a group's matched points are capped by the first non-blank cap of any of its rules", () => {
    const rules = [
      ["field", "operator", "value", "points", "group", "cap"],
      ["Visits", ">", 3, 20, "engagement", ""],
      ["Downloads", ">", 2, 20, "engagement", 30],
      ["Webinar", "=", "yes", 15, "engagement", 99],
      ["Visits", ">", 0, 7, "", ""],
    ];
    const out = leadScore(records, rules, null as any, AS_OF);
    // Lead 1: engagement 55 capped at 30, + 7; lead 2: engagement 0, + 7
    expect(out).toEqual([[37], [7]]);
  });

  test("the cap comes from an unmatched rule too", () => {
    const rules = [
      ["Visits", ">", 100, 50, "g", 10],
      ["Visits", ">", 3, 20, "g", ""],
    ];
    expect(leadScore(records, rules, null as any, AS_OF)).toEqual([[10], [0]]);
  });

  test("group names are compared by text equality", () => {
    const rules = [
      ["Visits", ">", 3, 20, "Engagement", 25],
      ["Downloads", ">", 2, 20, " ENGAGEMENT ", ""],
    ];
    expect(leadScore(records, rules, null as any, AS_OF)).toEqual([[25], [0]]);
  });

  test("a group without cap has no limit; several groups are capped separately", () => {
    const rules = [
      ["Visits", ">", 3, 20, "a", ""],
      ["Downloads", ">", 2, 20, "a", ""],
      ["Visits", ">", 3, 20, "b", 5],
      ["Downloads", ">", 2, 20, "b", ""],
    ];
    expect(leadScore(records, rules, null as any, AS_OF)).toEqual([[45], [0]]);
  });

  test("negative points: a cap only limits from above", () => {
    const rules = [
      ["Visits", "<", 3, -20, "g", 10],
      ["Webinar", "=", "no", -5, "g", ""],
      ["Visits", ">=", 0, 4, "", ""],
    ];
    expect(leadScore(records, rules, null as any, AS_OF)).toEqual([[4], [-21]]);
  });

  test("cap 0 is allowed; a negative cap is #NUM!", () => {
    const zeroCap = [["Visits", ">", 3, 20, "g", 0]];
    expect(leadScore(records, zeroCap, null as any, AS_OF)).toEqual([[0], [0]]);
    const negative = [["Visits", ">", 3, 20, "g", -1]];
    expectThrows(() => leadScore(records, negative, null as any, AS_OF), "#NUM!");
  });
});
