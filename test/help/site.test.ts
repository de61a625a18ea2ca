/**
 * The help site as rendered from the metadata the build generates (the same generator and zh-CN translation step
 * the build runs): every function with its description and parameters in both languages, every worked example
 * with its formula and result, links that land, nothing loaded from elsewhere, and mistakes reported.
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  localizeMetadata,
  type FunctionsMetadata,
  type FunctionTranslations,
} from "../../scripts/zh-cn-metadata-plugin";
import { allExamples } from "../../src/help/examples";
import { formatCellValue, functionAnchor, helpPath, renderHelpSite, type HelpSite } from "../../src/help/site";

const ROOT = path.resolve(__dirname, "../..");
let en: FunctionsMetadata;
let zh: FunctionsMetadata;
let site: HelpSite;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata([path.join(ROOT, "src/functions/functions.ts")], false);
  en = JSON.parse(generated.metadataJson) as FunctionsMetadata;
  const translations = JSON.parse(
    fs.readFileSync(path.join(ROOT, "src/i18n/functions.zh-CN.json"), "utf8"),
  ) as FunctionTranslations;
  zh = localizeMetadata(en, translations).localized;
  site = renderHelpSite({ metadata: { en, zh }, examples: allExamples, version: "9.8.7" });
}, 60_000);

const escaped = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The HTML of one function's section on a reference page. */
function section(page: string, id: string): string {
  const start = page.indexOf(`<section class="fn" aria-labelledby="${functionAnchor(id)}">`);
  expect(start).toBeGreaterThan(0);
  return page.slice(start, page.indexOf("</section>", start));
}

describe("the help site", () => {
  test("has a landing page, a stylesheet and a guide and a function reference per language, and no problems", () => {
    expect(Object.keys(site.files).sort()).toEqual([
      "help/en-US/functions.html",
      "help/en-US/index.html",
      "help/help.css",
      "help/index.html",
      "help/zh-CN/functions.html",
      "help/zh-CN/index.html",
    ]);
    expect(site.problems).toEqual([]);
    expect(site.warnings).toEqual([]);
  });

  test.each([["en" as const], ["zh" as const]])(
    "%s: every function with its description and every parameter's, from the metadata",
    (lang) => {
      const metadata = lang === "en" ? en : zh;
      const page = site.files[helpPath(lang, "functions")];
      expect(metadata.functions.length).toBeGreaterThanOrEqual(17);
      for (const fn of metadata.functions) {
        const html = section(page, fn.id);
        expect(html).toContain(`<code>SALES.${fn.name}</code>`);
        expect(html).toContain(escaped(fn.description ?? "(no description)"));
        for (const p of fn.parameters) {
          expect(html).toContain(`<code>${p.name}</code>`);
          expect(html).toContain(escaped(p.description ?? "(no description)"));
        }
        const signature = `=SALES.${fn.name}(${fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
        expect(html).toContain(escaped(signature));
      }
      if (lang === "zh") expect(page).toMatch(/<html lang="zh-CN">/);
    },
  );

  test("every worked example shows its title, formula, sheet and the result cells, in its function's section", () => {
    for (const lang of ["en", "zh"] as const) {
      const page = site.files[helpPath(lang, "functions")];
      for (const e of allExamples) {
        const html = section(page, e.id);
        expect(html).toContain(escaped(lang === "en" ? e.title.en : e.title.zh));
        expect(html).toContain(`<code>${escaped(e.formula)}</code>`);
        const cells = Array.isArray(e.result) ? (e.result as unknown[][]).flat() : [e.result];
        for (const v of cells)
          if (formatCellValue(v) !== "") expect(html).toContain(`>${escaped(formatCellValue(v))}<`);
        for (const v of (e.sheet ?? []).flat())
          if (formatCellValue(v) !== "") expect(html).toContain(`>${escaped(formatCellValue(v))}<`);
      }
    }
  });

  test("numbers look as Excel's General format shows them", () => {
    expect(formatCellValue(1200000)).toBe("1200000");
    expect(formatCellValue(0.375)).toBe("0.375");
    expect(formatCellValue(2 / 3)).toBe("0.6666666667");
    expect(formatCellValue(true)).toBe("TRUE");
    expect(formatCellValue(null)).toBe("");
  });

  test("the guide covers the panels (named as the pane names them), formulas or values, privacy, troubleshooting and Excel versions", () => {
    const guide = site.files[helpPath("en", "index")];
    for (const id of ["start", "panels", "formulas-or-values", "privacy", "troubleshooting", "excel-versions"])
      expect(guide).toContain(`id="${id}"`);
    for (const tab of ["Start", "Lead scoring", "BANT", "Funnel", "Targets", "Follow-ups"])
      expect(guide).toContain(`>${tab}</h3>`);
    for (const problem of ["#NAME?", "#BUSY!", "Blank cells are read as 0", "certificate"])
      expect(guide).toContain(problem);
    expect(guide).toContain("<strong>Insert sample workbook</strong>");
    const zhGuide = site.files[helpPath("zh", "index")];
    for (const tab of ["开始", "线索评分", "销售漏斗", "目标分解", "待跟进"]) expect(zhGuide).toContain(`>${tab}</h3>`);
    expect(zhGuide).toContain("<strong>插入示例工作簿</strong>");
  });

  test("every link stays inside the help site and lands on a page and an element that exist", () => {
    const broken: string[] = [];
    for (const [file, html] of Object.entries(site.files)) {
      if (!file.endsWith(".html")) continue;
      for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const target = m[1];
        if (/^[a-z]+:|^\/\//i.test(target)) {
          broken.push(`${file}: external ${target}`);
          continue;
        }
        const [relative, fragment] = target.split("#");
        const resolved =
          relative === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), relative));
        const exists =
          resolved in site.files || fs.existsSync(path.join(ROOT, resolved.replace(/^assets\//, "assets/")));
        if (!exists) broken.push(`${file}: ${target} → ${resolved} does not exist`);
        else if (fragment && !(site.files[resolved] ?? "").includes(`id="${fragment}"`))
          broken.push(`${file}: ${target} has no element #${fragment}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test("no scripts, no external requests: each page says so in its Content-Security-Policy", () => {
    for (const [file, text] of Object.entries(site.files)) {
      expect([file, /https?:\/\//.test(text.replace(/<html[^>]*>/, ""))]).toEqual([file, false]);
      if (file.endsWith(".html")) {
        expect(text).not.toMatch(/<script/i);
        expect(text).toContain(`content="default-src 'none'; style-src 'self'; img-src 'self'`);
        expect(text).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1">/);
      }
    }
  });

  test("an example for a function that does not exist is a build error; a function without an example a warning", () => {
    const stray = renderHelpSite({
      metadata: { en, zh },
      examples: [...allExamples.filter((e) => e.id !== "RUNRATE"), { ...allExamples[0], id: "NOSUCH" }],
      version: "1",
    });
    expect(stray.problems).toEqual(["a help example is for NOSUCH, which is not a function"]);
    expect(stray.warnings).toEqual(["SALES.RUNRATE has no worked example in src/help/examples"]);
  });
});
