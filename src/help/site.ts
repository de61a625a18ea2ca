/**
 * The help site served with the add-in (dist/help/), rendered at build time into static HTML: a guide (panels,
 * formulas or values, privacy, troubleshooting, which Excel) and a function reference per language. Function
 * names, descriptions and parameters come from the built metadata (functions.json, functions.zh-cn.json), so the
 * reference cannot drift from what Excel shows; worked examples come from src/help/examples (checked against the
 * code by test/help/examples.test.ts). No scripts, no external requests: each page forbids both in its
 * Content-Security-Policy.
 */
import { UI_STRINGS, type StringKey, type UiLanguage } from "../i18n";
import { CONTENT, type HelpContent, type HelpLang } from "./content";
import type { HelpExample } from "./examples/types";

export interface MetadataParameter {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
}

export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  result?: { dimensionality?: string };
}

export interface FunctionsMetadata {
  functions: MetadataFunction[];
}

export interface HelpSiteInput {
  metadata: Record<HelpLang, FunctionsMetadata>;
  examples: HelpExample[];
  /** package.json version, shown in the footer. */
  version: string;
  /** Custom functions namespace (manifest). */
  namespace?: string;
}

export interface HelpSite {
  /** Output path (under dist/) → file content. */
  files: Record<string, string>;
  /** Mistakes that must fail the build (an example for an unknown function, an unknown pane string…). */
  problems: string[];
  /** Gaps worth a build warning (a function without an example). */
  warnings: string[];
}

export const HELP_LANGS: Array<{ lang: HelpLang; tag: UiLanguage }> = [
  { lang: "en", tag: "en-US" },
  { lang: "zh", tag: "zh-CN" },
];

export type HelpPage = "index" | "functions";

/** Path of a help page under dist/, e.g. help/en-US/functions.html. */
export function helpPath(lang: HelpLang, page: HelpPage): string {
  return `help/${tagOf(lang)}/${page}.html`;
}

/** Fragment id of a function's section on the function reference. */
export function functionAnchor(id: string): string {
  return `fn-${id.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

function tagOf(lang: HelpLang): UiLanguage {
  return lang === "zh" ? "zh-CN" : "en-US";
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Excel's General format, roughly: integers as typed, other numbers to 10 significant digits. */
export function formatCellValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  return String(value);
}

function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

class Renderer {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];

  constructor(private readonly input: HelpSiteInput) {}

  private ui(lang: HelpLang, key: string): string {
    const strings = UI_STRINGS[tagOf(lang)] as Record<string, string>;
    if (!(key in strings)) {
      this.problems.push(
        `help text refers to the task pane string "${key}", which src/i18n/ui.${tagOf(lang)}.json does not have`,
      );
      return key;
    }
    return strings[key as StringKey];
  }

  /** Inline markup → HTML: {ui:key}, `code`, **bold**, [text](target within the help site). */
  inline(lang: HelpLang, text: string): string {
    const resolved = text.replace(/\{ui:([\w.]+)\}/g, (_, key: string) => this.ui(lang, key));
    return escapeHtml(resolved)
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, target: string) => {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) {
          this.problems.push(`help text links outside the help site: ${target}`);
        }
        return `<a href="${target}">${label}</a>`;
      });
  }

  private page(lang: HelpLang, page: HelpPage, title: string, main: string): string {
    const c = CONTENT[lang];
    const other: HelpLang = lang === "en" ? "zh" : "en";
    const nav = (target: HelpPage, label: string): string =>
      `<a href="${target}.html"${target === page ? ' aria-current="page"' : ""}>${escapeHtml(label)}</a>`;
    return `<!doctype html>
<html lang="${tagOf(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'">
<title>${escapeHtml(title)} · ${escapeHtml(c.siteTitle)}</title>
<link rel="stylesheet" href="../help.css">
<link rel="alternate" hreflang="${tagOf(other)}" href="../${tagOf(other)}/${page}.html">
</head>
<body>
<a class="skip" href="#main">${escapeHtml(c.skipToContent)}</a>
<header class="site">
<div class="wrap">
<p class="brand"><img src="../../assets/icon-32.png" alt="" width="24" height="24"> ${escapeHtml(c.siteTitle)}</p>
<nav aria-label="${escapeHtml(c.pagesNav)}">
${nav("index", c.guideTitle)}
${nav("functions", c.functionsTitle)}
<a href="../${tagOf(other)}/${page}.html" lang="${tagOf(other)}" hreflang="${tagOf(other)}">${escapeHtml(CONTENT[lang].otherLanguage)}</a>
</nav>
</div>
</header>
<main id="main" class="wrap">
${main}
</main>
<footer class="wrap"><p>${escapeHtml(c.footer.replace("{version}", this.input.version))}</p></footer>
</body>
</html>
`;
  }

  private topic(lang: HelpLang, topic: { id: string; title: string; paragraphs: string[] }): string {
    return `<section aria-labelledby="${topic.id}">
<h2 id="${topic.id}">${this.inline(lang, topic.title)}</h2>
${topic.paragraphs.map((p) => `<p>${this.inline(lang, p)}</p>`).join("\n")}
</section>`;
  }

  guide(lang: HelpLang): string {
    const c: HelpContent = CONTENT[lang];
    const toc: Array<[string, string]> = [
      [c.start.id, c.start.title],
      ["panels", c.panelsTitle],
      [c.formulasOrValues.id, c.formulasOrValues.title],
      [c.privacy.id, c.privacy.title],
      ["troubleshooting", c.troubleshootingTitle],
      [c.excelVersions.id, c.excelVersions.title],
    ];
    const panels = c.panels
      .map(
        (p, i) =>
          `<h3 id="panel-${i + 1}">${escapeHtml(this.ui(lang, p.tab))}</h3>\n<p>${this.inline(lang, p.text)}</p>`,
      )
      .join("\n");
    const troubles = c.troubles
      .map(
        (t, i) =>
          `<h3 id="trouble-${i + 1}">${this.inline(lang, t.problem)}</h3>\n${t.text.map((p) => `<p>${this.inline(lang, p)}</p>`).join("\n")}`,
      )
      .join("\n");
    const main = `<h1>${escapeHtml(c.siteTitle)}</h1>
<p class="lead">${this.inline(lang, c.intro)}</p>
<nav class="toc" aria-labelledby="toc-h">
<h2 id="toc-h">${escapeHtml(c.contents)}</h2>
<ul>
${toc.map(([id, title]) => `<li><a href="#${id}">${this.inline(lang, title)}</a></li>`).join("\n")}
<li><a href="functions.html">${escapeHtml(c.functionsTitle)}</a></li>
</ul>
</nav>
${this.topic(lang, c.start)}
<section aria-labelledby="panels">
<h2 id="panels">${escapeHtml(c.panelsTitle)}</h2>
<p>${this.inline(lang, c.panelsIntro)}</p>
${panels}
<p>${this.inline(lang, c.panelsOutro)}</p>
</section>
${this.topic(lang, c.formulasOrValues)}
${this.topic(lang, c.privacy)}
<section aria-labelledby="troubleshooting">
<h2 id="troubleshooting">${escapeHtml(c.troubleshootingTitle)}</h2>
${troubles}
</section>
${this.topic(lang, c.excelVersions)}`;
    return this.page(lang, "index", c.guideTitle, main);
  }

  /** A small sheet as Excel shows it: column letters above, row numbers at the side. */
  private sheetTable(lang: HelpLang, sheet: unknown[][], label: string): string {
    const c = CONTENT[lang];
    const width = Math.max(...sheet.map((row) => row.length));
    const head = Array.from({ length: width }, (_, i) => `<th scope="col">${columnLetters(i)}</th>`).join("");
    const body = sheet
      .map((row, r) => {
        const cells = Array.from({ length: width }, (_, i) => {
          const v = row[i];
          return `<td${typeof v === "number" ? ' class="num"' : ""}>${escapeHtml(formatCellValue(v))}</td>`;
        }).join("");
        return `<tr><th scope="row">${r + 1}</th>${cells}</tr>`;
      })
      .join("\n");
    return `<div class="scroll" role="region" aria-label="${escapeHtml(label)}" tabindex="0">
<table class="grid">
<thead><tr><th scope="col"><span class="sr">${escapeHtml(c.row)} / ${escapeHtml(c.column)}</span></th>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>`;
  }

  private resultBlock(lang: HelpLang, result: unknown, label: string): string {
    const c = CONTENT[lang];
    if (!Array.isArray(result)) {
      return `<p class="result"><span class="tag">${escapeHtml(c.exampleResult)}</span> <code>${escapeHtml(formatCellValue(result))}</code></p>`;
    }
    const rows = (result as unknown[][])
      .map(
        (row) =>
          `<tr>${row.map((v) => `<td${typeof v === "number" ? ' class="num"' : ""}>${escapeHtml(formatCellValue(v))}</td>`).join("")}</tr>`,
      )
      .join("\n");
    return `<p class="result"><span class="tag">${escapeHtml(c.exampleResultSpill)}</span></p>
<div class="scroll" role="region" aria-label="${escapeHtml(label)}" tabindex="0">
<table class="spill">
<tbody>
${rows}
</tbody>
</table>
</div>`;
  }

  private example(lang: HelpLang, e: HelpExample, fnName: string, n: number): string {
    const c = CONTENT[lang];
    const title = lang === "zh" ? e.title.zh : e.title.en;
    const sheet =
      e.sheet && e.sheet.length > 0 ? this.sheetTable(lang, e.sheet, `${fnName} · ${c.exampleSheet} ${n}`) : "";
    return `<h3>${escapeHtml(c.example)}${n > 1 ? ` ${n}` : ""}${escapeHtml(c.colon)}${escapeHtml(title)}</h3>
${sheet}
<p class="formula"><span class="tag">${escapeHtml(c.exampleFormula)}</span> <code>${escapeHtml(e.formula)}</code></p>
${this.resultBlock(lang, e.result, `${fnName} · ${c.exampleResult} ${n}`)}`;
  }

  functions(lang: HelpLang): string {
    const c = CONTENT[lang];
    const ns = this.input.namespace ?? "SALES";
    const fns = this.input.metadata[lang].functions;
    const sections = fns.map((fn) => {
      const full = `${ns}.${fn.name}`;
      const signature = `=${full}(${fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
      const args = fn.parameters
        .map(
          (p) =>
            `<dt><code>${escapeHtml(p.name)}</code>${p.optional ? ` <span class="opt">${escapeHtml(c.optional)}</span>` : ""}</dt>\n<dd>${escapeHtml(p.description ?? "")}</dd>`,
        )
        .join("\n");
      const examples = this.input.examples.filter((e) => e.id === fn.id);
      if (examples.length === 0 && lang === "en")
        this.warnings.push(`${full} has no worked example in src/help/examples`);
      const anchor = functionAnchor(fn.id);
      return `<section class="fn" aria-labelledby="${anchor}">
<h2 id="${anchor}"><code>${escapeHtml(full)}</code></h2>
<p class="signature"><code>${escapeHtml(signature)}</code></p>
<p>${escapeHtml(fn.description ?? "")}</p>
<p>${escapeHtml(fn.result?.dimensionality === "matrix" ? c.returnsSpill : c.returnsValue)}</p>
${fn.parameters.length > 0 ? `<h3>${escapeHtml(c.arguments)}</h3>\n<dl class="args">\n${args}\n</dl>` : ""}
${examples.length > 0 ? examples.map((e, i) => this.example(lang, e, full, i + 1)).join("\n") : `<p>${escapeHtml(c.noExample)}</p>`}
<p class="top"><a href="#function-list">${escapeHtml(c.backToTop)}</a></p>
</section>`;
    });
    const main = `<h1>${escapeHtml(c.functionsTitle)}</h1>
${c.functionsIntro.map((p) => `<p>${this.inline(lang, p)}</p>`).join("\n")}
<nav aria-labelledby="function-list">
<h2 id="function-list">${escapeHtml(c.functionIndex)}</h2>
<ul class="index">
${fns.map((fn) => `<li><a href="#${functionAnchor(fn.id)}"><code>${escapeHtml(`${ns}.${fn.name}`)}</code></a></li>`).join("\n")}
</ul>
</nav>
${sections.join("\n")}`;
    return this.page(lang, "functions", c.functionsTitle, main);
  }

  landing(): string {
    const en = CONTENT.en;
    const zh = CONTENT.zh;
    return `<!doctype html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'">
<title>${escapeHtml(en.siteTitle)} · ${escapeHtml(zh.siteTitle)}</title>
<link rel="stylesheet" href="help.css">
</head>
<body>
<main id="main" class="wrap landing">
<h1><img src="../assets/icon-64.png" alt="" width="48" height="48"> ${escapeHtml(en.siteTitle)} <span lang="zh-CN">· ${escapeHtml(zh.siteTitle)}</span></h1>
<ul class="choices">
<li><a href="en-US/index.html" hreflang="en-US"><strong>English</strong> ${escapeHtml(en.guideTitle)}</a> · <a href="en-US/functions.html" hreflang="en-US">${escapeHtml(en.functionsTitle)}</a></li>
<li lang="zh-CN"><a href="zh-CN/index.html" hreflang="zh-CN"><strong>中文</strong> ${escapeHtml(zh.guideTitle)}</a> · <a href="zh-CN/functions.html" hreflang="zh-CN">${escapeHtml(zh.functionsTitle)}</a></li>
</ul>
</main>
</body>
</html>
`;
  }
}

/** The stylesheet: readable from 320 px (phone, narrow task pane) up, light and dark, no web fonts. */
export const HELP_CSS = `:root{color-scheme:light dark;--fg:#1b1b1b;--muted:#555;--bg:#fff;--panel:#f5f6f8;--line:#d0d4da;--link:#0b5cad;--accent:#0f6cbd;--code:#eef1f5}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--muted:#b9b9b9;--bg:#1c1c1c;--panel:#262829;--line:#45494e;--link:#8cc8ff;--accent:#6cb8f6;--code:#2d3034}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI","Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif}
.wrap{max-width:50rem;margin:0 auto;padding:0 1rem}
a{color:var(--link);text-underline-offset:.15em}
a:focus-visible,.scroll:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:.5rem;top:-3rem;background:var(--bg);padding:.5rem .75rem;border:2px solid var(--accent);z-index:1}
.skip:focus{top:.5rem}
header.site{background:var(--panel);border-bottom:1px solid var(--line)}
header.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.25rem 1rem;padding-top:.5rem;padding-bottom:.5rem}
.brand{margin:0;font-weight:600;display:flex;align-items:center;gap:.5rem}
header nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem}
header nav a{padding:.35rem 0;display:inline-block}
header nav a[aria-current=page]{font-weight:600;color:var(--fg);text-decoration-thickness:3px;text-decoration-color:var(--accent)}
h1{font-size:1.6rem;line-height:1.25;margin:1.25rem 0 .75rem}
h2{font-size:1.3rem;line-height:1.3;margin:2rem 0 .5rem;padding-top:.5rem;border-top:1px solid var(--line)}
h3{font-size:1.08rem;margin:1.25rem 0 .35rem}
p,li,dd{overflow-wrap:break-word}
.lead{font-size:1.05rem}
code{font-family:ui-monospace,SFMono-Regular,Consolas,"Liberation Mono",monospace;font-size:.9em;background:var(--code);padding:.05em .3em;border-radius:3px;overflow-wrap:anywhere}
.toc ul,.index{padding-left:1.25rem}
.toc h2{border-top:0;margin-top:1rem}
.index{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0}
.signature code{display:inline-block;padding:.35rem .5rem;line-height:1.45}
dl.args dt{margin-top:.6rem;font-weight:600}
dl.args dd{margin:.1rem 0 0 1rem}
.opt{font-weight:400;font-size:.85em;color:var(--muted)}
.tag{font-weight:600;margin-right:.35rem}
.formula code{display:inline-block;padding:.3rem .5rem;line-height:1.45}
.scroll{overflow-x:auto;max-width:100%;margin:.5rem 0 1rem}
table{border-collapse:collapse;font-size:.92rem}
td,th{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;white-space:nowrap;vertical-align:top}
.grid thead th,.grid tbody th{background:var(--panel);color:var(--muted);font-weight:500;text-align:center;min-width:2rem}
.num{text-align:right;font-variant-numeric:tabular-nums}
.spill{border:2px solid var(--accent)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.top{font-size:.9rem}
footer{margin-top:2.5rem;padding-bottom:2rem;color:var(--muted);font-size:.9rem;border-top:1px solid var(--line)}
.landing h1{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}
.choices{list-style:none;padding:0;font-size:1.1rem}
.choices li{margin:.75rem 0}
`;

/** Renders every file of the help site. */
export function renderHelpSite(input: HelpSiteInput): HelpSite {
  const r = new Renderer(input);
  const files: Record<string, string> = { "help/index.html": r.landing(), "help/help.css": HELP_CSS };
  const known = new Set(input.metadata.en.functions.map((f) => f.id));
  for (const e of input.examples)
    if (!known.has(e.id)) r.problems.push(`a help example is for ${e.id}, which is not a function`);
  for (const { lang } of HELP_LANGS) {
    files[helpPath(lang, "index")] = r.guide(lang);
    files[helpPath(lang, "functions")] = r.functions(lang);
  }
  return { files, problems: [...new Set(r.problems)], warnings: r.warnings };
}
