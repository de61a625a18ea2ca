/* eslint-disable @typescript-eslint/no-explicit-any */
import { funnel } from "../../src/functions/functions";
import { col, expectCleanMatrix, expectTable, expectThrows, row, withDisplayLanguage, xlErr } from "./helpers";

const ORDER = col("Lead", "Qualified", "Proposal", "Negotiation");
const HEADER_EN = ["Stage", "Count", "Reached", "Step conversion", "Cumulative conversion"];

// Lead ×4, Qualified ×3, Proposal ×2, Negotiation ×1, shuffled
const SIMPLE = [
  "Lead",
  "Qualified",
  "Lead",
  "Proposal",
  "Negotiation",
  "Qualified",
  "Lead",
  "Proposal",
  "Qualified",
  "Lead",
];

// stage, outcome, amount — see the expected table below for how each row counts
const DEALS: [unknown, unknown, unknown][] = [
  ["Lead", "open", 100],
  ["Lead", "lost", 50],
  ["Qualified", "", 200],
  ["Qualified", "Lost", 70],
  ["Proposal", null, "¥1万"],
  ["Negotiation", "won", 5000],
  ["", "Won", 3000], // won with a blank stage: reached every stage
  ["Lead", "win", 1000], // won at an early stage still reached every stage
  ["报价", "open", 400], // unknown stage → (unmatched)
  ["报价", "lost", 600], // unknown stage, lost → (unmatched)
  ["", "lost", 999], // blank stage, not won → ignored
  ["Proposal", "Closed   Won", null], // blank amount = 0
  [0, "open", 5], // 0 in a text-only field is blank → ignored
];
const stages = col(...DEALS.map((d) => d[0]));
const outcomes = col(...DEALS.map((d) => d[1]));
const amounts = col(...DEALS.map((d) => d[2]));

const FULL_EN = [
  ["Stage", "Count", "Reached", "Step conversion", "Cumulative conversion", "Lost", "Amount"],
  ["Lead", 1, 9, "", 1, 1, 100],
  ["Qualified", 1, 7, 7 / 9, 7 / 9, 1, 200],
  ["Proposal", 1, 5, 5 / 7, 5 / 9, 0, 10000],
  ["Negotiation", 0, 4, 4 / 5, 4 / 9, 0, 0],
  ["Won", 4, 4, 1, 4 / 9, "", 9000],
  ["(unmatched)", 2, "", "", "", "", 1000],
];

describe("FUNNEL without outcomes", () => {
  test("count, reached, step and cumulative conversion with a header row", () => {
    expectTable(funnel(col(...SIMPLE), ORDER, null as any, null as any, null), [
      HEADER_EN,
      ["Lead", 4, 10, "", 1],
      ["Qualified", 3, 6, 0.6, 0.6],
      ["Proposal", 2, 3, 0.5, 0.3],
      ["Negotiation", 1, 1, 1 / 3, 0.1],
    ]);
  });

  test("show_headers FALSE drops the header row; TRUE keeps it", () => {
    const out = funnel(col(...SIMPLE), ORDER, null as any, null as any, false);
    expect(out).toHaveLength(4);
    expect(out[0][0]).toBe("Lead");
    expect(funnel(col(...SIMPLE), ORDER, null as any, null as any, true)[0]).toEqual(HEADER_EN);
  });

  test("stages and stage_order may be rows", () => {
    const out = funnel(
      row(...SIMPLE),
      row("Lead", "Qualified", "Proposal", "Negotiation"),
      null as any,
      null as any,
      null,
    );
    expect(out.map((r) => r[2])).toEqual(["Reached", 10, 6, 3, 1]);
  });

  test("amounts add an Amount column: sum over the records in Count", () => {
    const amts = col(1, 2, 3, "4", "¥1万", "", null, 8, 9, 10);
    expectTable(funnel(col(...SIMPLE), ORDER, amts, null as any, null), [
      [...HEADER_EN, "Amount"],
      ["Lead", 4, 10, "", 1, 1 + 3 + 0 + 10],
      ["Qualified", 3, 6, 0.6, 0.6, 2 + 0 + 9],
      ["Proposal", 2, 3, 0.5, 0.3, 4 + 8],
      ["Negotiation", 1, 1, 1 / 3, 0.1, 10000],
    ]);
  });

  test("unknown stages go to a last (unmatched) row; blank stages are ignored", () => {
    const st = col("Lead", "Other", "", "Qualified", " ", "other", null, 0);
    const am = col(1, 2, 4, 8, 16, 32, 64, 128);
    expectTable(funnel(st, col("Lead", "Qualified"), am, null as any, null), [
      [...HEADER_EN, "Amount"],
      ["Lead", 1, 2, "", 1, 1],
      ["Qualified", 1, 1, 0.5, 0.5, 8],
      ["(unmatched)", 2, "", "", "", 34],
    ]);
  });

  test("no (unmatched) row when every stage is known", () => {
    const out = funnel(col(...SIMPLE), ORDER, null as any, null as any, null);
    expect(out.map((r) => r[0])).not.toContain("(unmatched)");
  });

  test("stage names match by text equality and are shown as written in stage_order", () => {
    const order = col("线索", "商机", "谈判签约");
    const st = col(" 谈判签约", "线索", "商机 ", "ＬＥＡＤ", "谈判签约");
    expectTable(funnel(st, col("线索", "商机", "谈判签约", "lead"), null as any, null as any, false), [
      ["线索", 1, 5, "", 1],
      ["商机", 1, 4, 0.8, 0.8],
      ["谈判签约", 2, 3, 0.75, 0.6],
      ["lead", 1, 1, 1 / 3, 0.2],
    ]);
    expect(funnel(st.slice(0, 3), order, null as any, null as any, false)[2][0]).toBe("谈判签约");
  });

  test("blank cells in stage_order are skipped", () => {
    const out = funnel(col("A", "B"), col("A", "", null, "B", 0), null as any, null as any, false);
    expect(out.map((r) => r[0])).toEqual(["A", "B"]);
  });

  test("zero reached on the first stage leaves conversions empty", () => {
    expectTable(funnel(col("x", "y"), col("A", "B"), null as any, null as any, false), [
      ["A", 0, 0, "", ""],
      ["B", 0, 0, "", ""],
      ["(unmatched)", 2, "", "", ""],
    ]);
  });
});

describe("FUNNEL with outcomes", () => {
  test("full table: Lost and Amount columns, Won row, (unmatched) row last", () => {
    expectTable(funnel(stages, ORDER, amounts, outcomes, null), FULL_EN);
  });

  test("without amounts there is no Amount column; the Won row has Lost empty", () => {
    const out = funnel(stages, ORDER, null as any, outcomes, true);
    expectTable(
      out,
      FULL_EN.map((r) => r.slice(0, 6)),
    );
  });

  test("a step into a stage nobody reached and empty won: conversions that divide by 0 are empty", () => {
    expectTable(funnel(col("A", "A"), col("A", "B", "C"), null as any, col("lost", "lost"), false), [
      ["A", 0, 2, "", 1, 2],
      ["B", 0, 0, 0, 0, 0],
      ["C", 0, 0, "", 0, 0],
      ["Won", 0, 0, "", 0, ""],
    ]);
  });

  test("Chinese outcome words and data", () => {
    const order = col("线索", "商机", "谈判签约");
    const st = col("线索", "商机", "谈判签约", "商机", "线索", "谈判签约", "线索", "商机", "线索", "谈判签约");
    const oc = col("赢单", "输单", "进行中", "成交", "丢单", "失败", "跟进中", "已成交", "输", "赢");
    // won: rows 1,4,8,10 → 4; lost: 线索 rows 5,9; 商机 row 2; 谈判签约 row 6
    // open: 谈判签约 row 3; 线索 row 7
    expectTable(funnel(st, order, null as any, oc, false), [
      ["线索", 1, 10, "", 1, 2],
      ["商机", 0, 7, 0.7, 0.7, 1],
      ["谈判签约", 1, 6, 6 / 7, 0.6, 1],
      ["Won", 4, 4, 4 / 6, 0.4, ""],
    ]);
  });

  test("a won record with a stage outside stage_order is won, not unmatched", () => {
    expectTable(funnel(col("A", "报价", "报价"), col("A", "B"), col(1, 10, 100), col("open", "won", "lost"), false), [
      ["A", 1, 2, "", 1, 0, 1],
      ["B", 0, 1, 0.5, 0.5, 0, 0],
      ["Won", 1, 1, 1, 0.5, "", 10],
      ["(unmatched)", 1, "", "", "", "", 100],
    ]);
  });

  test("0 as an outcome is blank (open)", () => {
    expectTable(funnel(col("A", "B"), col("A", "B"), null as any, col(0, "won"), false), [
      ["A", 1, 2, "", 1, 0],
      ["B", 0, 1, 0.5, 0.5, 0],
      ["Won", 1, 1, 1, 0.5, ""],
    ]);
  });

  test("zh-CN display language localizes header and row labels, not stage names", () => {
    const out = withDisplayLanguage("zh-CN", () => funnel(stages, ORDER, amounts, outcomes, null));
    expectTable(out, [
      ["阶段", "当前数量", "到达数量", "阶段转化率", "累计转化率", "流失数量", "金额"],
      ...FULL_EN.slice(1, 5),
      ["赢单", 4, 4, 1, 4 / 9, "", 9000],
      ["(未匹配)", 2, "", "", "", "", 1000],
    ]);
    expect((globalThis as any).Office).toBeUndefined();
    // Back to English once Office is gone
    expect(funnel(stages, ORDER, amounts, outcomes, null)[0][0]).toBe("Stage");
  });

  test("any Chinese display language (zh-TW too) gives Chinese labels", () => {
    const out = withDisplayLanguage("zh-TW", () => funnel(stages, ORDER, null as any, outcomes, null));
    expect(out[0][0]).toBe("阶段");
    expect(out[5][0]).toBe("赢单");
  });

  test("other display languages stay English", () => {
    const out = withDisplayLanguage("en-US", () => funnel(stages, ORDER, amounts, outcomes, null));
    expect(out[0][0]).toBe("Stage");
    const fr = withDisplayLanguage("fr-FR", () => funnel(stages, ORDER, amounts, outcomes, null));
    expect(fr[5][0]).toBe("Won");
  });
});

describe("FUNNEL errors", () => {
  test("duplicate stage names in stage_order (by text equality) are #VALUE!", () => {
    expectThrows(
      () => funnel(col("A"), col("Lead", "Won?", " lead "), null as any, null as any, null),
      "#VALUE!",
      "lead",
    );
  });

  test("inputs describing the same records must have the same number of cells", () => {
    expectThrows(() => funnel(col("A", "B"), col("A", "B"), col(1, 2, 3), null as any, null), "#VALUE!");
    expectThrows(() => funnel(col("A", "B"), col("A", "B"), null as any, col("won"), null), "#VALUE!");
  });

  test("an amount that is not a number is #VALUE!", () => {
    expectThrows(() => funnel(col("A", "B"), col("A", "B"), col(1, "lots"), null as any, null), "#VALUE!", "lots");
  });

  test("an unknown outcome word is #VALUE! naming it", () => {
    expectThrows(
      () => funnel(col("A", "B"), col("A", "B"), null as any, col("won", "maybe"), null),
      "#VALUE!",
      "maybe",
    );
  });

  test("an error value in the data is #VALUE! (aggregating function)", () => {
    expectThrows(() => funnel(col("A", xlErr("#N/A")), col("A", "B"), null as any, null as any, null), "#VALUE!");
    expectThrows(() => funnel(col("A", "B"), col("A", "B"), col(1, xlErr("#DIV/0!")), null as any, null), "#VALUE!");
  });

  test("results never contain null", () => {
    expectCleanMatrix(funnel(stages, ORDER, amounts, outcomes, null));
  });
});
