/**
 * The deployment build (`ADDIN_URL=https://sales.example.com/addin/ npm run build`), checked offline the way an
 * IT department would look at it before uploading the manifest: every URL on HTTPS under the deployment URL and
 * naming a file the build emitted, no trace of localhost, icons of the declared sizes, a real support page, the
 * requirement sets at the level the code needs, only what Excel loads in the served folder (hashed scripts, no
 * maps, no preview), no dev-only code in the bundles, and no network calls of the add-in's own.
 * Built once into a temporary folder (test/support/productionBuild.ts), never into dist/.
 */
import * as fs from "fs";
import * as path from "path";
import {
  allElements,
  checkManifest,
  collectResources,
  declaredSets,
  parseXml,
  pngSize,
  type XmlElement,
} from "../scripts/manifest-check";
import { apiUses, metadataUses, requiredLevel, type RequirementUse } from "../scripts/custom-functions-requirements";
import { manifestVersion } from "../scripts/addin-url";
import { listFiles, productionBuild, PRODUCTION_URL, type ProductionBuild } from "./support/productionBuild";

const ROOT = path.resolve(__dirname, "..");
/** The add-in's identity: stable across builds and releases (README, "Deploying for a team"). */
const ADDIN_ID = "5d462c95-f132-449d-9a7a-30f237743641";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const HASHED_SCRIPT = /^(functions|taskpane)\.[0-9a-f]{10}\.js$/;

let build: ProductionBuild;
let files: string[];
let xml: string;
let root: XmlElement;
const read = (file: string): string => fs.readFileSync(path.join(build.dist, file), "utf8");
const scriptSources = (html: string): string[] =>
  [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);
const bundles = (): string[] => files.filter((f) => HASHED_SCRIPT.test(f));

beforeAll(
  () => {
    build = productionBuild();
    files = listFiles(build.dist);
    xml = read("manifest.xml");
    root = parseXml(xml);
  },
  15 * 60 * 1000,
);

describe("the served folder of a deployment build", () => {
  test("holds only what Excel loads: pages, hashed scripts (and their licence notices), metadata, icons, help", () => {
    const allowed = [
      /^manifest\.xml$/,
      /^taskpane\.html$/,
      /^functions\.json$/,
      /^functions\.zh-cn\.json$/,
      HASHED_SCRIPT,
      // The licence comments of bundled libraries, which their licences require to ship with the code.
      /^taskpane\.[0-9a-f]{10}\.js\.LICENSE\.txt$/,
      /^assets\/icon-(16|32|64|80)\.png$/,
      /^help\/(index\.html|help\.css)$/,
      /^help\/(en-US|zh-CN)\/(index|functions)\.html$/,
    ];
    expect(files.filter((f) => !allowed.some((re) => re.test(f)))).toEqual([]);
    expect(
      files
        .filter((f) => HASHED_SCRIPT.test(f))
        .map((f) => f.split(".")[0])
        .sort(),
    ).toEqual(["functions", "taskpane"]);
    for (const f of [
      "help/en-US/index.html",
      "help/zh-CN/index.html",
      "help/en-US/functions.html",
      "help/zh-CN/functions.html",
    ]) {
      expect(files).toContain(f);
    }
  });

  test("no preview page, no simulator, no source maps (they are kept beside it, in dist-meta/)", () => {
    expect(files.filter((f) => /preview|\.map$/.test(f))).toEqual([]);
    for (const bundle of bundles()) {
      expect(read(bundle)).not.toMatch(/sourceMappingURL/);
      expect(fs.existsSync(path.join(build.meta, "sourcemaps", `${bundle}.map`))).toBe(true);
    }
  });

  test("taskpane.html loads office.js from Microsoft's CDN, then exactly the hashed bundles of this build", () => {
    const sources = scriptSources(read("taskpane.html"));
    expect(sources[0]).toBe(OFFICE_JS);
    expect(sources.slice(1).map((s) => s.split(".")[0])).toEqual(["functions", "taskpane"]);
    for (const s of sources.slice(1)) {
      expect(s).toMatch(HASHED_SCRIPT);
      expect(files).toContain(s);
    }
  });

  test("no file mentions localhost (the development server) anywhere", () => {
    const offending = files.filter((f) => /\.(html|js|json|xml|css|txt)$/.test(f) && /localhost/i.test(read(f)));
    expect(offending).toEqual([]);
  });
});

describe("dist/manifest.xml of a deployment build", () => {
  test("passes the offline check: schema order, resources, HTTPS under the deployment URL, files emitted, icon sizes", () => {
    expect(checkManifest(xml, { distDir: build.dist, baseUrl: PRODUCTION_URL }).problems).toEqual([]);
  });

  test("every URL in it is HTTPS under the deployment URL and names a file the build emitted", () => {
    const urls = [...xml.replace(/<!--[\s\S]*?-->/g, "").matchAll(/https?:\/\/[^"'<>\s]+/g)].map((m) => m[0]);
    // Namespaces are identifiers, not requests.
    const requested = urls.filter(
      (u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"),
    );
    expect(requested.length).toBeGreaterThanOrEqual(14);
    const files_ = requested.filter((u) => u !== "https://sales.example.com"); // the AppDomain, checked below
    expect(files_.filter((u) => !u.startsWith(PRODUCTION_URL))).toEqual([]);
    expect(files_.map((u) => u.slice(PRODUCTION_URL.length)).filter((f) => !files.includes(f))).toEqual([]);
    expect(
      allElements(root)
        .filter((e) => e.name === "AppDomain")
        .map((e) => e.text.trim()),
    ).toEqual(["https://sales.example.com"]);
  });

  test("the icons: IconUrl 32 px, HighResolutionIconUrl 64 px, ribbon images 16/32/80 px as referenced", () => {
    const { resources } = collectResources(root);
    const sizeOf = (url: string) => pngSize(fs.readFileSync(path.join(build.dist, url.slice(PRODUCTION_URL.length))));
    const top = (name: string) => allElements(root).find((e) => e.name === name)?.attributes.DefaultValue ?? "";
    expect(sizeOf(top("IconUrl"))).toEqual({ width: 32, height: 32 });
    expect(sizeOf(top("HighResolutionIconUrl"))).toEqual({ width: 64, height: 64 });
    const images = allElements(root).filter((e) => e.name === "bt:Image" && e.attributes.size);
    expect(new Set(images.map((i) => i.attributes.size))).toEqual(new Set(["16", "32", "80"]));
    for (const image of images) {
      const size = Number(image.attributes.size);
      expect(sizeOf(resources.get(image.attributes.resid)?.value ?? "")).toEqual({ width: size, height: size });
    }
  });

  test("SupportUrl and Learn more open the help site's guide, in Chinese for zh-CN", () => {
    const support = allElements(root).find((e) => e.name === "SupportUrl")!;
    expect(support.attributes.DefaultValue).toBe(`${PRODUCTION_URL}help/en-US/index.html`);
    expect(support.children.map((o) => [o.attributes.Locale, o.attributes.Value])).toEqual([
      ["zh-CN", `${PRODUCTION_URL}help/zh-CN/index.html`],
    ]);
    const learnMore = collectResources(root).resources.get("GetStarted.LearnMoreUrl");
    expect(learnMore?.value).toBe(`${PRODUCTION_URL}help/en-US/index.html`);
    // A real page: a titled HTML document with its own support content, in the right language.
    const en = read("help/en-US/index.html");
    const zh = read("help/zh-CN/index.html");
    expect(en).toMatch(/<html lang="en-US">/);
    expect(zh).toMatch(/<html lang="zh-CN">/);
    expect(en).toMatch(/<h2 id="troubleshooting">Troubleshooting<\/h2>/);
    expect(zh).toMatch(/<h2 id="troubleshooting">问题排查<\/h2>/);
  });

  test("the custom functions: hashed script (the one taskpane.html loads), fixed-name metadata with the zh-cn override", () => {
    const { resources } = collectResources(root);
    const loaded = scriptSources(read("taskpane.html")).find((s) => s.startsWith("functions."));
    expect(resources.get("Functions.Script.Url")?.value).toBe(`${PRODUCTION_URL}${loaded}`);
    expect(resources.get("Functions.Metadata.Url")?.value).toBe(`${PRODUCTION_URL}functions.json`);
    expect(resources.get("Functions.Metadata.Url")?.overrides).toEqual({
      "zh-cn": `${PRODUCTION_URL}functions.zh-cn.json`,
    });
    expect(resources.get("Taskpane.Url")?.value).toBe(`${PRODUCTION_URL}taskpane.html`);
  });

  test("the Id is the add-in's permanent one (as in ./manifest.xml) and the Version follows package.json", () => {
    const idOf = (text: string) => /<Id>([^<]+)<\/Id>/.exec(text)?.[1];
    expect(idOf(xml)).toBe(ADDIN_ID);
    expect(idOf(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"))).toBe(ADDIN_ID);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(/<Version>([^<]+)<\/Version>/.exec(xml)?.[1]).toBe(manifestVersion(pkg.version));
    expect(manifestVersion(pkg.version)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("no trace of the development server, not even in a comment", () => {
    expect(xml).not.toMatch(/localhost|:3000/);
    expect(xml).toMatch(/Generated by `ADDIN_URL=https:\/\/sales\.example\.com\/addin\/ npm run build`/);
  });
});

describe("requirement sets: declared at the level the add-in uses", () => {
  const uses = (): RequirementUse[] => {
    const modules = JSON.parse(fs.readFileSync(path.join(build.meta, "bundle-modules.json"), "utf8")) as {
      entries: Record<string, Array<{ file: string }>>;
    };
    // What the code calls: every project module in the production bundles (CustomFunctions.Error needs 1.2) …
    const sources = [
      ...new Set(
        Object.values(modules.entries)
          .flat()
          .map((m) => m.file),
      ),
    ].filter((f) => f.startsWith("src/"));
    expect(sources).toContain("src/functions/adapter.ts");
    const api = sources.flatMap((f) => apiUses(fs.readFileSync(path.join(ROOT, f), "utf8"), f));
    // … and every property the metadata generator wrote, in both languages.
    const metadata = ["functions.json", "functions.zh-cn.json"].flatMap((f) => metadataUses(JSON.parse(read(f))).uses);
    return [...api, ...metadata];
  };

  test("SharedRuntime 1.1, and CustomFunctionsRuntime exactly the highest level the code and metadata need", () => {
    const all = uses();
    const { level, unknown } = requiredLevel(all);
    expect(unknown.map((u) => `${u.where}: ${u.property}`)).toEqual([]);
    expect(all.some((u) => u.property === "CustomFunctions.Error" && u.level === "1.2")).toBe(true);
    expect(level).toBe("1.2");
    expect(declaredSets(root)).toEqual({ SharedRuntime: "1.1", CustomFunctionsRuntime: level });
  });

  test("the metadata carries nothing beyond CustomFunctionsRuntime 1.2 (the generator's data-type flag is removed)", () => {
    for (const f of ["functions.json", "functions.zh-cn.json"]) {
      const metadata = JSON.parse(read(f)) as Record<string, unknown>;
      expect(Object.keys(metadata)).toEqual(["functions"]);
    }
  });

  test("the check would catch a flag above the declared level or one it does not know", () => {
    const metadata = {
      functions: [
        {
          id: "X",
          name: "X",
          parameters: [],
          result: {},
          options: { requiresParameterAddresses: true, somethingNew: true },
        },
      ],
    };
    const { level, unknown } = requiredLevel(metadataUses(metadata).uses);
    expect(level).toBe("1.3");
    expect(unknown.map((u) => u.property)).toEqual(["somethingNew"]);
    expect(
      requiredLevel(apiUses("throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidName)", "x.ts")).level,
    ).toBe("1.3");
  });

  test("every function's helpUrl opens its own section of the help site, in the metadata's language", () => {
    for (const [file, lang] of [
      ["functions.json", "en-US"],
      ["functions.zh-cn.json", "zh-CN"],
    ] as const) {
      const { functions } = JSON.parse(read(file)) as { functions: Array<{ id: string; helpUrl?: string }> };
      expect(functions.length).toBeGreaterThanOrEqual(17);
      const page = read(`help/${lang}/functions.html`);
      for (const fn of functions) {
        expect(fn.helpUrl).toBe(`${PRODUCTION_URL}help/${lang}/functions.html#fn-${fn.id}`);
        expect(page).toContain(`id="fn-${fn.id}"`);
      }
    }
  });
});

/**
 * What the production bundles may contain from node_modules, and why (README, "Runtime dependencies"). A package
 * not listed here fails the test: add it with its reason, or keep it out of the bundle.
 */
const RUNTIME_PACKAGES: Array<[RegExp, string]> = [
  [/^react$|^react-dom$|^scheduler$/, "React renders the task pane (scheduler is React's own task queue)"],
  [
    /^@fluentui\//,
    "Fluent UI v9 controls, icons, theme tokens and motion for the pane (Microsoft's design system for Office)",
  ],
  [
    /^@griffel\/|^stylis$|^rtl-css-js$|^@emotion\/hash$/,
    "Griffel, Fluent UI's CSS-in-JS engine, and the helpers it uses (CSS parsing, right-to-left, class hashing)",
  ],
  [/^tabster$|^keyborg$/, "keyboard navigation and focus management used by Fluent UI"],
  [/^@floating-ui\//, "positioning of dropdowns and popovers (Fluent UI)"],
  [/^@swc\/helpers$|^tslib$|^use-sync-external-store$/, "compiled-code helpers required by Fluent UI packages"],
  [
    /^d3-(array|axis|color|format|interpolate|path|scale|selection|shape|time|time-format)$/,
    "scales, axes and shapes drawn by @fluentui/react-charts (the Overview's charts)",
  ],
];

describe("the production bundles carry only what runs in Excel", () => {
  const modules = (): Record<string, Array<{ file: string }>> =>
    (
      JSON.parse(fs.readFileSync(path.join(build.meta, "bundle-modules.json"), "utf8")) as {
        entries: Record<string, Array<{ file: string }>>;
      }
    ).entries;
  const packageOf = (file: string): string | undefined => {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    return m?.[1];
  };

  test("no HyperFormula, playwright, test tooling, simulator (src/sim), preview or test code among their modules", () => {
    const forbidden =
      /node_modules\/(hyperformula|playwright|playwright-core|fast-check|jest|@testing-library|jsdom)\/|^src\/(sim|preview)\/|^(test|bench|scripts)\//;
    const all = Object.entries(modules()).flatMap(([entry, list]) => list.map((m) => `${entry}: ${m.file}`));
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((m) => forbidden.test(m.split(": ")[1]))).toEqual([]);
  });

  test("the custom functions bundle is the engine and the adapters alone: no library at all", () => {
    const files = modules().functions.map((m) => m.file);
    expect(files.filter((f) => !/^src\/(engine|functions)\//.test(f))).toEqual([]);
  });

  test("every library in the task pane bundle is a known runtime dependency, with a reason", () => {
    const packages = [
      ...new Set(
        modules()
          .taskpane.map((m) => packageOf(m.file))
          .filter((p): p is string => p !== undefined),
      ),
    ].sort();
    expect(packages).toEqual(expect.arrayContaining(["react", "react-dom", "scheduler", "@fluentui/react-provider"]));
    expect(packages.filter((p) => !RUNTIME_PACKAGES.some(([re]) => re.test(p)))).toEqual([]);
  });

  test("no text that only the simulator, the preview, HyperFormula or playwright contain appears in the bundles", () => {
    const markers = devOnlyMarkers();
    expect(markers.length).toBeGreaterThan(20);
    const text = bundles().map(read).join("\n");
    expect(markers.filter((m) => text.includes(m))).toEqual([]);
    for (const name of ["HyperFormula", "hyperformula", "playwright", "__salesSim"]) expect(text).not.toContain(name);
  });

  test("those markers do occur in the development build's preview bundle (so their absence above means something)", () => {
    const preview = path.join(ROOT, "dist", "preview.js");
    if (!fs.existsSync(preview)) return; // SKIP_BUILD=1 without a dist/: nothing to compare with
    const text = fs.readFileSync(preview, "utf8");
    const found = devOnlyMarkers().filter((m) => text.includes(m));
    expect(found.length).toBeGreaterThan(10);
  });
});

/**
 * String literals (12+ characters) that appear in src/sim or src/preview and nowhere else in src/: if the
 * simulator or the preview were bundled, they would show up verbatim (minifiers keep string contents).
 */
function devOnlyMarkers(): string[] {
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const all = walk(path.join(ROOT, "src")).filter((f) => /\.(ts|tsx)$/.test(f));
  const devOnly = (f: string) => /[\\/]src[\\/](sim|preview)[\\/]/.test(f);
  const literals = (f: string): string[] =>
    [...fs.readFileSync(f, "utf8").matchAll(/"([^"\\\n]{12,})"/g)].map((m) => m[1]).filter((s) => !/^[./@]/.test(s));
  const elsewhere = all
    .filter((f) => !devOnly(f))
    .map((f) => fs.readFileSync(f, "utf8"))
    .join("\n");
  return [...new Set(all.filter(devOnly).flatMap(literals))].filter((s) => !elsewhere.includes(s));
}

describe("privacy: the add-in makes no network calls of its own", () => {
  /** URLs that appear in the bundles as data, never requested, and why. */
  const NON_REQUEST_URLS: Array<[RegExp, string]> = [
    [/^http:\/\/www\.w3\.org\//, "XML namespace names React DOM uses to create SVG and MathML elements"],
    [
      /^https:\/\/reactjs\.org\/docs\/error-decoder\.html/,
      "text of React's minified error messages (a link for the developer to read)",
    ],
  ];

  test("the bundles use no fetch, XMLHttpRequest, WebSocket, sendBeacon, EventSource or similar", () => {
    const apis =
      /\b(fetch|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts|RTCPeerConnection|WebTransport|serviceWorker)\b/g;
    const found = bundles().flatMap((f) => [...read(f).matchAll(apis)].map((m) => `${f}: ${m[1]}`));
    expect(found).toEqual([]);
  });

  test("every URL in the bundles is data (namespaces, error text), not an address the add-in contacts", () => {
    const urls = bundles().flatMap((f) => [...read(f).matchAll(/https?:\/\/[^"'`\s)]+/g)].map((m) => m[0]));
    expect(urls.filter((u) => !NON_REQUEST_URLS.some(([re]) => re.test(u)))).toEqual([]);
  });

  test("the pages load nothing from elsewhere but office.js: taskpane.html and the help site", () => {
    const taskpane = read("taskpane.html");
    expect([...taskpane.matchAll(/https?:\/\/[^"'\s>]+/g)].map((m) => m[0])).toEqual([OFFICE_JS]);
    for (const page of files.filter((f) => f.startsWith("help/"))) {
      const text = read(page);
      expect([page, text.match(/(?:src|href)=["']?(?:https?:)?\/\//g)]).toEqual([page, null]);
      if (page.endsWith(".html")) {
        expect(text).not.toMatch(/<script/i);
        expect(text).toContain(`content="default-src 'none'; style-src 'self'; img-src 'self'`);
      }
    }
  });
});
