import * as fs from "fs";
import * as path from "path";
import en from "../../src/i18n/ui.en-US.json";
import zh from "../../src/i18n/ui.zh-CN.json";
import { createTranslator, formatString, pickUiLanguage } from "../../src/i18n";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

test("en-US and zh-CN have exactly the same keys", () => {
  expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
});

test("no string is empty, and placeholders match between the languages", () => {
  const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
  for (const [key, text] of Object.entries(en)) {
    const other = (zh as Record<string, string>)[key];
    expect([key, text.trim().length > 0]).toEqual([key, true]);
    expect([key, other.trim().length > 0]).toEqual([key, true]);
    expect([key, placeholders(other)]).toEqual([key, placeholders(text)]);
  }
});

test("every key the task pane uses exists in the resource files", () => {
  const used = new Set<string>();
  for (const file of sourceFiles(path.join(__dirname, "../../src/taskpane"))) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/\bt\(\s*"([\w.]+)"/g)) used.add(m[1]);
    for (const m of text.matchAll(/label: "(tab\.\w+)"/g)) used.add(m[1]);
  }
  expect(used.size).toBeGreaterThan(100);
  const missing = [...used].filter((k) => !(k in en));
  expect(missing).toEqual([]);
});

test("the language follows Office's display language: zh-* is Chinese, everything else English", () => {
  expect(pickUiLanguage("zh-CN")).toBe("zh-CN");
  expect(pickUiLanguage("zh-TW")).toBe("zh-CN");
  expect(pickUiLanguage("ZH-hk")).toBe("zh-CN");
  expect(pickUiLanguage("zh")).toBe("zh-CN");
  expect(pickUiLanguage("en-US")).toBe("en-US");
  expect(pickUiLanguage("de-DE")).toBe("en-US");
  expect(pickUiLanguage("zu-ZA")).toBe("en-US");
  expect(pickUiLanguage(undefined)).toBe("en-US");
});

test("placeholders are filled, unknown ones stay visible", () => {
  expect(formatString("{a} of {b}", { a: 1, b: 2 })).toBe("1 of 2");
  expect(formatString("{a} {missing}", { a: "x" })).toBe("x {missing}");
  expect(createTranslator("zh-CN")("tab.funnel")).toBe("销售漏斗");
});

test("no task pane or sample code calls Excel.run: every workbook change goes through src/excel", () => {
  const offenders: string[] = [];
  for (const dir of ["../../src/taskpane", "../../src/sample", "../../src/i18n"]) {
    for (const file of sourceFiles(path.join(__dirname, dir))) {
      const text = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      if (/\bExcel\s*\.\s*run\b|\bcontext\.sync\b/.test(text)) offenders.push(path.basename(file));
    }
  }
  expect(offenders).toEqual([]);
});

test("no hard-coded colours in the task pane: every colour comes from Fluent tokens", () => {
  for (const file of sourceFiles(path.join(__dirname, "../../src/taskpane"))) {
    const text = fs.readFileSync(file, "utf8");
    expect([path.basename(file), text.match(/#[0-9a-fA-F]{3,8}\b(?![\w-])|rgba?\(/g)]).toEqual([
      path.basename(file),
      null,
    ]);
  }
});
