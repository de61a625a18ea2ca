// Types for scripts/office-js-html-plugin.js.
import type { Compiler } from "webpack";

declare class OfficeJsHtmlPlugin {
  constructor(options: { pages: string[] });
  apply(compiler: Compiler): void;
}
declare namespace OfficeJsHtmlPlugin {
  const OFFICE_JS_URL: string;
  function ensureOfficeJs(html: string): string;
}
export = OfficeJsHtmlPlugin;
