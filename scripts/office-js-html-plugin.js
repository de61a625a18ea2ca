"use strict";
/**
 * Makes sure a page loads office.js from Microsoft's CDN before any of its bundles.
 *
 * taskpane.html is the add-in's shared runtime page: Excel loads it (hidden) to run the custom functions
 * as well as to show the task pane, and the `Office` and `CustomFunctions` globals come from office.js.
 * The page template belongs to the task-pane code and may or may not contain the script tag; this plugin
 * adds it when missing so the guarantee does not depend on the template. Office requires the CDN copy:
 * the add-in store rejects bundled office.js.
 */
const HtmlWebpackPlugin = require("html-webpack-plugin");

const PLUGIN_NAME = "OfficeJsHtmlPlugin";
const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function ensureOfficeJs(html) {
  if (html.includes(OFFICE_JS_URL)) return html;
  const tag = `<script type="text/javascript" src="${OFFICE_JS_URL}"></script>`;
  const firstScript = html.search(/<script\b/i);
  const headEnd = html.search(/<\/head>/i);
  const at = firstScript >= 0 && (headEnd < 0 || firstScript < headEnd) ? firstScript : headEnd;
  if (at < 0) return tag + html;
  return html.slice(0, at) + tag + html.slice(at);
}

class OfficeJsHtmlPlugin {
  /** @param {{ pages: string[] }} options html output names (e.g. ["taskpane.html"]) */
  constructor(options) {
    this.pages = new Set(options.pages);
  }

  apply(compiler) {
    compiler.hooks.compilation.tap(PLUGIN_NAME, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap(PLUGIN_NAME, (data) => {
        if (this.pages.has(data.outputName)) data.html = ensureOfficeJs(data.html);
        return data;
      });
    });
  }
}

module.exports = OfficeJsHtmlPlugin;
module.exports.OFFICE_JS_URL = OFFICE_JS_URL;
module.exports.ensureOfficeJs = ensureOfficeJs;
