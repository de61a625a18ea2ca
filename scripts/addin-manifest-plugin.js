"use strict";
/**
 * Emits dist/manifest.xml from ./manifest.xml for the URL the build targets.
 *
 * - <Version> follows package.json (four parts), in every build: the admin center only accepts an update whose
 *   Version is greater, so the release number and the manifest cannot drift apart.
 * - For a deployment (ADDIN_URL), EVERY https://localhost:3000 URL becomes the deployment URL: all of them, not
 *   only the first (`String.replace` with a string pattern replaces one occurrence, the trap in Microsoft's own
 *   shared-runtime template), and the AppDomain becomes the deployment's origin. The explanatory header comment
 *   is replaced by one saying how the file was generated. The result must not mention localhost at all.
 * - The custom functions script URL names the content-hashed bundle that taskpane.html loads, so the manifest
 *   and the page always point at the same code.
 * - The <Id> is copied as it is: it is the add-in's identity for Office and the admin center (a new Id would be a
 *   second add-in, not an update). The build never generates one.
 */
const fs = require("fs");
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");
const { DEV_BASE_URL } = require("./addin-url");

const PLUGIN_NAME = "AddinManifestPlugin";
const DEV_ORIGIN = DEV_BASE_URL.replace(/\/$/, "");

/**
 * @param {string} xml the source manifest (./manifest.xml)
 * @param {{ base: string, origin: string, version: string, functionsScript?: string, generatedNote?: string }} target
 * @returns {{ xml: string, problems: string[] }}
 */
function rewriteManifest(xml, target) {
  const problems = [];
  const idOf = (text) => (/<Id>\s*([^<\s]+)\s*<\/Id>/.exec(text) || [])[1];
  const versions = xml.match(/<Version>[^<]*<\/Version>/g) || [];
  if (versions.length !== 1) problems.push(`expected one <Version> element in manifest.xml, found ${versions.length}`);
  let out = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${target.version}</Version>`);

  if (target.base !== DEV_BASE_URL) {
    if (target.generatedNote !== undefined) {
      // The header comment explains the development URLs; in a generated file it would only mislead.
      out = out.replace(/<!--[\s\S]*?-->/, `<!--\n  ${target.generatedNote.replace(/--/g, "- -")}\n-->`);
    }
    out = out.split(DEV_BASE_URL).join(target.base);
    out = out.split(DEV_ORIGIN).join(target.origin);
  }
  if (target.functionsScript && target.functionsScript !== "functions.js") {
    // The closing quote keeps functions.json (the metadata, fixed name) out of this replacement.
    const before = `${target.base}functions.js"`;
    if (!out.includes(before)) problems.push(`manifest.xml has no ${before} to point at ${target.functionsScript}`);
    out = out.split(before).join(`${target.base}${target.functionsScript}"`);
  }

  if (idOf(out) !== idOf(xml)) problems.push("the manifest <Id> changed during the build");
  if (target.base !== DEV_BASE_URL) {
    if (out.includes(DEV_ORIGIN)) problems.push(`dist/manifest.xml still mentions ${DEV_ORIGIN}`);
    if (!/localhost/i.test(target.base) && /localhost/i.test(out))
      problems.push("dist/manifest.xml still mentions localhost");
  }
  return { xml: out, problems };
}

class AddinManifestPlugin {
  /**
   * @param {{ source: string, base: string, origin: string, version: string, hashedScripts: boolean, generatedNote?: string }} options
   */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { source } = this.options;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.fileDependencies.add(path.resolve(source));
      compilation.hooks.processAssets.tap(
        // After RealContentHashPlugin has given the bundles their final names.
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_HASH + 1 },
        () => {
          let functionsScript;
          if (this.options.hashedScripts) {
            const chunk = compilation.namedChunks.get("functions");
            functionsScript = chunk && [...chunk.files].find((f) => f.endsWith(".js"));
            if (!functionsScript) {
              compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: the functions bundle was not emitted`));
              return;
            }
          }
          const { xml, problems } = rewriteManifest(fs.readFileSync(source, "utf8"), {
            ...this.options,
            functionsScript,
          });
          for (const p of problems) compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${p}`));
          compilation.emitAsset("manifest.xml", new sources.RawSource(xml));
        },
      );
    });
  }
}

module.exports = AddinManifestPlugin;
module.exports.rewriteManifest = rewriteManifest;
