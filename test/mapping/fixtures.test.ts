/**
 * Every CRM header row in test/fixtures/crm-headers maps to the roles written by hand in the fixture: the roles it
 * names and no others, the stage-entry columns in order, the stage-history columns, and exactly the ambiguities
 * the fixture lists (none for the CRM exports; the hand-kept sheets have some, which must be reported, not guessed).
 */
import * as fs from "fs";
import * as path from "path";
import { detectColumns } from "../../src/mapping";
import { sampleContent } from "../../src/sample/data";

interface Fixture {
  crm: string;
  export: string;
  sources: string[];
  table: string;
  headers: string[];
  expected: Record<string, string>;
  stageEntries?: { stage: string; column: string; pipeline?: string }[];
  stageHistory?: string[];
  ambiguities?: unknown[];
  why?: string;
}

const DIR = path.join(__dirname, "..", "fixtures", "crm-headers");
const files = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort();
const load = (file: string): Fixture => JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")) as Fixture;

const mapped = (headers: string[]) => {
  const d = detectColumns(headers);
  return { d, roles: Object.fromEntries(Object.entries(d.roles).map(([role, m]) => [role, m!.column])) };
};

describe("CRM export header rows", () => {
  test("the fixtures cover every export the issue names", () => {
    expect(files).toEqual([
      "fxiaoke-leads.json",
      "fxiaoke-opportunities.json",
      "handmade-ambiguous-en.json",
      "handmade-ambiguous-zh.json",
      "hubspot-deals.json",
      "salesforce-dataloader-opportunity.json",
      "salesforce-report-opportunities.json",
      "salesforce-report-territory.json",
      "sample-en-US.json",
      "sample-zh-CN.json",
      "zoho-deals.json",
      "zoho-leads.json",
    ]);
  });

  describe.each(files)("%s", (file) => {
    const fixture = load(file);

    test("maps exactly the expected roles", () => {
      expect(mapped(fixture.headers).roles).toEqual(fixture.expected);
    });

    test(fixture.ambiguities === undefined ? "reports no ambiguity" : "reports its ambiguities", () => {
      expect(mapped(fixture.headers).d.ambiguities).toEqual(fixture.ambiguities ?? []);
    });

    test("finds the stage-entry and stage-history columns", () => {
      const { d } = mapped(fixture.headers);
      expect(
        d.stageEntries.map((e) =>
          e.pipeline === undefined
            ? { stage: e.stage, column: e.column }
            : { stage: e.stage, column: e.column, pipeline: e.pipeline },
        ),
      ).toEqual(fixture.stageEntries ?? []);
      expect([...d.stageHistory].sort()).toEqual([...(fixture.stageHistory ?? [])].sort());
    });

    test("maps the same when the export is re-cased or re-spaced", () => {
      // Exports differ in case and spacing between versions (Data Loader: ALL CAPS before v61).
      const upper = fixture.headers.map((h) => h.toUpperCase());
      const spaced = fixture.headers.map((h) => ` ${h.replace(/ /g, "  ")} `);
      for (const variant of [upper, spaced]) {
        const { roles } = mapped(variant);
        const expected = Object.fromEntries(
          Object.entries(fixture.expected).map(([role, column]) => [role, variant[fixture.headers.indexOf(column)]]),
        );
        expect(roles).toEqual(expected);
      }
    });
  });
});

describe("the sample fixtures are the sample's headers", () => {
  test.each([
    ["sample-en-US.json", "en"],
    ["sample-zh-CN.json", "zh"],
  ] as const)("%s", (file, lang) => {
    const content = sampleContent(lang, 46000, 5);
    expect(load(file).headers).toEqual(content.leads.headers);
    // The sample itself names its columns by role: the mapping must agree with it.
    const c = content.columns;
    expect(load(file).expected).toEqual({
      company: c.company,
      region: c.region,
      owner: c.owner,
      source: c.source,
      budget: c.budget,
      authority: c.authority,
      need: c.need,
      timeline: c.timeline,
      stage: c.stage,
      outcome: c.outcome,
      amount: c.amount,
      created: c.created,
      lastContact: c.lastContact,
      nextFollowUp: c.nextFollowUp,
      wonDate: c.closedDate,
    });
    // One stage-entry date column per stage, in the stages table's order.
    expect(load(file).stageEntries).toEqual(
      content.stages.rows.map((r, i) => ({ stage: r[0], column: content.stageEntryColumns[i] })),
    );
  });
});
