"use strict";
/**
 * One compilation, three pages:
 *  - functions.js: the custom functions. Excel may load it in its JavaScript-only runtime, where only the
 *    `CustomFunctions` global and standard JS exist (no window, self, document or Office), so this entry
 *    gets no chunk loading and a fixed public path, and webpack's runtime uses `globalThis`.
 *  - taskpane.html (+ taskpane.js): the shared runtime page. Excel loads it for the task pane AND for the
 *    custom functions, so it loads office.js from the CDN, then functions.js, then taskpane.js.
 *  - preview.html (+ preview.js): the task pane over a simulated workbook in an ordinary browser.
 * custom-functions-metadata-plugin generates functions.json from the JSDoc of functions.ts and appends one
 * `CustomFunctions.associate(id, fn)` per function to that module, so there is no hand-written registry.
 * The help site (help/, en-US and zh-CN) is rendered from that metadata and src/help/ in every build.
 * `--env entries=functions` (comma list) builds only some entries, e.g. while another part does not compile.
 *
 * Two kinds of build:
 *  - development / sideloading (no ADDIN_URL): URLs on https://localhost:3000/, fixed file names, source maps,
 *    the preview page. `npm start`, `npm run build`, the tests.
 *  - deployment: `ADDIN_URL=https://sales.example.com/addin/ npm run build`. Every URL in manifest.xml and the
 *    function metadata points at ADDIN_URL; dist/ holds only what Excel loads (no preview, no source maps:
 *    those go to dist-meta/sourcemaps/ beside it, with dist-meta/bundle-modules.json listing what each bundle
 *    contains); the scripts get content hashes in their names, so a browser or Office cache can never pair an
 *    old bundle with a new taskpane.html, while functions.json, taskpane.html and manifest.xml keep the fixed
 *    names the manifest and Office ask for. README, "Deploying for a team".
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const LocalizedFunctionsMetadataPlugin = require("./scripts/zh-cn-metadata-plugin");
const OfficeJsHtmlPlugin = require("./scripts/office-js-html-plugin");
const { getDevServerHttps } = require("./scripts/dev-certs");
const { DEV_BASE_URL, parseAddinUrl, manifestVersion } = require("./scripts/addin-url");
const AddinManifestPlugin = require("./scripts/addin-manifest-plugin");
const HelpSitePlugin = require("./scripts/help-site-plugin");
const ProductionOutputPlugin = require("./scripts/production-output-plugin");
const { MetadataScopePlugin } = require("./scripts/custom-functions-requirements");
const packageJson = require("./package.json");

const DEV_SERVER_PORT = 3000;
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

module.exports = async (env, argv) => {
  const mode = argv.mode || "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  // A deployment build: ADDIN_URL names where dist/ will be served (validated: absolute, https, ends with "/").
  const deployment = process.env.ADDIN_URL !== undefined && process.env.ADDIN_URL !== "";
  if (deployment && serving)
    throw new Error("ADDIN_URL is for `npm run build`; the dev server always serves https://localhost:3000/");
  const { base, origin } = deployment
    ? parseAddinUrl(process.env.ADDIN_URL)
    : { base: DEV_BASE_URL, origin: DEV_BASE_URL.replace(/\/$/, "") };
  const version = manifestVersion(packageJson.version);
  const server = serving ? await getDevServerHttps() : undefined;
  const only = env && typeof env.entries === "string" ? new Set(env.entries.split(",")) : undefined;
  const wanted = (name) => !only || only.has(name);
  const entry = {
    functions: {
      import: FUNCTIONS_SOURCE,
      // Everything in one file: Excel's JavaScript-only runtime cannot load further chunks.
      chunkLoading: false,
      asyncChunks: false,
    },
    taskpane: "./src/taskpane/index.tsx",
    // The preview runs the pane over a simulated workbook; Excel never loads it, so a deployment leaves it out.
    ...(deployment ? {} : { preview: "./src/preview/index.tsx" }),
  };
  for (const name of Object.keys(entry)) if (!wanted(name)) delete entry[name];

  return {
    mode,
    // No eval-based source maps, even in development: Excel's runtimes may forbid eval. A deployment writes
    // them without a sourceMappingURL comment and ProductionOutputPlugin moves them out of the served folder.
    devtool: deployment ? "hidden-source-map" : "source-map",
    target: ["web", "es2020"],
    entry,
    output: {
      path: path.resolve(__dirname, "dist"),
      // Development: the fixed names the dev server and the tests use. Deployment: content hashes, so a new
      // taskpane.html always loads the bundles built with it (the manifest's script URL is rewritten to match).
      filename: deployment ? "[name].[contenthash:10].js" : "[name].js",
      // A fixed, relative public path avoids the `document.currentScript` probe of publicPath "auto", which
      // fails outside a page.
      publicPath: "",
      globalObject: "globalThis",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type errors are reported by `npm run lint` (tsc --noEmit); the build only transpiles.
            options: { transpileOnly: true },
          },
        },
      ],
    },
    optimization: {
      // Each page gets self-contained bundles (see above); shared chunks would break functions.js.
      runtimeChunk: false,
      splitChunks: false,
    },
    performance: {
      // The task pane bundles React + Fluent UI; a few hundred KB is expected for an add-in.
      maxAssetSize: 2 * 1024 * 1024,
      maxEntrypointSize: 2 * 1024 * 1024,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new MetadataScopePlugin({ asset: "functions.json" }),
      new LocalizedFunctionsMetadataPlugin({
        source: "functions.json",
        translations: path.resolve(__dirname, "src/i18n/functions.zh-CN.json"),
        output: "functions.zh-cn.json",
      }),
      entry.taskpane &&
        new HtmlWebpackPlugin({
          filename: "taskpane.html",
          template: "./src/taskpane/taskpane.html",
          // Order matters: the functions register before the task pane UI boots.
          chunks: ["functions", "taskpane"],
          chunksSortMode: "manual",
          inject: "head",
          scriptLoading: "defer",
        }),
      entry.preview &&
        new HtmlWebpackPlugin({
          filename: "preview.html",
          template: "./src/preview/preview.html",
          chunks: ["preview"],
          inject: "head",
          scriptLoading: "defer",
        }),
      new OfficeJsHtmlPlugin({ pages: ["taskpane.html"] }),
      new HelpSitePlugin({ base, version: packageJson.version }),
      new AddinManifestPlugin({
        source: path.resolve(__dirname, "manifest.xml"),
        base,
        origin,
        version,
        hashedScripts: deployment && wanted("functions"),
        generatedNote: `Generated by \`ADDIN_URL=${base} npm run build\` from manifest.xml (version ${version}). Do not edit: change manifest.xml and rebuild. The <Id> is the add-in's permanent identity; keep it.`,
      }),
      new CopyWebpackPlugin({
        // Only the icons the manifest and the help pages use (the 128 px icon and the SVG sources are not).
        patterns: [
          {
            from: "assets",
            to: "assets",
            globOptions: { ignore: ["**/*.svg", ...(deployment ? ["**/icon-128.png"] : [])] },
          },
        ],
      }),
      deployment && new ProductionOutputPlugin({ base, root: __dirname }),
    ].filter(Boolean),
    devServer: {
      port: DEV_SERVER_PORT,
      host: "localhost",
      server: server && (server.options ? { type: server.type, options: server.options } : server.type),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      liveReload: false,
      client: false,
      // Written to dist/ too, so `npm start` leaves the same files a production build would.
      devMiddleware: { writeToDisk: true },
    },
  };
};
