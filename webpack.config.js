/* eslint-disable no-undef */
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
 * `--env entries=functions` (comma list) builds only some entries, e.g. while another part does not compile.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const LocalizedFunctionsMetadataPlugin = require("./scripts/zh-cn-metadata-plugin");
const OfficeJsHtmlPlugin = require("./scripts/office-js-html-plugin");
const { getDevServerHttps } = require("./scripts/dev-certs");

const DEV_SERVER_PORT = 3000;
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

module.exports = async (env, argv) => {
  const mode = argv.mode || "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
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
    preview: "./src/preview/index.tsx",
  };
  for (const name of Object.keys(entry)) if (!wanted(name)) delete entry[name];

  return {
    mode,
    // No eval-based source maps, even in development: Excel's runtimes may forbid eval.
    devtool: "source-map",
    target: ["web", "es2020"],
    entry,
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // The manifest names fixed URLs (functions.js); no hashes. A fixed, relative public path avoids the
      // `document.currentScript` probe of publicPath "auto", which fails outside a page.
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
      new LocalizedFunctionsMetadataPlugin({
        source: "functions.json",
        translations: path.resolve(__dirname, "src/i18n/functions.zh-CN.json"),
        output: "functions.zh-cn.json",
      }),
      wanted("taskpane") &&
        new HtmlWebpackPlugin({
          filename: "taskpane.html",
          template: "./src/taskpane/taskpane.html",
          // Order matters: the functions register before the task pane UI boots.
          chunks: ["functions", "taskpane"],
          chunksSortMode: "manual",
          inject: "head",
          scriptLoading: "defer",
        }),
      wanted("preview") &&
        new HtmlWebpackPlugin({
          filename: "preview.html",
          template: "./src/preview/preview.html",
          chunks: ["preview"],
          inject: "head",
          scriptLoading: "defer",
        }),
      new OfficeJsHtmlPlugin({ pages: ["taskpane.html"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "assets", to: "assets", globOptions: { ignore: ["**/*.svg"] } },
        ],
      }),
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
