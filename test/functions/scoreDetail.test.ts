/* eslint-disable @typescript-eslint/no-explicit-any */
import { leadScore, scoreDetail } from "../../src/functions/functions";
import { expectCleanMatrix, expectErrorCell, expectThrows, serial, xlErr } from "./helpers";

const AS_OF = serial(2025, 3, 1);

const LEADS = [
  ["Company", "Industry", "Employees", "Status"],
  ["Acme", "Manufacturing", 500, "Cold"],
  ["Beta", "Retail", 20, "Warm"],
  ["Gamma", "Mining", 5, ""],
];

describe("SCOREDETAIL", () => {
  test("lists matched rules in rule order as `field operator value (+points)` joined by '; '", () => {
    const rules = [
      ["Field", "Operator", "Value", "Points"],
      ["Industry", "=", "Manufacturing", 20],
      ["Employees", ">=", 100, 15],
      ["Status", "=", "Cold", -10],
    ];
    const out = scoreDetail(LEADS, rules, null as any, AS_OF);
    expectCleanMatrix(out);
    expect(out).toEqual([["Industry = Manufacturing (+20); Employees >= 100 (+15); Status = Cold (-10)"], [""], [""]]);
  });

  test("no match gives an empty string, never null", () => {
    const out = scoreDetail(LEADS, [["Industry", "=", "Energy", 5]], null as any, AS_OF);
    expect(out).toEqual([[""], [""], [""]]);
  });

  test("rule order, not field order, decides the order of the parts", () => {
    const rules = [
      ["Status", "=", "Warm", 3],
      ["Company", "=", "Beta", 1],
    ];
    expect(scoreDetail(LEADS, rules, null as any, AS_OF)[1][0]).toBe("Status = Warm (+3); Company = Beta (+1)");
  });

  // Reading of the spec: field, operator and value are shown as the user wrote them in the rule table
  // (trimmed), so a Chinese rule table produces a Chinese explanation.
  test("Chinese rules are shown as written", () => {
    const records = [
      ["公司", "行业", "预算"],
      ["甲公司", "制造业", "¥50万"],
    ];
    const rules = [
      ["字段", "运算符", "值", "分数"],
      ["行业", "等于", "制造业", 20],
      ["预算", "大于", "¥10万", 30],
    ];
    expect(scoreDetail(records, rules, null as any, AS_OF)).toEqual([
      ["行业 等于 制造业 (+20); 预算 大于 ¥10万 (+30)"],
    ]);
  });

  // Reading of the spec: a rule without a value (blank / not blank) shows no value and no double space.
  test("value-less operators show `field operator (+points)`", () => {
    const records = [
      ["Phone", "Email"],
      ["", "a@b.c"],
    ];
    const rules = [
      ["Phone", "blank", "", 5],
      ["Email", "不为空", null, 2],
    ];
    expect(scoreDetail(records, rules, null as any, AS_OF)).toEqual([["Phone blank (+5); Email 不为空 (+2)"]]);
  });

  test("range and list values are shown as written", () => {
    const records = [
      ["Budget", "Region"],
      ["¥5万", "华东"],
    ];
    const rules = [
      ["Budget", "between", "1万..10万", 3],
      ["Region", "in", "华东、华北", 4],
    ];
    expect(scoreDetail(records, rules, null as any, AS_OF)).toEqual([
      ["Budget between 1万..10万 (+3); Region in 华东、华北 (+4)"],
    ]);
  });

  test("decimal points keep their decimals", () => {
    const out = scoreDetail(LEADS, [["Industry", "=", "Retail", 2.5]], null as any, AS_OF);
    expect(out[1][0]).toBe("Industry = Retail (+2.5)");
  });

  test("a cap that cut a group is appended as `; cap group (-cut)`", () => {
    const rules = [
      ["field", "operator", "value", "points", "group", "cap"],
      ["Industry", "=", "Manufacturing", 20, "fit", 25],
      ["Employees", ">", 100, 15, "fit", ""],
      ["Status", "=", "Cold", -10, "", ""],
    ];
    const detail = scoreDetail(LEADS, rules, null as any, AS_OF);
    expect(detail[0][0]).toBe(
      "Industry = Manufacturing (+20); Employees > 100 (+15); Status = Cold (-10); cap fit (-10)",
    );
    // A group that stays under its cap gets no cap note.
    const beta = scoreDetail([LEADS[0], ["Beta", "Manufacturing", 20, ""]], rules, null as any, AS_OF);
    expect(beta).toEqual([["Industry = Manufacturing (+20)"]]);
    // Consistency with LEADSCORE: 20 + 15 - 10 - 10 = 15
    expect(leadScore(LEADS, rules, null as any, AS_OF)[0][0]).toBe(15);
  });

  test("several cut groups each get their note, in rule order of the groups", () => {
    const rules = [
      ["Industry", "=", "Manufacturing", 20, "a", 5],
      ["Employees", ">", 100, 15, "b", 10],
    ];
    expect(scoreDetail(LEADS, rules, null as any, AS_OF)[0][0]).toBe(
      "Industry = Manufacturing (+20); Employees > 100 (+15); cap a (-15); cap b (-5)",
    );
  });

  test("with headers every row is a lead; single lead → single text", () => {
    const out = scoreDetail([LEADS[2]], [["Company", "=", "beta", 1]], [LEADS[0]], AS_OF);
    expect(out).toEqual([["Company = beta (+1)"]]);
  });

  test("shares LEADSCORE's errors", () => {
    expectThrows(() => scoreDetail(LEADS, [["Nope", "=", 1, 1]], null as any, AS_OF), "#VALUE!", '"Nope"');
    expectThrows(() => scoreDetail(LEADS, [["Industry", "≈", 1, 1]], null as any, AS_OF), "#VALUE!", '"≈"');
    expectThrows(() => scoreDetail(LEADS, [["Industry", "=", 1, 1, "g", -5]], null as any, AS_OF), "#NUM!");
  });

  test("an error value in a lead's cell makes that lead's text the same error", () => {
    const records = [["Industry"], [xlErr("#DIV/0!")], ["Retail"]];
    const out = scoreDetail(records, [["Industry", "=", "Retail", 1]], null as any, AS_OF);
    expectErrorCell(out[0][0], "#DIV/0!");
    expect(out[1][0]).toBe("Industry = Retail (+1)");
  });
});
