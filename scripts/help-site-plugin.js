"use strict";
/**
 * Emits the help site (dist/help/) from the metadata this very build generated, so the function reference always
 * matches what Excel shows, and points each function's `helpUrl` in functions.json / functions.zh-cn.json at its
 * section (Excel's Insert Function dialog links to it).
 *
 * The pages are rendered by src/help/site.ts with the worked examples of src/help/examples/, TypeScript loaded
 * with ts-node (transpile only, as the benchmark does); their modules are re-read on every (watch) build.
 */
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");

const PLUGIN_NAME = "HelpSitePlugin";
const ROOT = path.resolve(__dirname, "..");
let tsNodeRegistered = false;

function loadTypeScript(file) {
  if (!tsNodeRegistered) {
    require("ts-node").register({
      transpileOnly: true,
      project: path.join(ROOT, "tsconfig.json"),
      compilerOptions: { module: "commonjs" },
    });
    tsNodeRegistered = true;
  }
  // A watch rebuild must see edited help text and examples: forget every project source module loaded before.
  const src = path.join(ROOT, "src") + path.sep;
  for (const key of Object.keys(require.cache)) if (key.startsWith(src)) delete require.cache[key];
  return require(file);
}

class HelpSitePlugin {
  /**
   * @param {{ base: string, version: string, metadata?: { en: string, zh: string } }} options
   *   base: the URL the add-in is served from (ends with "/"); metadata: asset names of the en / zh metadata.
   */
  constructor(options) {
    this.base = options.base;
    this.version = options.version;
    this.metadata = options.metadata || { en: "functions.json", zh: "functions.zh-cn.json" };
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.contextDependencies.add(path.join(ROOT, "src", "help"));
      compilation.contextDependencies.add(path.join(ROOT, "src", "i18n"));
      compilation.hooks.processAssets.tap(
        // After the zh-CN metadata exists (LocalizedFunctionsMetadataPlugin runs at ADDITIONS).
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS + 1 },
        () => {
          const metadata = {};
          for (const [lang, name] of Object.entries(this.metadata)) {
            const asset = compilation.getAsset(name);
            if (!asset) {
              compilation.errors.push(
                new WebpackError(`${PLUGIN_NAME}: ${name} was not generated, so the help site cannot be built`),
              );
              return;
            }
            metadata[lang] = JSON.parse(asset.source.source().toString());
          }
          let site;
          let helpUrl;
          try {
            const { renderHelpSite, helpPath, functionAnchor } = loadTypeScript(
              path.join(ROOT, "src", "help", "site.ts"),
            );
            const { allExamples } = loadTypeScript(path.join(ROOT, "src", "help", "examples", "index.ts"));
            site = renderHelpSite({ metadata, examples: allExamples, version: this.version });
            helpUrl = (lang, id) => `${this.base}${helpPath(lang, "functions")}#${functionAnchor(id)}`;
          } catch (err) {
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${err && err.stack ? err.stack : err}`));
            return;
          }
          for (const p of site.problems) compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${p}`));
          for (const w of site.warnings) compilation.warnings.push(new WebpackError(`${PLUGIN_NAME}: ${w}`));
          // Marked as minimized: the pages are small and written to be read; minifying them would only earn them a
          // source map, one more file in the served folder.
          for (const [file, content] of Object.entries(site.files)) {
            compilation.emitAsset(file, new sources.RawSource(content), { minimized: true });
          }
          for (const [lang, name] of Object.entries(this.metadata)) {
            const withHelp = {
              ...metadata[lang],
              functions: metadata[lang].functions.map((fn) => ({ ...fn, helpUrl: helpUrl(lang, fn.id) })),
            };
            compilation.updateAsset(name, new sources.RawSource(JSON.stringify(withHelp, null, 2) + "\n"));
          }
        },
      );
    });
  }
}

module.exports = HelpSitePlugin;
