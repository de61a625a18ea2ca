"use strict";
/**
 * Emits a localized copy of the custom-functions metadata (e.g. functions.zh-cn.json) next to the
 * functions.json that custom-functions-metadata-plugin generates from the JSDoc of src/functions/functions.ts.
 *
 * Only `description` texts are replaced: ids and names stay English in every locale (Excel keeps English
 * names for its own functions in Chinese too, and formulas must be portable between locales). The
 * generated JSON is never edited by hand; translations live in src/i18n/functions.<locale>.json:
 *   { "functions": { "<ID>": { "description": "...", "parameters": { "<param name>": "..." } } } }
 * A function or parameter without a translation, or a translation for something that no longer exists,
 * fails the build, so the two files cannot drift apart silently.
 */
const fs = require("fs");
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");

const PLUGIN_NAME = "LocalizedFunctionsMetadataPlugin";

/**
 * @param {object} metadata parsed functions.json
 * @param {object} translations parsed src/i18n/functions.<locale>.json
 * @returns {{ localized: object, problems: string[] }}
 */
function localizeMetadata(metadata, translations) {
  const problems = [];
  const table = (translations && translations.functions) || {};
  const seen = new Set();
  const functions = (metadata.functions || []).map((fn) => {
    const entry = table[fn.id];
    seen.add(fn.id);
    if (!entry) {
      problems.push(`no translation for function ${fn.id}`);
      return fn;
    }
    if (typeof entry.description !== "string" || entry.description.trim() === "") {
      problems.push(`no translated description for function ${fn.id}`);
    }
    const paramTable = entry.parameters || {};
    const known = new Set();
    const parameters = (fn.parameters || []).map((p) => {
      known.add(p.name);
      const text = paramTable[p.name];
      if (typeof text !== "string" || text.trim() === "") {
        problems.push(`no translated description for parameter ${fn.id}.${p.name}`);
        return p;
      }
      return { ...p, description: text };
    });
    for (const name of Object.keys(paramTable)) {
      if (!known.has(name)) problems.push(`translation for unknown parameter ${fn.id}.${name}`);
    }
    const localized = { ...fn, parameters };
    if (typeof entry.description === "string" && entry.description.trim() !== "")
      localized.description = entry.description;
    return localized;
  });
  for (const id of Object.keys(table)) {
    if (!seen.has(id)) problems.push(`translation for unknown function ${id}`);
  }
  return { localized: { ...metadata, functions }, problems };
}

class LocalizedFunctionsMetadataPlugin {
  /**
   * @param {{ source?: string, translations: string, output: string }} options
   *   source: the generated metadata asset name (default "functions.json");
   *   translations: path of the translation file; output: the asset to emit.
   */
  constructor(options) {
    this.source = options.source || "functions.json";
    this.translations = path.resolve(options.translations);
    this.output = options.output;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.fileDependencies.add(this.translations);
      compilation.hooks.processAssets.tap(
        // Runs after the metadata plugin has added functions.json (it does so when the compilation starts).
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(this.source);
          if (!asset) {
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${this.source} was not generated`));
            return;
          }
          let translations;
          try {
            translations = JSON.parse(fs.readFileSync(this.translations, "utf8"));
          } catch (err) {
            compilation.errors.push(
              new WebpackError(`${PLUGIN_NAME}: cannot read ${this.translations}: ${err.message}`),
            );
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          const { localized, problems } = localizeMetadata(metadata, translations);
          for (const problem of problems) {
            compilation.errors.push(
              new WebpackError(`${PLUGIN_NAME}: ${path.basename(this.translations)}: ${problem}`),
            );
          }
          compilation.emitAsset(this.output, new sources.RawSource(JSON.stringify(localized, null, 2) + "\n"));
        },
      );
    });
  }
}

module.exports = LocalizedFunctionsMetadataPlugin;
module.exports.localizeMetadata = localizeMetadata;
