"use strict";
/**
 * Offline structural check of manifest.xml.
 *
 * Microsoft's `office-addin-manifest validate` posts the manifest to an online validation service, which a
 * build machine without internet cannot reach. This module checks, without network, the things that break
 * sideloading most often: required elements and their order, resource ids that do not resolve, string
 * lengths, non-HTTPS URLs, URLs the build does not emit, icon pixel sizes, and the shared-runtime wiring.
 * It includes a minimal XML parser (elements, attributes, text, comments, CDATA, the five predefined
 * entities and character references), enough for manifests, so no XML package is needed.
 */
const fs = require("fs");
const path = require("path");

// ---------------------------------------------------------------------------------------------------------
// XML

const ENTITIES = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text, where) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (match, body) => {
    if (body[0] === "#") {
      const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return String.fromCodePoint(code);
    }
    if (!(body in ENTITIES)) throw new Error(`Unknown entity ${match} ${where}`);
    return ENTITIES[body];
  });
}

/**
 * @typedef {{ name: string, attributes: Record<string, string>, children: XmlElement[], text: string, line: number }} XmlElement
 * @param {string} source
 * @returns {XmlElement} the root element
 */
function parseXml(source) {
  let pos = 0;
  const lineAt = (at) => source.slice(0, at).split("\n").length;
  const fail = (message) => {
    throw new Error(`XML: ${message} at line ${lineAt(pos)}`);
  };
  const stack = [];
  let root;
  if (source.charCodeAt(0) === 0xfeff) pos = 1;
  while (pos < source.length) {
    const lt = source.indexOf("<", pos);
    const textEnd = lt < 0 ? source.length : lt;
    const text = source.slice(pos, textEnd);
    if (text.trim() !== "") {
      if (stack.length === 0) fail("text outside the root element");
      stack[stack.length - 1].text += decodeEntities(text, `at line ${lineAt(pos)}`);
    }
    if (lt < 0) break;
    pos = lt;
    if (source.startsWith("<?", pos)) {
      const end = source.indexOf("?>", pos);
      if (end < 0) fail("unterminated processing instruction");
      pos = end + 2;
    } else if (source.startsWith("<!--", pos)) {
      const end = source.indexOf("-->", pos);
      if (end < 0) fail("unterminated comment");
      pos = end + 3;
    } else if (source.startsWith("<![CDATA[", pos)) {
      const end = source.indexOf("]]>", pos);
      if (end < 0 || stack.length === 0) fail("bad CDATA section");
      stack[stack.length - 1].text += source.slice(pos + 9, end);
      pos = end + 3;
    } else if (source.startsWith("<!", pos)) {
      fail("DOCTYPE and other declarations are not allowed in a manifest");
    } else if (source.startsWith("</", pos)) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(source.slice(pos));
      if (!m) fail("bad closing tag");
      const open = stack.pop();
      if (!open || open.name !== m[1]) fail(`</${m[1]}> does not close <${open ? open.name : "nothing"}>`);
      pos += m[0].length;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(
        source.slice(pos),
      );
      if (!m) fail("bad start tag");
      const element = { name: m[1], attributes: {}, children: [], text: "", line: lineAt(pos) };
      const attrRe = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;
      let a;
      while ((a = attrRe.exec(m[2]))) {
        if (a[1] in element.attributes) fail(`duplicate attribute ${a[1]}`);
        element.attributes[a[1]] = decodeEntities(a[2] !== undefined ? a[2] : a[3], `at line ${element.line}`);
      }
      if (stack.length > 0) stack[stack.length - 1].children.push(element);
      else if (root) fail("more than one root element");
      else root = element;
      if (m[3] !== "/") stack.push(element);
      pos += m[0].length;
    }
  }
  if (stack.length > 0) throw new Error(`XML: <${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error("XML: no root element");
  return root;
}

/** Depth-first list of every element under `element` (itself included). */
function allElements(element) {
  const out = [element];
  for (const child of element.children) out.push(...allElements(child));
  return out;
}

function child(element, name) {
  return element && element.children.find((c) => c.name === name);
}

function childrenNamed(element, name) {
  return element ? element.children.filter((c) => c.name === name) : [];
}

function pathOf(element, ...names) {
  let current = element;
  for (const name of names) current = child(current, name);
  return current;
}

// ---------------------------------------------------------------------------------------------------------
// PNG

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
function pngSize(buffer) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buffer.length < 24 || signature.some((b, i) => buffer[i] !== b)) return undefined;
  if (buffer.toString("ascii", 12, 16) !== "IHDR") return undefined;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------------------------------------
// Manifest rules

const TOP_LEVEL_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];
const REQUIRED_TOP_LEVEL = TOP_LEVEL_ORDER.filter((n) => !["AlternateId", "AppDomains"].includes(n));
const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;
const RESID_MAX = 32;

/** Which resource collection a `resid` must resolve into, by the element that carries it. */
function expectedResourceKind(element, parent) {
  if (element.name === "bt:Image") return "bt:Images";
  if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(element.name)) return "bt:Urls";
  if (element.name === "Description") return "bt:LongStrings";
  if (["Label", "Title", "Namespace"].includes(element.name)) return "bt:ShortStrings";
  return parent ? `unknown (${element.name})` : undefined;
}

/**
 * Collects the resources of a manifest: id → { kind, value, overrides: { locale: value } }.
 * @param {XmlElement} root
 */
function collectResources(root) {
  const resources = new Map();
  const problems = [];
  const container = pathOf(root, "VersionOverrides", "Resources");
  for (const kind of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]) {
    const group = child(container, kind);
    for (const item of group ? group.children : []) {
      const id = item.attributes.id;
      if (!id) {
        problems.push(`${kind} entry at line ${item.line} has no id`);
        continue;
      }
      if (resources.has(id)) problems.push(`resource id "${id}" is defined twice`);
      const overrides = {};
      for (const o of childrenNamed(item, "bt:Override")) overrides[o.attributes.Locale] = o.attributes.Value;
      resources.set(id, { kind, value: item.attributes.DefaultValue, overrides, line: item.line });
    }
  }
  return { resources, problems };
}

/**
 * Maps an add-in URL to the file the build emits: https://localhost:3000/assets/x.png → <distDir>/assets/x.png.
 */
function urlToDistFile(url, baseUrl, distDir) {
  if (!url.startsWith(baseUrl)) return undefined;
  const relative = url.slice(baseUrl.length).split(/[?#]/)[0];
  return path.join(distDir, ...relative.split("/").filter(Boolean));
}

/** The requirement sets a manifest declares: name → MinVersion (the Sets' DefaultMinVersion when absent). */
function declaredSets(root) {
  const sets = pathOf(root, "Requirements", "Sets");
  const out = {};
  for (const set of childrenNamed(sets, "Set"))
    out[set.attributes.Name] = set.attributes.MinVersion || (sets && sets.attributes.DefaultMinVersion) || "1.1";
  return out;
}

/**
 * The base URL a manifest is built for: the folder of its DefaultSettings SourceLocation (the task pane page).
 * @param {XmlElement} root
 */
function manifestBaseUrl(root) {
  const source = pathOf(root, "DefaultSettings", "SourceLocation");
  const url = source && source.attributes.DefaultValue;
  return url && /^https?:\/\//.test(url) ? url.replace(/[^/]*$/, "") : undefined;
}

/**
 * @param {string} xml the manifest text
 * @param {{ distDir?: string, baseUrl?: string }} [options] every URL must be HTTPS and under baseUrl (default:
 *   the folder of the DefaultSettings SourceLocation, i.e. https://localhost:3000/ for ./manifest.xml); with
 *   distDir, every URL must name a file in that folder, and every icon must be a PNG of its declared size.
 * @returns {{ problems: string[], root?: XmlElement, resources?: Map<string, any>, baseUrl?: string }}
 */
function checkManifest(xml, options = {}) {
  const problems = [];
  let root;
  try {
    root = parseXml(xml);
  } catch (err) {
    return { problems: [err.message] };
  }
  const baseUrl = options.baseUrl || manifestBaseUrl(root) || "https://localhost:3000/";
  if (root.name !== "OfficeApp") problems.push(`root element is <${root.name}>, expected <OfficeApp>`);
  if (root.attributes["xsi:type"] !== "TaskPaneApp") problems.push('OfficeApp xsi:type must be "TaskPaneApp"');
  if (root.attributes.xmlns !== "http://schemas.microsoft.com/office/appforoffice/1.1") {
    problems.push("OfficeApp must use the appforoffice/1.1 namespace");
  }

  // Top-level elements: present and in schema order (the schema uses xs:sequence; Office rejects reordering).
  for (const name of REQUIRED_TOP_LEVEL) if (!child(root, name)) problems.push(`missing <${name}>`);
  const order = root.children.map((c) => c.name);
  const unknown = order.filter((n) => !TOP_LEVEL_ORDER.includes(n));
  for (const n of unknown) problems.push(`unexpected top-level element <${n}>`);
  const ranks = order.filter((n) => TOP_LEVEL_ORDER.includes(n)).map((n) => TOP_LEVEL_ORDER.indexOf(n));
  if (ranks.some((r, i) => i > 0 && r < ranks[i - 1])) problems.push("top-level elements are not in schema order");

  const id = (child(root, "Id") || { text: "" }).text.trim();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    problems.push(`<Id> "${id}" is not a GUID`);
  const version = (child(root, "Version") || { text: "" }).text.trim();
  if (!/^\d+(\.\d+){0,3}$/.test(version)) problems.push(`<Version> "${version}" is not n.n.n.n`);
  const permissions = (child(root, "Permissions") || { text: "" }).text.trim();
  if (permissions !== "ReadWriteDocument")
    problems.push(`<Permissions> is "${permissions}", expected ReadWriteDocument`);
  for (const name of ["DisplayName", "Description"]) {
    const el = child(root, name);
    if (el && !el.attributes.DefaultValue) problems.push(`<${name}> has no DefaultValue`);
    if (el && !childrenNamed(el, "Override").some((o) => /^zh-cn$/i.test(o.attributes.Locale) && o.attributes.Value)) {
      problems.push(`<${name}> has no zh-CN Override`);
    }
  }
  const hosts = childrenNamed(child(root, "Hosts"), "Host").map((h) => h.attributes.Name);
  if (hosts.join() !== "Workbook")
    problems.push(`<Hosts> must hold exactly Workbook, found ${hosts.join(", ") || "none"}`);
  const sets = childrenNamed(pathOf(root, "Requirements", "Sets"), "Set").map((s) => s.attributes.Name);
  for (const required of ["SharedRuntime", "CustomFunctionsRuntime"]) {
    if (!sets.includes(required)) problems.push(`<Requirements> lacks the ${required} set`);
  }

  const versionOverrides = child(root, "VersionOverrides");
  if (!versionOverrides) return { problems, root, baseUrl };
  if (versionOverrides.attributes["xsi:type"] !== "VersionOverridesV1_0") {
    problems.push('VersionOverrides xsi:type must be "VersionOverridesV1_0"');
  }
  const { resources, problems: resourceProblems } = collectResources(root);
  problems.push(...resourceProblems);

  // Every resid resolves, into the right kind of resource.
  const walk = (element, parent) => {
    if (element.name === "Resources") return;
    const resid = element.attributes.resid;
    if (resid !== undefined) {
      const resource = resources.get(resid);
      const expected = expectedResourceKind(element, parent);
      if (resid.length > RESID_MAX) problems.push(`resid "${resid}" is longer than ${RESID_MAX} characters`);
      if (!resource) problems.push(`resid "${resid}" on <${element.name}> (line ${element.line}) does not resolve`);
      else if (expected && resource.kind !== expected) {
        problems.push(`resid "${resid}" on <${element.name}> must be in ${expected}, found in ${resource.kind}`);
      }
    }
    for (const c of element.children) walk(c, element);
  };
  walk(versionOverrides, undefined);

  for (const [rid, r] of resources) {
    const values = [r.value, ...Object.values(r.overrides)];
    if (r.value === undefined || r.value === "") problems.push(`resource "${rid}" has no DefaultValue`);
    if (rid.length > RESID_MAX) problems.push(`resource id "${rid}" is longer than ${RESID_MAX} characters`);
    if (r.kind === "bt:ShortStrings" && values.some((v) => v && v.length > SHORT_STRING_MAX)) {
      problems.push(`short string "${rid}" exceeds ${SHORT_STRING_MAX} characters`);
    }
    if (r.kind === "bt:LongStrings" && values.some((v) => v && v.length > LONG_STRING_MAX)) {
      problems.push(`long string "${rid}" exceeds ${LONG_STRING_MAX} characters`);
    }
  }

  // Every URL: HTTPS, and (with distDir) a file the build emits; icons are PNGs of their declared size.
  const urls = [];
  for (const el of allElements(root)) {
    if (
      ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"].includes(el.name) &&
      el.attributes.DefaultValue
    ) {
      const size = { IconUrl: 32, HighResolutionIconUrl: 64 }[el.name];
      urls.push({ url: el.attributes.DefaultValue, where: `<${el.name}>`, size });
      for (const o of childrenNamed(el, "Override")) {
        if (o.attributes.Value)
          urls.push({ url: o.attributes.Value, where: `<${el.name}> ${o.attributes.Locale} override`, size });
      }
    }
    if (el.name === "AppDomain") {
      const domain = el.text.trim();
      if (!/^https:\/\//.test(domain)) problems.push(`AppDomain ${domain} is not HTTPS`);
      else if (domain.replace(/\/$/, "") !== new URL(baseUrl).origin)
        problems.push(`AppDomain ${domain} is not the add-in's origin ${new URL(baseUrl).origin}`);
    }
  }
  for (const [rid, r] of resources) {
    if (r.kind !== "bt:Urls" && r.kind !== "bt:Images") continue;
    const size = r.kind === "bt:Images" ? Number((/(\d+)x\1$/.exec(rid) || [])[1]) || undefined : undefined;
    for (const value of [r.value, ...Object.values(r.overrides)])
      if (value) urls.push({ url: value, where: `resource "${rid}"`, size });
  }
  for (const { url, where, size } of urls) {
    if (!/^https:\/\//.test(url)) {
      problems.push(`${where}: ${url} is not HTTPS`);
      continue;
    }
    // Every file the manifest names is one the build emits, served from the one place the add-in is deployed.
    if (!url.startsWith(baseUrl)) {
      problems.push(`${where}: ${url} is not under the add-in's base URL ${baseUrl}`);
      continue;
    }
    if (!options.distDir) continue;
    const file = urlToDistFile(url, baseUrl, options.distDir);
    if (!fs.existsSync(file)) {
      problems.push(`${where}: ${url} → ${path.relative(process.cwd(), file)} is not emitted by the build`);
      continue;
    }
    if (/\.png$/i.test(file)) {
      const dims = pngSize(fs.readFileSync(file));
      if (!dims) problems.push(`${where}: ${url} is not a valid PNG`);
      else if (size && (dims.width !== size || dims.height !== size)) {
        problems.push(`${where}: ${url} is ${dims.width}×${dims.height}, expected ${size}×${size}`);
      }
    }
  }

  // Images in ribbon icons: sizes 16, 32 and 80 are required by Office.
  for (const icon of allElements(versionOverrides).filter((e) => e.name === "Icon")) {
    const sizes = childrenNamed(icon, "bt:Image")
      .map((i) => i.attributes.size)
      .sort();
    if (sizes.join() !== ["16", "32", "80"].sort().join())
      problems.push(`<Icon> at line ${icon.line} needs sizes 16, 32 and 80`);
    for (const image of childrenNamed(icon, "bt:Image")) {
      const r = resources.get(image.attributes.resid);
      if (r && !new RegExp(`${image.attributes.size}x${image.attributes.size}$`).test(image.attributes.resid)) {
        problems.push(`<bt:Image size="${image.attributes.size}"> points at "${image.attributes.resid}"`);
      }
    }
  }

  // Shared runtime wiring: the runtime page, the custom functions page and the task pane are one page.
  const host = childrenNamed(child(versionOverrides, "Hosts"), "Host").find(
    (h) => h.attributes["xsi:type"] === "Workbook",
  );
  if (!host) {
    problems.push("VersionOverrides has no Workbook host");
    return { problems, root, resources, baseUrl };
  }
  const runtimes = childrenNamed(child(host, "Runtimes"), "Runtime");
  if (runtimes.length !== 1) problems.push(`expected one <Runtime>, found ${runtimes.length}`);
  const runtime = runtimes[0];
  if (runtime && runtime.attributes.lifetime !== "long") problems.push('<Runtime> lifetime must be "long"');
  const cf = allElements(host).find(
    (e) => e.name === "ExtensionPoint" && e.attributes["xsi:type"] === "CustomFunctions",
  );
  if (!cf) problems.push("no CustomFunctions extension point");
  const cfPage = cf && pathOf(cf, "Page", "SourceLocation");
  const cfScript = cf && pathOf(cf, "Script", "SourceLocation");
  const cfMetadata = cf && pathOf(cf, "Metadata", "SourceLocation");
  const cfNamespace = cf && child(cf, "Namespace");
  if (cf && (!cfPage || !cfScript || !cfMetadata || !cfNamespace)) {
    problems.push("the CustomFunctions extension point needs Script, Page, Metadata and Namespace");
  }
  const showTaskpane = allElements(host).filter(
    (e) => e.name === "Action" && e.attributes["xsi:type"] === "ShowTaskpane",
  );
  if (showTaskpane.length === 0) problems.push("no ShowTaskpane button");
  const pageIds = new Set([
    runtime && runtime.attributes.resid,
    cfPage && cfPage.attributes.resid,
    ...showTaskpane.map((a) => (child(a, "SourceLocation") || { attributes: {} }).attributes.resid),
  ]);
  if (pageIds.size !== 1) {
    problems.push(
      `shared runtime: Runtime, CustomFunctions Page and ShowTaskpane must use one resid, found ${[...pageIds].join(", ")}`,
    );
  }
  const sourceLocation = pathOf(root, "DefaultSettings", "SourceLocation");
  const pageUrl = runtime && resources.get(runtime.attributes.resid);
  if (pageUrl && sourceLocation && sourceLocation.attributes.DefaultValue !== pageUrl.value) {
    problems.push("DefaultSettings SourceLocation is not the shared runtime page");
  }
  if (cfNamespace) {
    const ns = resources.get(cfNamespace.attributes.resid);
    if (ns && ns.value !== "SALES") problems.push(`custom function namespace is "${ns.value}", expected SALES`);
    if (ns && Object.keys(ns.overrides).length > 0) problems.push("the namespace must not be localized");
  }
  if (cfMetadata) {
    const md = resources.get(cfMetadata.attributes.resid);
    if (md && !Object.keys(md.overrides).some((l) => /^zh-cn$/i.test(l)))
      problems.push("functions metadata URL has no zh-cn Override");
  }
  return { problems, root, resources, baseUrl };
}

module.exports = {
  parseXml,
  allElements,
  pngSize,
  checkManifest,
  collectResources,
  urlToDistFile,
  manifestBaseUrl,
  declaredSets,
};
