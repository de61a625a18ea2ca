import type { CellValue } from "../../src/excel/types";
import { detectColumns, headerKey, matchStageEntry, valueEvidence } from "../../src/mapping";

const columnsOf = (d: ReturnType<typeof detectColumns>) =>
  Object.fromEntries(Object.entries(d.roles).map(([r, m]) => [r, m!.column]));

describe("header normalisation", () => {
  test("camelCase, ALL CAPS, underscores, dots, hyphens, full-width and spacing compare equal", () => {
    const variants = [
      "StageName",
      "Stage Name",
      "STAGENAME",
      "stage_name",
      "Stage-Name",
      "Ｓｔａｇｅ　Ｎａｍｅ",
      "  stage   name  ",
      "Stage_Name__c",
    ];
    for (const v of variants) expect(headerKey(v).compact).toBe("stagename");
    for (const v of variants) {
      const d = detectColumns([v, "Amount"]);
      expect(d.roles.stage).toMatchObject({ column: v, how: "exact", confidence: "high", score: 1 });
    }
  });

  test("Owner.Name and OwnerID split into words", () => {
    expect(headerKey("Owner.Name").tokens).toEqual(["owner", "name"]);
    expect(headerKey("OwnerID").tokens).toEqual(["owner", "id"]);
    expect(headerKey("LastActivityDate").tokens).toEqual(["last", "activity", "date"]);
  });

  test("a unit or currency in brackets is not part of the name", () => {
    const d = detectColumns(["Amount (USD)", "预算（万元）", "Probability (%)"]);
    expect(columnsOf(d)).toEqual({ amount: "Amount (USD)", budget: "预算（万元）", probability: "Probability (%)" });
    expect(d.roles.amount!.how).toBe("exact");
  });
});

describe("exact names before contains-matches", () => {
  test("a header containing a role name is found, with low confidence", () => {
    const d = detectColumns(["Deal Stage (current)", "Company"]);
    expect(d.roles.stage).toMatchObject({ column: "Deal Stage (current)", how: "contains", confidence: "low" });
    expect(d.roles.stage!.score).toBeLessThan(0.75);
  });

  test("an exact name wins over a header that contains one, which stays a candidate", () => {
    const d = detectColumns(["Deal Stage (current)", "Stage"]);
    expect(d.roles.stage!.column).toBe("Stage");
    expect(d.candidates.stage!.map((c) => c.column)).toEqual(["Stage", "Deal Stage (current)"]);
    expect(d.ambiguities).toEqual([]);
  });

  test("a weaker exact name is second to a plain one", () => {
    const d = detectColumns(["OwnerId", "Owner.Name"]);
    expect(d.roles.owner).toMatchObject({ column: "Owner.Name", confidence: "high" });
    expect(d.candidates.owner!.map((c) => [c.column, c.score])).toEqual([
      ["Owner.Name", 1],
      ["OwnerId", 0.8],
    ]);
  });

  test.each([
    ["Expected Revenue", "amount"],
    ["Weighted amount", "amount"],
    ["Total Amount Currency", "amount"],
    ["负责人主属部门", "owner"],
    ["Deal Owner.id", "owner"],
    ["客户来源", "company"],
    ["阶段变更时间", "stage"],
    ["Last Activity Type", "lastContact"],
    ["Next Activity Type", "nextFollowUp"],
    ["预计成交日期", "wonDate"],
    ["Lead Source Detail", "source"],
    ["创建时间(年)", "created"],
  ])("%s is not %s", (header, role) => {
    const d = detectColumns([header]);
    expect((d.roles as Record<string, unknown>)[role]).toBeUndefined();
    expect((d.candidates as Record<string, unknown>)[role]).toBeUndefined();
  });
});

describe("ambiguities are reported, not guessed", () => {
  test("two columns matching one role equally: the role stays unmapped", () => {
    const d = detectColumns(["Owner", "Sales Rep", "Amount"]);
    expect(d.roles.owner).toBeUndefined();
    expect(d.roles.amount!.column).toBe("Amount");
    expect(d.ambiguities).toEqual([{ kind: "tie", role: "owner", columns: ["Owner", "Sales Rep"], score: 1 }]);
  });

  test("one column claimed by two roles equally: neither gets it", () => {
    const d = detectColumns(["Company", "Status"]);
    expect(d.roles.stage).toBeUndefined();
    expect(d.roles.outcome).toBeUndefined();
    expect(d.ambiguities).toEqual([{ kind: "shared", column: "Status", roles: ["stage", "outcome"], score: 0.7 }]);
    expect(d.unused).toEqual(["Status"]);
  });

  test("a role with a better column leaves the shared one to the other role", () => {
    const d = detectColumns(["Stage", "Status"]);
    expect(columnsOf(d)).toEqual({ stage: "Stage", outcome: "Status" });
    expect(d.roles.outcome!.confidence).toBe("low");
    expect(d.ambiguities).toEqual([]);
  });

  test("Chinese headers: 负责人 and 销售人员 tie for owner; 状态 is stage or outcome", () => {
    const d = detectColumns(["负责人", "销售人员", "状态", "金额"]);
    expect(columnsOf(d)).toEqual({ amount: "金额" });
    expect(d.ambiguities).toEqual([
      { kind: "tie", role: "owner", columns: ["负责人", "销售人员"], score: 1 },
      { kind: "shared", column: "状态", roles: ["stage", "outcome"], score: 0.7 },
    ]);
  });
});

describe("sample values settle what headers cannot", () => {
  const status = (values: CellValue[]) =>
    detectColumns(["Company", "Status"], "deals", { samples: { Status: values } });

  test("won/lost words make Status the outcome", () => {
    const d = status(["Won", "Lost", "", "open", "Won", "赢单"]);
    expect(columnsOf(d)).toEqual({ company: "Company", outcome: "Status" });
    expect(d.roles.outcome!.score).toBeCloseTo(0.7 * 1.1, 12);
    expect(d.ambiguities).toEqual([]);
  });

  test("stage names make Status the stage; the outcome candidate is rejected and reported", () => {
    const d = status(["Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Working - Contacted"]);
    expect(columnsOf(d)).toEqual({ company: "Company", stage: "Status" });
    expect(d.rejected).toEqual([
      {
        role: "outcome",
        column: "Status",
        reason: "values",
        evidence: {
          sampled: 4,
          readable: 0,
          unreadable: ["Open - Not Contacted", "Working - Contacted", "Closed - Converted"],
        },
      },
    ]);
  });

  test("dates settle a tie between two created names", () => {
    expect(detectColumns(["Created", "Create Date"]).ambiguities).toEqual([
      { kind: "tie", role: "created", columns: ["Created", "Create Date"], score: 1 },
    ]);
    const d = detectColumns(["Created", "Create Date"], "deals", {
      samples: { Created: ["Alice", "Bob", "Alice", "Dana"], "Create Date": [45300, 45301, "2024-05-01", 45310] },
    });
    expect(columnsOf(d)).toEqual({ created: "Create Date" });
    expect(d.rejected.map((r) => [r.role, r.column])).toEqual([["created", "Created"]]);
  });

  test("a column of text is not the amount; a column of numbers is not the owner", () => {
    const d = detectColumns(["Value", "Rep"], "deals", { samples: { Value: ["High", "Low", "High"], Rep: [1, 2, 3] } });
    expect(columnsOf(d)).toEqual({});
    expect(d.rejected.map((r) => [r.role, r.column]).sort()).toEqual([
      ["amount", "Value"],
      ["owner", "Rep"],
    ]);
  });

  test("partly readable values lower a candidate but keep it, and the unreadable values are reported", () => {
    const d = detectColumns(["商机状态"], "deals", {
      samples: { 商机状态: ["赢单", "输单", "进行中", "无效", "赢单", "无效"] },
    });
    expect(d.roles.outcome!.column).toBe("商机状态");
    expect(d.roles.outcome!.score).toBeCloseTo(0.9 * 0.85, 12);
    expect(d.notes).toEqual([{ code: "unreadable-values", role: "outcome", column: "商机状态", values: ["无效"] }]);
  });

  test("a long column is read as an even sample of 500 cells", () => {
    const values: CellValue[] = Array.from({ length: 60000 }, (_, i) => (i % 1000 === 999 ? "n/a" : 45000 + (i % 300)));
    const ev = valueEvidence("date", values)!;
    expect(ev.sampled).toBe(500);
    expect(ev.readable).toBe(1); // the sample steps by 120 cells and never lands on a 999th
    expect(valueEvidence("date", values.slice(0, 400))!.sampled).toBe(400);
  });

  test("fewer than three values say nothing", () => {
    const d = detectColumns(["Value"], "deals", { samples: { Value: ["High", "", null as unknown as CellValue] } });
    expect(d.roles.amount).toMatchObject({ column: "Value", score: 0.8 });
    expect(d.roles.amount!.evidence).toBeUndefined();
  });

  test("date-times written as text are dates the SALES functions will not read: noted", () => {
    const d = detectColumns(["Create Date", "Close Date"], "deals", {
      samples: {
        "Create Date": ["2024-03-05 10:22", "2024-03-06 09:00:00", "2024-03-07T08:15:00Z"],
        "Close Date": [45400, 45401, "2024-06-30"],
      },
    });
    expect(columnsOf(d)).toEqual({ created: "Create Date", closeDate: "Close Date" });
    expect(d.notes).toEqual([{ code: "dates-as-text", role: "created", column: "Create Date" }]);
  });
});

describe("choices already made", () => {
  test("a fixed column is kept and offered to no other role", () => {
    const d = detectColumns(["Owner", "Sales Rep", "Amount"], "deals", { fixed: { owner: "Sales Rep" } });
    expect(d.fixed).toEqual({ owner: "Sales Rep" });
    expect(d.roles.owner).toBeUndefined();
    expect(d.ambiguities).toEqual([]);
    expect(d.unused).toEqual(["Owner"]);
  });

  test("a fixed none keeps a role unmapped even when a column matches", () => {
    const d = detectColumns(["Outcome", "Stage"], "deals", { fixed: { outcome: null } });
    expect(columnsOf(d)).toEqual({ stage: "Stage" });
    expect(d.fixed).toEqual({ outcome: null });
  });

  test("a fixed column that no longer exists is ignored", () => {
    const d = detectColumns(["Owner"], "deals", { fixed: { owner: "Sales Rep" } });
    expect(d.fixed).toEqual({});
    expect(columnsOf(d)).toEqual({ owner: "Owner" });
  });
});

describe("notes for the outcome", () => {
  test("no outcome column but closed-won/lost stage values", () => {
    const d = detectColumns(["StageName", "Amount"], "deals", {
      samples: { StageName: ["Prospecting", "Closed Won", "Closed Lost", "Negotiation/Review"] },
    });
    expect(d.roles.outcome).toBeUndefined();
    expect(d.notes).toEqual([{ code: "outcome-in-stage", column: "StageName" }]);
  });

  test("no outcome column but won/closed flags", () => {
    const d = detectColumns(["StageName", "IsWon", "IsClosed"]);
    expect(d.notes).toEqual([{ code: "outcome-from-flags", won: "IsWon", closed: "IsClosed" }]);
  });

  test("no note when an outcome column exists", () => {
    expect(detectColumns(["Stage", "Outcome", "IsWon"]).notes).toEqual([]);
  });
});

describe("stage-entry date columns", () => {
  test.each([
    [
      'Date entered "Closed Won (Sales Pipeline)"',
      { stage: "Closed Won", pipeline: "Sales Pipeline", pattern: "hubspot-date-entered" },
    ],
    [
      "Date entered 'Contract Sent (Sales Pipeline)'",
      { stage: "Contract Sent", pipeline: "Sales Pipeline", pattern: "hubspot-date-entered" },
    ],
    [
      'Date entered "Unit 3 (Final) Shipped (Plans Schedule Pipeline)"',
      { stage: "Unit 3 (Final) Shipped", pipeline: "Plans Schedule Pipeline", pattern: "hubspot-date-entered" },
    ],
    ["Date entered “Demo”", { stage: "Demo", pattern: "hubspot-date-entered" }],
    ["Date_Entered_Closed_Won__c", { stage: "Closed Won", pattern: "salesforce-date-entered-field" }],
    ["Entered_Negotiation_Date__c", { stage: "Negotiation", pattern: "salesforce-date-entered-field" }],
    ["Date entered Demo", { stage: "Demo", pattern: "date-entered" }],
    ["Date entered Proposal stage", { stage: "Proposal", pattern: "date-entered" }],
    ["Entered Proposal date", { stage: "Proposal", pattern: "entered-stage-date" }],
    ["Demo entered date", { stage: "Demo", pattern: "entered-stage-date" }],
    ["进入方案报价日期", { stage: "方案报价", pattern: "zh-entered-stage" }],
    ["进入“谈判签约”阶段时间", { stage: "谈判签约", pattern: "zh-entered-stage" }],
    ["产品演示阶段进入时间", { stage: "产品演示", pattern: "zh-entered-stage" }],
  ])("%s", (header, expected) => {
    expect(matchStageEntry(header)).toEqual(expected);
  });

  test.each([
    "Date entered current stage",
    "Date entered",
    "Stage",
    "Close Date",
    'Date exited "Demo (Sales Pipeline)"',
    "进入日期",
  ])("%s is not a stage entry", (header) => {
    expect(matchStageEntry(header)).toBeUndefined();
  });

  test("ordered by the stage order when the stages are known; unknown stages follow in column order", () => {
    const headers = [
      "Deal Name",
      'Date entered "Closed Won (Sales Pipeline)"',
      'Date entered "Appointment Scheduled (Sales Pipeline)"',
      'Date entered "Qualified To Buy (Sales Pipeline)"',
      'Date entered "On Hold (Sales Pipeline)"',
    ];
    const stageNames = ["Appointment Scheduled", "Qualified to buy", "Closed Won"];
    const d = detectColumns(headers, "deals", { stageNames });
    expect(d.stageEntries.map((e) => [e.stage, e.order])).toEqual([
      ["Appointment Scheduled", 0],
      ["Qualified to buy", 1],
      ["Closed Won", 2],
      ["On Hold", undefined],
    ]);
    // Without the stage order: column order.
    expect(detectColumns(headers).stageEntries.map((e) => e.stage)).toEqual([
      "Closed Won",
      "Appointment Scheduled",
      "Qualified To Buy",
      "On Hold",
    ]);
  });

  test("“<stage> date” counts only for known stages, and never takes another role's exact name", () => {
    const headers = ["Stage", "Demo Date", "Proposal 日期", "Closed Date", "Lead Date"];
    expect(detectColumns(headers).stageEntries).toEqual([]);
    const d = detectColumns(headers, "deals", { stageNames: ["Lead", "Demo", "Proposal", "Closed"] });
    expect(d.stageEntries.map((e) => [e.stage, e.column, e.pattern])).toEqual([
      ["Lead", "Lead Date", "known-stage-date"],
      ["Demo", "Demo Date", "known-stage-date"],
      ["Proposal", "Proposal 日期", "known-stage-date"],
    ]);
    expect(d.roles.wonDate!.column).toBe("Closed Date");
  });

  test("a stage-entry header over values that are not dates is not a stage entry", () => {
    const d = detectColumns(["Stage", "Demo Date", "Date entered Proposal"], "deals", {
      stageNames: ["Demo", "Proposal"],
      samples: { "Demo Date": ["booked", "tbd", "n/a", "booked"], "Date entered Proposal": [45300, 45320, "", 45390] },
    });
    expect(d.stageEntries.map((e) => e.column)).toEqual(["Date entered Proposal"]);
    expect(d.unused).toEqual(["Demo Date"]);
  });

  test("HubSpot internal stage ids match stage labels", () => {
    const d = detectColumns(["Date entered closedwon", "Date entered qualifiedtobuy"], "deals", {
      stageNames: ["Qualified To Buy", "Closed Won"],
    });
    expect(d.stageEntries.map((e) => e.stage)).toEqual(["Qualified To Buy", "Closed Won"]);
  });
});

describe("stages and targets tables", () => {
  test("the sample's Stages and Targets tables, both languages", () => {
    expect(columnsOf(detectColumns(["Stage", "Order", "Probability", "Conversion"], "stages"))).toEqual({
      stage: "Stage",
      order: "Order",
      probability: "Probability",
      conversion: "Conversion",
    });
    expect(columnsOf(detectColumns(["阶段", "顺序", "赢单概率", "转化率"], "stages"))).toEqual({
      stage: "阶段",
      order: "顺序",
      probability: "赢单概率",
      conversion: "转化率",
    });
    expect(columnsOf(detectColumns(["Stage Name", "Stage Order", "Win Probability"], "stages"))).toEqual({
      stage: "Stage Name",
      order: "Stage Order",
      probability: "Win Probability",
    });
    expect(columnsOf(detectColumns(["Owner", "Weight"], "targets"))).toEqual({ owner: "Owner", weight: "Weight" });
    expect(columnsOf(detectColumns(["负责人", "权重", "年度目标"], "targets"))).toEqual({
      owner: "负责人",
      weight: "权重",
      target: "年度目标",
    });
  });
});
