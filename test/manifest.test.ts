/**
 * manifest.xml, checked offline (Microsoft's validator needs its online service): required elements, resource
 * ids, URLs that the build really emits, icon sizes, and the shared-runtime wiring that lets the custom
 * functions and the task pane share one page. Also checks the HTML pages the manifest points at.
 */
import * as fs from "fs";
import * as path from "path";
import {
  allElements,
  checkManifest,
  collectResources,
  parseXml,
  pngSize,
  type XmlElement,
} from "../scripts/manifest-check";
import { manifestVersion } from "../scripts/addin-url";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const BASE = "https://localhost:3000/";
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const root = parseXml(xml);
const { resources } = collectResources(root);
const everything = allElements(root);

const find = (predicate: (e: XmlElement) => boolean): XmlElement => {
  const found = everything.find(predicate);
  if (!found) throw new Error("element not found");
  return found;
};
const childNamed = (e: XmlElement, name: string): XmlElement => {
  const c = e.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${e.name}> has no <${name}>`);
  return c;
};
const urlOf = (resid: string): string | undefined => resources.get(resid)?.value;

describe("manifest.xml", () => {
  test("passes the offline structural check against the built dist/", () => {
    expect(checkManifest(xml, { distDir: DIST }).problems).toEqual([]);
  });

  test("is a task pane add-in for Excel with read/write access and the two requirement sets", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(childNamed(root, "DefaultLocale").text).toBe("en-US");
    expect(childNamed(root, "Permissions").text).toBe("ReadWriteDocument");
    expect(childNamed(childNamed(root, "Hosts"), "Host").attributes.Name).toBe("Workbook");
    const sets = Object.fromEntries(
      childNamed(childNamed(root, "Requirements"), "Sets").children.map((s) => [
        s.attributes.Name,
        s.attributes.MinVersion,
      ]),
    );
    // CustomFunctions.Error (every error the functions return) is CustomFunctionsRuntime 1.2; test/production.test.ts
    // derives the level from the code and the metadata.
    expect(sets).toEqual({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" });
  });

  test("<Version> follows package.json (four parts), and the development build copies the manifest unchanged", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(childNamed(root, "Version").text).toBe(manifestVersion(pkg.version));
    // Without ADDIN_URL the build is the development one: dist/manifest.xml is ./manifest.xml as it is.
    expect(fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8")).toBe(xml);
  });

  test("SupportUrl and Learn more open the help site's guide (Chinese for zh-CN), which the build emits", () => {
    const support = childNamed(root, "SupportUrl");
    expect(support.attributes.DefaultValue).toBe(`${BASE}help/en-US/index.html`);
    expect(childNamed(support, "Override").attributes).toEqual({
      Locale: "zh-CN",
      Value: `${BASE}help/zh-CN/index.html`,
    });
    expect(urlOf("GetStarted.LearnMoreUrl")).toBe(`${BASE}help/en-US/index.html`);
    for (const page of ["help/en-US/index.html", "help/zh-CN/index.html"])
      expect(fs.existsSync(path.join(DIST, page))).toBe(true);
  });

  test("has zh-CN display name and description overrides", () => {
    for (const name of ["DisplayName", "Description"]) {
      const override = childNamed(childNamed(root, name), "Override");
      expect(override.attributes.Locale).toBe("zh-CN");
      expect(override.attributes.Value).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("every resid resolves to a bt:Image, bt:Url or bt:String", () => {
    const unresolved = everything
      .filter((e) => e.attributes.resid !== undefined)
      .map((e) => e.attributes.resid)
      .filter((resid) => !resources.has(resid));
    expect(unresolved).toEqual([]);
    expect(everything.filter((e) => e.attributes.resid !== undefined).length).toBeGreaterThan(15);
  });

  test("shared runtime: the Runtime, the custom functions Page and the task pane are one page", () => {
    const runtime = find((e) => e.name === "Runtime");
    const cf = find((e) => e.name === "ExtensionPoint" && e.attributes["xsi:type"] === "CustomFunctions");
    const page = childNamed(childNamed(cf, "Page"), "SourceLocation");
    const showTaskpane = find((e) => e.name === "Action" && e.attributes["xsi:type"] === "ShowTaskpane");
    expect(runtime.attributes.lifetime).toBe("long");
    expect(page.attributes.resid).toBe(runtime.attributes.resid);
    expect(childNamed(showTaskpane, "SourceLocation").attributes.resid).toBe(runtime.attributes.resid);
    expect(urlOf(runtime.attributes.resid)).toBe(`${BASE}taskpane.html`);
    expect(childNamed(childNamed(root, "DefaultSettings"), "SourceLocation").attributes.DefaultValue).toBe(
      `${BASE}taskpane.html`,
    );
  });

  test("custom functions: script, metadata (with the zh-cn override) and the SALES namespace", () => {
    const cf = find((e) => e.name === "ExtensionPoint" && e.attributes["xsi:type"] === "CustomFunctions");
    expect(urlOf(childNamed(childNamed(cf, "Script"), "SourceLocation").attributes.resid)).toBe(`${BASE}functions.js`);
    const metadataResid = childNamed(childNamed(cf, "Metadata"), "SourceLocation").attributes.resid;
    expect(urlOf(metadataResid)).toBe(`${BASE}functions.json`);
    expect(resources.get(metadataResid)?.overrides).toEqual({ "zh-cn": `${BASE}functions.zh-cn.json` });
    const namespace = resources.get(childNamed(cf, "Namespace").attributes.resid);
    expect(namespace?.value).toBe("SALES");
    expect(namespace?.overrides).toEqual({});
  });

  test("ribbon button labels and tooltip are translated to zh-CN", () => {
    const button = find((e) => e.name === "Control" && e.attributes["xsi:type"] === "Button");
    const group = find((e) => e.name === "Group");
    const residOf = (e: XmlElement, name: string): string => childNamed(e, name).attributes.resid;
    const tooltip = childNamed(childNamed(button, "Supertip"), "Description").attributes.resid;
    for (const resid of [residOf(button, "Label"), residOf(group, "Label"), tooltip]) {
      expect(resources.get(resid)?.overrides["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("every https://localhost:3000/ URL names a file the build emits", () => {
    const urls = [
      ...everything
        .map((e) => e.attributes.DefaultValue)
        .filter((v): v is string => typeof v === "string" && v.startsWith("https://")),
      ...[...resources.values()].flatMap((r) => Object.values(r.overrides)).filter((v) => v.startsWith("https://")),
    ];
    expect(urls.length).toBeGreaterThan(8);
    const missing = urls
      .filter((u) => u.startsWith(BASE))
      .map((u) => path.join(DIST, u.slice(BASE.length)))
      .filter((file) => !fs.existsSync(file));
    expect(missing).toEqual([]);
  });

  test("icons are real PNGs of their declared pixel size, in assets/ and dist/assets/", () => {
    const declared: Array<[string, number]> = [
      ...[...resources.entries()]
        .filter(([, r]) => r.kind === "bt:Images")
        .map(([id, r]): [string, number] => [r.value ?? "", Number(/(\d+)x\d+$/.exec(id)?.[1])]),
      [childNamed(root, "IconUrl").attributes.DefaultValue, 32],
      [childNamed(root, "HighResolutionIconUrl").attributes.DefaultValue, 64],
    ];
    expect(declared.map(([, size]) => size).sort((a, b) => a - b)).toEqual([16, 32, 32, 64, 80]);
    for (const [url, size] of declared) {
      const relative = url.slice(BASE.length);
      for (const file of [path.join(ROOT, relative), path.join(DIST, relative)]) {
        expect({ file: path.relative(ROOT, file), size: pngSize(fs.readFileSync(file)) }).toEqual({
          file: path.relative(ROOT, file),
          size: { width: size, height: size },
        });
      }
    }
  });
});

describe("the offline manifest check can fail", () => {
  const mutate = (from: string | RegExp, to: string): string[] => {
    const changed = xml.replace(from, to);
    expect(changed).not.toBe(xml);
    return checkManifest(changed).problems;
  };

  test("an unresolved resid", () => {
    expect(mutate('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Functions.Nope"/>')).toContainEqual(
      expect.stringContaining('"Functions.Nope"'),
    );
  });

  test("a functions page that is not the runtime page", () => {
    expect(
      mutate(
        /<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/,
        '<Page><SourceLocation resid="Functions.Script.Url"/>',
      ),
    ).toContainEqual(expect.stringContaining("shared runtime"));
  });

  test("a plain-HTTP URL, a wrong namespace and malformed XML", () => {
    expect(
      mutate('DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="http://localhost:3000/functions.js"'),
    ).toContainEqual(expect.stringContaining("not HTTPS"));
    expect(mutate('DefaultValue="SALES"', 'DefaultValue="CONTOSO"')).toContainEqual(
      expect.stringContaining("expected SALES"),
    );
    expect(checkManifest(xml.replace("</Resources>", "")).problems[0]).toMatch(/^XML:/);
  });

  test("a URL whose file the build does not emit", () => {
    const changed = xml.replace("https://localhost:3000/functions.json", "https://localhost:3000/metadata.json");
    expect(checkManifest(changed, { distDir: DIST }).problems).toContainEqual(expect.stringContaining("metadata.json"));
  });
});

describe("the pages the manifest loads", () => {
  // The production build minifies HTML, which drops attribute quotes where it can.
  const scriptSources = (html: string): string[] =>
    [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);

  test("taskpane.html (the shared runtime page) loads office.js from the CDN, then functions.js, then taskpane.js", () => {
    const sources = scriptSources(fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8"));
    expect(sources).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "taskpane.js",
    ]);
  });

  test("in the shared runtime only functions.js registers functions (one associate per id)", () => {
    // taskpane.js runs in the same page: if it bundled functions.ts too, every id would be associated twice.
    const count = (file: string): number =>
      fs.readFileSync(path.join(DIST, file), "utf8").split("CustomFunctions.associate(").length - 1;
    const ids = (JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: unknown[] })
      .functions.length;
    expect(ids).toBeGreaterThanOrEqual(17);
    expect({ functions: count("functions.js"), taskpane: count("taskpane.js") }).toEqual({
      functions: ids,
      taskpane: 0,
    });
  });

  test("preview.html runs outside Office: no office.js, only the preview bundle", () => {
    expect(scriptSources(fs.readFileSync(path.join(DIST, "preview.html"), "utf8"))).toEqual(["preview.js"]);
  });
});
