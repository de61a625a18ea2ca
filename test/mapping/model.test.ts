import type { TableInfo } from "../../src/excel/types";
import {
  applyCorrection,
  columnFor,
  confirmMapping,
  detectWorkbook,
  fromDetection,
  isSetToNone,
  mappingAccess,
  mergeMapping,
  missingRoles,
  parseSavedMapping,
  seedFromPanelSettings,
  setStageEntries,
  setTable,
  type SavedMapping,
} from "../../src/mapping";

const table = (name: string, headers: string[], sheet = name): TableInfo => ({ name, sheet, headers, rowCount: 10 });

const DEALS = ["Company", "Owner", "Sales Rep", "Stage", "Outcome", "Amount", "Created", "Close Date", "NextFollowUp"];
const workbook = (deals: string[] = DEALS): TableInfo[] => [
  table("Deals", deals),
  table("Stages", ["Stage", "Order", "Probability"]),
  table("Targets", ["Owner", "Weight"]),
  table("ScoringRules", ["Field", "Operator", "Value", "Points"]),
];

/** A first mapping, as the Start panel would save it after the user settled the Owner / Sales Rep tie. */
function settled(): SavedMapping {
  const tables = workbook();
  const first = fromDetection(detectWorkbook(tables), tables);
  return confirmMapping(applyCorrection(first, "deals", "owner", "Sales Rep").mapping);
}

describe("a mapping made from detection", () => {
  test("tables, columns and headers as detected; not confirmed", () => {
    const tables = workbook();
    const d = detectWorkbook(tables);
    expect(d.deals!.ambiguities).toEqual([{ kind: "tie", role: "owner", columns: ["Owner", "Sales Rep"], score: 1 }]);
    const m = fromDetection(d, tables);
    expect(m.tables).toEqual({ deals: "Deals", stages: "Stages", targets: "Targets", rules: "ScoringRules" });
    expect(m.columns.deals).toEqual({
      company: "Company",
      stage: "Stage",
      outcome: "Outcome",
      amount: "Amount",
      created: "Created",
      closeDate: "Close Date",
      nextFollowUp: "NextFollowUp",
    });
    expect(m.columns.stages).toEqual({ stage: "Stage", order: "Order", probability: "Probability" });
    expect(m.columns.targets).toEqual({ owner: "Owner", weight: "Weight" });
    expect(m.headers.deals).toEqual(DEALS);
    expect(m.confirmed).toBe(false);
    expect(m.userSet).toEqual([]);
  });
});

describe("what panels read", () => {
  test("columnFor, missingRoles, tableFor and none", () => {
    let m = settled();
    m = applyCorrection(m, "deals", "region", null).mapping;
    expect(columnFor(m, "owner")).toBe("Sales Rep");
    expect(columnFor(m, "probability", "stages")).toBe("Probability");
    expect(columnFor(m, "region")).toBeUndefined();
    expect(isSetToNone(m, "region")).toBe(true);
    expect(isSetToNone(m, "source")).toBe(false);
    expect(missingRoles(m, ["owner", "stage", "region", "source", "amount"])).toEqual(["region", "source"]);
    expect(missingRoles(m, ["stage", "order", "conversion"], "stages")).toEqual(["conversion"]);
    const access = mappingAccess(m);
    expect(access.columnFor("amount")).toBe("Amount");
    expect(access.missingRoles(["budget", "stage"])).toEqual(["budget"]);
    expect(access.tableFor("targets")).toBe("Targets");
    expect(access.confirmed).toBe(false);
  });
});

describe("corrections", () => {
  test("a column moves from one role to another: the other role loses it and is reported", () => {
    const { mapping, displaced } = applyCorrection(settled(), "deals", "created", "Close Date");
    expect(displaced).toBe("closeDate");
    expect(columnFor(mapping, "created")).toBe("Close Date");
    expect(columnFor(mapping, "closeDate")).toBeUndefined();
    expect(mapping.userSet).toEqual(["deals.owner", "deals.created"]);
    expect(mapping.confirmed).toBe(false);
  });

  test("stage and outcome may share a column when the user says so", () => {
    const { mapping, displaced } = applyCorrection(settled(), "deals", "outcome", "Stage");
    expect(displaced).toBeUndefined();
    expect(columnFor(mapping, "outcome")).toBe("Stage");
    expect(columnFor(mapping, "stage")).toBe("Stage");
  });

  test("choosing another deals table forgets the old table's columns", () => {
    const tables = [...workbook(), table("Leads 2", ["Lead Owner", "Lead Status"])];
    const m = setTable(settled(), "deals", "Leads 2", tables);
    expect(m.tables.deals).toBe("Leads 2");
    expect(m.columns.deals).toEqual({});
    expect(m.userSet).toEqual(["tables.deals"]);
    expect(m.headers.deals).toEqual(["Lead Owner", "Lead Status"]);
  });

  test("the inputs are never changed", () => {
    const m = settled();
    const copy = JSON.parse(JSON.stringify(m));
    applyCorrection(m, "deals", "created", "Close Date");
    setTable(m, "deals", undefined, workbook());
    setStageEntries(m, [{ stage: "Demo", column: "Created" }]);
    mergeMapping(m, workbook(["Company", "Stage"]));
    expect(m).toEqual(copy);
  });
});

describe("merging with the workbook as it is now", () => {
  test("nothing changed: the mapping stays as it was, confirmed", () => {
    const m = settled();
    const r = mergeMapping(m, workbook());
    expect(r.mapping).toEqual(m);
    expect(r.needsConfirmation).toBe(false);
    expect([r.dropped, r.renamed, r.changed, r.tableChanges, r.droppedStageEntries]).toEqual([[], [], [], [], []]);
  });

  test("new and reordered columns: user corrections and detected columns stay", () => {
    const headers = [
      "Region",
      "Sales Rep",
      "Owner",
      "Company",
      "Stage",
      "Outcome",
      "Amount",
      "Created",
      "Close Date",
      "NextFollowUp",
    ];
    const r = mergeMapping(settled(), workbook(headers));
    expect(r.mapping.columns.deals).toEqual({
      owner: "Sales Rep",
      company: "Company",
      region: "Region",
      stage: "Stage",
      outcome: "Outcome",
      amount: "Amount",
      created: "Created",
      closeDate: "Close Date",
      nextFollowUp: "NextFollowUp",
    });
    expect(r.changed).toEqual([{ scope: "deals", role: "region", from: undefined, to: "Region" }]);
    expect(r.dropped).toEqual([]);
    expect(r.mapping.userSet).toEqual(["deals.owner"]);
    expect(r.needsConfirmation).toBe(true);
    expect(r.mapping.confirmed).toBe(false);
    expect(r.mapping.headers.deals).toEqual(headers);
  });

  test("a user correction is kept even where detection would choose otherwise", () => {
    // Without the user's choice, Owner / Sales Rep tie; with it, Sales Rep stays and Owner is not offered again.
    const r = mergeMapping(settled(), workbook([...DEALS, "Notes"]));
    expect(columnFor(r.mapping, "owner")).toBe("Sales Rep");
    expect(r.detection.deals!.ambiguities).toEqual([]);
    expect(r.detection.deals!.unused).toEqual(["Owner", "Notes"]);
  });

  test("a user's none stays none while a matching column exists", () => {
    const m = confirmMapping(applyCorrection(settled(), "deals", "outcome", null).mapping);
    const r = mergeMapping(m, workbook([...DEALS, "Region"]));
    expect(isSetToNone(r.mapping, "outcome")).toBe(true);
    expect(r.mapping.userSet).toEqual(["deals.owner", "deals.outcome"]);
  });

  test("columns that no longer exist are dropped and reported; detection fills in around the user's choices", () => {
    const m = confirmMapping(applyCorrection(settled(), "deals", "amount", "Amount").mapping);
    const headers = ["Company", "Owner", "Stage", "Outcome", "Deal Value", "Created", "Closing Date"];
    const r = mergeMapping(m, workbook(headers));
    expect(r.dropped).toEqual([
      { scope: "deals", role: "owner", column: "Sales Rep", userSet: true },
      { scope: "deals", role: "amount", column: "Amount", userSet: true },
      { scope: "deals", role: "closeDate", column: "Close Date", userSet: false },
      { scope: "deals", role: "nextFollowUp", column: "NextFollowUp", userSet: false },
    ]);
    expect(r.mapping.columns.deals).toEqual({
      company: "Company",
      owner: "Owner",
      stage: "Stage",
      outcome: "Outcome",
      amount: "Deal Value",
      created: "Created",
      closeDate: "Closing Date",
    });
    expect(r.mapping.userSet).toEqual([]);
    expect(r.needsConfirmation).toBe(true);
  });

  test("a re-cased or re-spaced header is followed and reported as renamed", () => {
    const headers = DEALS.map((h) => (h === "Sales Rep" ? "SALES REP" : h === "Close Date" ? "Close_Date" : h));
    const r = mergeMapping(settled(), workbook(headers));
    expect(columnFor(r.mapping, "owner")).toBe("SALES REP");
    expect(columnFor(r.mapping, "closeDate")).toBe("Close_Date");
    expect(r.renamed).toEqual([
      { scope: "deals", role: "owner", from: "Sales Rep", to: "SALES REP" },
      { scope: "deals", role: "closeDate", from: "Close Date", to: "Close_Date" },
    ]);
    expect(r.changed).toEqual([]);
    expect(r.mapping.userSet).toEqual(["deals.owner"]);
  });

  test("a table that is gone is reported and another is found; the user's choice for 'no table' is respected", () => {
    let m = settled();
    m = setTable(m, "targets", undefined, workbook());
    m = confirmMapping(m);
    const tables = [
      table("Opportunities", DEALS),
      table("Stages", ["Stage", "Order", "Probability"]),
      table("Targets", ["Owner", "Weight"]),
    ];
    const r = mergeMapping(m, tables);
    expect(r.mapping.tables).toEqual({ deals: "Opportunities", stages: "Stages" });
    expect(r.tableChanges).toEqual([
      { kind: "deals", from: "Deals", to: "Opportunities", missing: true },
      { kind: "rules", from: "ScoringRules", to: undefined, missing: true },
    ]);
    // The deals columns are those of the new table; the user's correction was for the old one but its column exists.
    expect(columnFor(r.mapping, "owner")).toBe("Sales Rep");
    expect(r.mapping.headers.rules).toBeUndefined();
    expect(r.needsConfirmation).toBe(true);
  });

  test("stage-entry columns: detected ones follow the headers; the user's list is kept minus what is gone", () => {
    const headers = [...DEALS, "Date entered Demo", "Date entered Proposal"];
    const tables = workbook(headers);
    const auto = confirmMapping(fromDetection(detectWorkbook(tables), tables));
    expect(auto.stageEntries).toEqual([
      { stage: "Demo", column: "Date entered Demo" },
      { stage: "Proposal", column: "Date entered Proposal" },
    ]);
    const fewer = workbook([...DEALS, "Date entered Proposal", "Date entered Won"]);
    const r1 = mergeMapping(auto, fewer);
    expect(r1.mapping.stageEntries).toEqual([
      { stage: "Proposal", column: "Date entered Proposal" },
      { stage: "Won", column: "Date entered Won" },
    ]);
    expect(r1.droppedStageEntries).toEqual([{ stage: "Demo", column: "Date entered Demo" }]);

    const mine = confirmMapping(
      setStageEntries(auto, [
        { stage: "Demo", column: "Date entered Demo" },
        { stage: "Proposal", column: "Date entered Proposal" },
      ]),
    );
    const r2 = mergeMapping(mine, fewer);
    expect(r2.mapping.stageEntries).toEqual([{ stage: "Proposal", column: "Date entered Proposal" }]);
    expect(r2.droppedStageEntries).toEqual([{ stage: "Demo", column: "Date entered Demo" }]);
  });

  test("no saved mapping: a fresh one that needs confirmation", () => {
    const r = mergeMapping(undefined, workbook());
    expect(r.mapping.tables.deals).toBe("Deals");
    expect(r.needsConfirmation).toBe(true);
  });
});

describe("reading the setting back", () => {
  test("round trip through JSON text and through an object", () => {
    const m = applyCorrection(settled(), "deals", "region", null).mapping;
    expect(parseSavedMapping(JSON.stringify(m))).toEqual({ mapping: m });
    expect(parseSavedMapping(JSON.parse(JSON.stringify(m)))).toEqual({ mapping: m });
  });

  test("another version, non-JSON text and non-objects are errors that say so", () => {
    expect(parseSavedMapping({ version: 2 })).toEqual({ error: "mapping version 2 is not 1" });
    expect(parseSavedMapping("{oops")).toEqual({ error: "the mapping setting is not JSON" });
    expect(parseSavedMapping([1])).toEqual({ error: "the mapping setting is not an object" });
    expect(parseSavedMapping(undefined)).toEqual({ error: "the mapping setting is not an object" });
  });

  test("entries of the wrong type are left out", () => {
    const r = parseSavedMapping({
      version: 1,
      tables: { deals: "Deals", rules: 5, stages: "" },
      columns: { deals: { owner: "Owner", amount: 3, region: null }, stages: "x" },
      stageEntries: [{ stage: "Demo", column: "D" }, { stage: 1, column: "E" }, "junk"],
      userSet: ["deals.owner", 7],
      confirmed: "yes",
      headers: { deals: ["Owner", 3], stages: ["Stage"] },
    });
    expect(r.mapping).toEqual({
      version: 1,
      tables: { deals: "Deals" },
      columns: { deals: { owner: "Owner", region: null }, stages: {}, targets: {} },
      stageEntries: [{ stage: "Demo", column: "D" }],
      userSet: ["deals.owner"],
      confirmed: false,
      headers: { stages: ["Stage"] },
    });
  });
});

describe("seeding from the panels' own settings", () => {
  test("the panels' column choices for the mapped tables become corrections; '-' is none", () => {
    const tables = workbook();
    const m = fromDetection(detectWorkbook(tables), tables);
    const seeded = seedFromPanelSettings(m, {
      followups: { table: "Deals", dateColumn: "NextFollowUp", ownerColumn: "Sales Rep", outcomeColumn: "-" },
      funnel: {
        table: "Deals",
        stageColumn: "Stage",
        amountColumn: "Amount",
        stagesTable: "Stages",
        probabilityColumn: "Probability",
      },
      bant: { table: "Other table", budget: "Budget" },
      targets: { ownersTable: "Targets", ownersColumn: "Owner" },
    });
    expect(columnFor(seeded, "owner")).toBe("Sales Rep");
    expect(isSetToNone(seeded, "outcome")).toBe(true);
    expect(seeded.userSet).toEqual([
      "deals.stage",
      "deals.amount",
      "stages.probability",
      "deals.nextFollowUp",
      "deals.owner",
      "deals.outcome",
      "targets.owner",
    ]);
    expect(columnFor(seeded, "budget")).toBeUndefined();
  });
});
