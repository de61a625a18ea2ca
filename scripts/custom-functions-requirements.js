"use strict";
/**
 * Which CustomFunctionsRuntime level the add-in needs, from what it really uses: the properties of the function
 * metadata (functions.json) and the members of the `CustomFunctions` API the code calls. The manifest's
 * <Requirements> must declare at least that level, or Excel builds that lack it would load metadata or code they
 * cannot honour (the manifest test checks this).
 *
 * Levels, from Microsoft's reference (learn.microsoft.com):
 *  - "Custom Functions requirement sets": 1.1 first version; 1.2 adds CustomFunctions.Error; 1.3 adds XLL
 *    streaming and new ErrorCode options (#NAME?, #REF!); 1.4 adds data types and the
 *    `allowCustomDataForDataTypeAny` metadata property; 1.5 linked entities and formula value preview.
 *  - CustomFunctions.Invocation: `address` (options.requiresAddress) 1.1, `parameterAddresses`
 *    (options.requiresParameterAddresses) 1.3; streaming and cancelable invocations 1.1.
 * A property or member not in these tables is "unknown": the check fails until someone looks its level up.
 */

/** Metadata properties → the CustomFunctionsRuntime version that introduced them. */
const METADATA_LEVELS = {
  top: { functions: "1.1", allowCustomDataForDataTypeAny: "1.4" },
  function: {
    id: "1.1",
    name: "1.1",
    description: "1.1",
    helpUrl: "1.1",
    parameters: "1.1",
    result: "1.1",
    options: "1.1",
  },
  options: {
    stream: "1.1",
    cancelable: "1.1",
    volatile: "1.1",
    requiresAddress: "1.1",
    requiresParameterAddresses: "1.3",
  },
  parameter: { name: "1.1", description: "1.1", type: "1.1", dimensionality: "1.1", optional: "1.1" },
  result: { type: "1.1", dimensionality: "1.1" },
};

/** `CustomFunctions.<member>` → version; ErrorCode members by name. */
const API_LEVELS = { associate: "1.1", Error: "1.2", ErrorCode: "1.2" };
const ERROR_CODE_LEVELS = {
  invalidValue: "1.2",
  notAvailable: "1.2",
  divisionByZero: "1.2",
  invalidNumber: "1.2",
  nullReference: "1.2",
  invalidName: "1.3",
  invalidReference: "1.3",
};

/** Compares "1.10" > "1.9" numerically, part by part. */
function compareVersions(a, b) {
  const x = String(a).split(".").map(Number);
  const y = String(b).split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] || 0) - (y[i] || 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * What a functions.json needs: every property it sets (a property set to false is the default and needs nothing).
 * @returns {{ uses: Array<{ where: string, property: string, level: string | undefined }> }}
 */
function metadataUses(metadata) {
  const uses = [];
  const note = (table, where, property, value) => {
    if (value === false || value === undefined) return;
    uses.push({ where, property, level: METADATA_LEVELS[table][property] });
  };
  for (const [key, value] of Object.entries(metadata)) note("top", "functions.json", key, value);
  for (const fn of metadata.functions || []) {
    for (const [key, value] of Object.entries(fn)) note("function", fn.id, key, value);
    for (const [key, value] of Object.entries(fn.options || {})) note("options", `${fn.id} options`, key, value);
    for (const p of fn.parameters || []) {
      for (const [key, value] of Object.entries(p)) note("parameter", `${fn.id}(${p.name})`, key, value);
    }
    for (const [key, value] of Object.entries(fn.result || {})) note("result", `${fn.id} result`, key, value);
  }
  return { uses };
}

/**
 * What TypeScript/JavaScript source uses of the CustomFunctions API: `CustomFunctions.X` members and the
 * ErrorCode member names it mentions (the adapter picks codes by name).
 */
function apiUses(sourceText, file) {
  const uses = [];
  for (const m of sourceText.matchAll(/\bCustomFunctions\.([A-Za-z_$][\w$]*)/g)) {
    uses.push({ where: file, property: `CustomFunctions.${m[1]}`, level: API_LEVELS[m[1]] });
  }
  if (/\bCustomFunctions\.ErrorCode\b/.test(sourceText)) {
    for (const [name, level] of Object.entries(ERROR_CODE_LEVELS)) {
      if (new RegExp(`["'\`.]${name}\\b`).test(sourceText))
        uses.push({ where: file, property: `ErrorCode.${name}`, level });
    }
  }
  return uses;
}

/** The highest level among `uses`, and the uses whose level is unknown. */
function requiredLevel(uses) {
  let level = "1.1";
  const unknown = [];
  for (const use of uses) {
    if (use.level === undefined) unknown.push(use);
    else if (compareVersions(use.level, level) > 0) level = use.level;
  }
  return { level, unknown };
}

/**
 * Removes the metadata property the generator always writes but this add-in does not want:
 * custom-functions-metadata sets `allowCustomDataForDataTypeAny: true` (CustomFunctionsRuntime 1.4). With it,
 * a cell holding a data type (Stocks, Geography, an entity) reaches an `any` parameter as an entity object the
 * engine does not read; without it Excel passes the cell's plain value, and the metadata stays within the
 * CustomFunctionsRuntime 1.2 the manifest declares. Runs before the zh-CN copy is made, so both files agree.
 */
class MetadataScopePlugin {
  constructor(options) {
    this.asset = (options && options.asset) || "functions.json";
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = require("webpack");
    compiler.hooks.thisCompilation.tap("MetadataScopePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "MetadataScopePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_PRE_PROCESS },
        () => {
          const asset = compilation.getAsset(this.asset);
          if (!asset) {
            compilation.errors.push(new WebpackError(`MetadataScopePlugin: ${this.asset} was not generated`));
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          delete metadata.allowCustomDataForDataTypeAny;
          compilation.updateAsset(this.asset, new sources.RawSource(JSON.stringify(metadata, null, 4)));
        },
      );
    });
  }
}

module.exports = {
  METADATA_LEVELS,
  API_LEVELS,
  ERROR_CODE_LEVELS,
  compareVersions,
  metadataUses,
  apiUses,
  requiredLevel,
  MetadataScopePlugin,
};
