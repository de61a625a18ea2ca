"use strict";
/**
 * Keeps the served folder of a deployment build (ADDIN_URL) to what Excel loads, and records what went into it.
 *
 * - Source maps (devtool "hidden-source-map": no sourceMappingURL comment in the bundles) are moved out of the
 *   served folder into <output>-meta/sourcemaps/, for whoever debugs a production problem; users never get them.
 * - <output>-meta/bundle-modules.json lists, per bundle, every source module in it (path relative to the project
 *   and size), so the runtime dependencies of the production bundle can be audited and tested.
 * - Any text asset that still mentions the development server (https://localhost:3000), or localhost at all when
 *   the deployment URL is not on localhost, fails the build.
 */
const fs = require("fs");
const path = require("path");
const { Compilation, WebpackError } = require("webpack");
const { DEV_BASE_URL } = require("./addin-url");

const PLUGIN_NAME = "ProductionOutputPlugin";
const TEXT_ASSET = /\.(html|js|json|xml|css|txt|svg)$/i;

/** The modules a chunk holds, concatenated modules expanded, as paths relative to `root`. */
function chunkModules(compilation, chunk, root) {
  const out = new Map();
  const add = (module) => {
    if (module.modules) {
      for (const inner of module.modules) add(inner);
      return;
    }
    const resource = module.resource || (typeof module.nameForCondition === "function" && module.nameForCondition());
    if (!resource) return;
    let name = path.relative(root, resource.split("?")[0]).split(path.sep).join("/");
    // Packages by their name (node_modules may be a link to a shared install elsewhere).
    const packageAt = name.lastIndexOf("node_modules/");
    if (packageAt >= 0) name = name.slice(packageAt);
    out.set(name, (out.get(name) || 0) + (typeof module.size === "function" ? module.size() : 0));
  };
  for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) add(module);
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([file, size]) => ({ file, size }));
}

class ProductionOutputPlugin {
  /** @param {{ base: string, root: string }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { base, root } = this.options;
    const metaDir = () => `${compiler.options.output.path}-meta`;
    let maps = [];
    let modules = {};
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE },
        () => {
          maps = [];
          for (const asset of compilation.getAssets()) {
            if (!asset.name.endsWith(".map")) continue;
            maps.push({ name: asset.name, source: asset.source.buffer() });
            compilation.deleteAsset(asset.name);
          }
          const allowLocalhost = /localhost/i.test(new URL(base).hostname);
          for (const asset of compilation.getAssets()) {
            if (!TEXT_ASSET.test(asset.name)) continue;
            const text = asset.source.source().toString();
            if (text.includes(DEV_BASE_URL.replace(/\/$/, ""))) {
              compilation.errors.push(
                new WebpackError(`${PLUGIN_NAME}: ${asset.name} mentions the development server ${DEV_BASE_URL}`),
              );
            } else if (!allowLocalhost && /localhost/i.test(text)) {
              compilation.errors.push(
                new WebpackError(
                  `${PLUGIN_NAME}: ${asset.name} mentions localhost, but the add-in is deployed to ${base}`,
                ),
              );
            }
          }
          modules = {};
          for (const [name, entrypoint] of compilation.entrypoints) {
            modules[name] = entrypoint.chunks.flatMap((chunk) => chunkModules(compilation, chunk, root));
          }
        },
      );
    });
    compiler.hooks.afterEmit.tap(PLUGIN_NAME, () => {
      const dir = metaDir();
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(path.join(dir, "sourcemaps"), { recursive: true });
      for (const { name, source } of maps) {
        const file = path.join(dir, "sourcemaps", name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, source);
      }
      fs.writeFileSync(
        path.join(dir, "bundle-modules.json"),
        JSON.stringify({ base, entries: modules }, null, 2) + "\n",
      );
    });
  }
}

module.exports = ProductionOutputPlugin;
