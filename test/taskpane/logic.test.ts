/** Pure logic behind the panels: formulas written, rules round-trip, plan inputs, follow-up order. */
import { OUTPUT_COLUMNS, bantFormula, scoreFormulas, sourceSpan } from "../../src/taskpane/formulaText";
import { findOperator, operatorWord } from "../../src/taskpane/operators";
import {
  monthlyHistory,
  ownerHistory,
  parseHolidays,
  parseYearMonth,
  rotateToPlan,
  splitList,
} from "../../src/taskpane/planInputs";
import { rulesFromTable, rulesToRows } from "../../src/taskpane/rules";
import { moveItem, reconcileOrder } from "../../src/taskpane/stageOrder";
import { dueFollowUps } from "../../src/taskpane/followUps";
import { ymdToSerial } from "../../src/engine";
import { isDarkColor } from "../../src/taskpane/Root";

test("score formulas span the source columns and skip the pane's own output columns", () => {
  const headers = ["Company", "Budget", "Last Contact", "Score", "Grade", "Why", "Qualified"];
  expect(sourceSpan(headers)).toEqual({ first: "Company", last: "Last Contact", headers: headers.slice(0, 3) });
  const f = scoreFormulas("Leads", "Rules", headers);
  expect(f.score).toBe(
    "=SALES.LEADSCORE(Leads[@[Company]:[Last Contact]],Rules,Leads[[#Headers],[Company]:[Last Contact]])",
  );
  expect(f.why).toBe(
    "=SALES.SCOREDETAIL(Leads[@[Company]:[Last Contact]],Rules,Leads[[#Headers],[Company]:[Last Contact]])",
  );
  expect(OUTPUT_COLUMNS).toContain("Qualified");
});

test("column names with special characters are escaped in structured references", () => {
  const f = bantFormula("Leads", {
    budget: "Budget [USD]",
    authority: "Who's #1",
    need: "需求",
    timeline: "采购时间",
    withinDays: 60,
    required: 3,
    minBudget: 10000,
  });
  expect(f).toBe(
    "=SALES.BANT(Leads[@[Budget '[USD']]],Leads[@[Who''s '#1]],Leads[@[需求]],Leads[@[采购时间]],10000,60,3)",
  );
});

test("operators are found by any alias and shown in the display language", () => {
  expect(findOperator("大于等于")?.canonical).toBe(">=");
  expect(findOperator(" IS NOT BLANK ")?.canonical).toBe("not blank");
  expect(findOperator("≤")?.canonical).toBe("<=");
  expect(findOperator("approximately")).toBeUndefined();
  const between = findOperator("between")!;
  expect(operatorWord(between, true)).toBe("介于");
  expect(operatorWord(between, false)).toBe("between");
});

test("rules round-trip between the table and the grid; blank-field rows are dropped", () => {
  const rows = [
    ["Employees", ">=", 500, 20, "Size", 25],
    ["", "", "", "", "", ""],
    ["Need", "not blank", "", "10", "", ""],
  ];
  const rules = rulesFromTable(rows);
  expect(rules).toEqual([
    { field: "Employees", operator: ">=", value: "500", points: 20, group: "Size", cap: 25 },
    { field: "Need", operator: "not blank", value: "", points: 10, group: "", cap: null },
  ]);
  expect(rulesToRows(rules)).toEqual([
    ["Employees", ">=", 500, 20, "Size", 25],
    ["Need", "not blank", "", 10, "", ""],
  ]);
});

test("stage order keeps the user's arrangement and appends new stages", () => {
  expect(reconcileOrder(["Demo", "Lead"], ["Lead", "Qualified", "Demo"])).toEqual(["Demo", "Lead", "Qualified"]);
  expect(reconcileOrder(["Gone"], ["Lead"])).toEqual(["Lead"]);
  expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
  expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
});

test("history: monthly sums of past amounts by calendar month, rotated into plan order", () => {
  const asOf = ymdToSerial(2025, 6, 30);
  const dates = [
    ymdToSerial(2024, 1, 5),
    ymdToSerial(2025, 1, 20),
    ymdToSerial(2024, 4, 1),
    ymdToSerial(2025, 12, 1),
    "2024-04-15",
    "junk",
  ];
  const amounts = [100, 50, 30, 999, "1,000", 5];
  const calendar = monthlyHistory(dates, amounts, asOf);
  expect(calendar[0]).toBe(150);
  expect(calendar[3]).toBe(1030);
  expect(calendar[11]).toBe(0); // a future date is not history
  expect(rotateToPlan(calendar, 4).slice(0, 2)).toEqual([1030, 0]);
  expect(rotateToPlan(calendar, 4)[9]).toBe(150);
  expect(ownerHistory(["Ann", "Bob"], [" ann ", "Bob", "Cy", "Bob"], [10, 5, 7, "x"])).toEqual([10, 5]);
});

test("typed lists and holidays", () => {
  expect(splitList("Ann, Bob\n张伟，李娜、Ann;;")).toEqual(["Ann", "Bob", "张伟", "李娜"]);
  expect(parseHolidays("2025-10-01\n2025年10月2日\nnope")).toEqual({
    dates: [ymdToSerial(2025, 10, 1), ymdToSerial(2025, 10, 2)],
    invalid: ["nope"],
  });
  expect(parseYearMonth("2025-04")).toEqual({ year: 2025, month: 4 });
  expect(parseYearMonth("2025-13")).toBeUndefined();
});

test("follow-ups: due today or earlier, open only, most overdue first, ties in table order", () => {
  const today = 45_800;
  const list = dueFollowUps(
    {
      Co: ["A", "B", "C", "D", "E", "F"],
      Due: [today + 1, today, today - 3, today - 3, "2025-01-01", today - 10],
      Out: ["", "", "", "跟进中", "", "赢单"],
    },
    { date: "Due", company: "Co", owner: "", stage: "", outcome: "Out" },
    today,
  );
  expect(list.map((f) => f.company)).toEqual(["E", "C", "D", "B"]);
  expect(list[3].overdueDays).toBe(0);
});

test("the Office theme's background decides light or dark", () => {
  expect(isDarkColor("#262626")).toBe(true);
  expect(isDarkColor("#000000")).toBe(true);
  expect(isDarkColor("#FFFFFF")).toBe(false);
  expect(isDarkColor("#f3f2f1")).toBe(false);
  expect(isDarkColor(undefined)).toBe(false);
  expect(isDarkColor("not a colour")).toBe(false);
});
