/**
 * ADDIN_URL and the manifest rewrite of a deployment build, without building: what a mistyped URL gets told, how
 * the package version becomes the manifest Version, and that every development URL is rewritten, not only the
 * first (Microsoft's shared-runtime template replaces one occurrence).
 */
import * as fs from "fs";
import * as path from "path";
import { manifestVersion, parseAddinUrl } from "../scripts/addin-url";
import { rewriteManifest } from "../scripts/addin-manifest-plugin";
import { checkManifest } from "../scripts/manifest-check";

const ROOT = path.resolve(__dirname, "..");
const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const target = { base: "https://sales.example.com/addin/", origin: "https://sales.example.com", version: "1.4.2.0" };

describe("ADDIN_URL", () => {
  test("an absolute https folder URL is accepted, normalised, with its origin", () => {
    expect(parseAddinUrl("https://sales.example.com/addin/")).toEqual({
      base: "https://sales.example.com/addin/",
      origin: "https://sales.example.com",
    });
    expect(parseAddinUrl(" https://Sales.Example.com:8443/ ")).toEqual({
      base: "https://sales.example.com:8443/",
      origin: "https://sales.example.com:8443",
    });
  });

  test.each([
    ["", /is empty/],
    ["sales.example.com/addin/", /not an absolute URL/],
    ["/addin/", /not an absolute URL/],
    ["http://sales.example.com/addin/", /uses http, but Office loads add-ins only over HTTPS/],
    ["https://sales.example.com/addin", /must end with "\/"/],
    ["https://sales.example.com/addin/?v=2", /query/],
    ["https://user:pw@sales.example.com/addin/", /user name or password/],
  ])("%j is refused with a message that says why and shows a valid value", (value, why) => {
    let message = "";
    try {
      parseAddinUrl(value);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(why);
    expect(message).toContain("ADDIN_URL=https://sales.example.com/addin/");
  });

  test("the manifest Version is package.json's, padded to four parts; a pre-release version is refused", () => {
    expect(manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(manifestVersion("2.10.3")).toBe("2.10.3.0");
    expect(manifestVersion("1.2.3.4")).toBe("1.2.3.4");
    expect(() => manifestVersion("1.0.0-beta.1")).toThrow(/cannot be an Office manifest <Version>/);
    expect(() => manifestVersion("1.0.123456")).toThrow(/five digits/);
  });
});

describe("the deployment manifest", () => {
  const devUrls = source.split("https://localhost:3000").length - 1;

  test("every development URL is rewritten, not only the first", () => {
    expect(devUrls).toBeGreaterThan(10);
    // The trap: a string pattern replaces one occurrence.
    expect(source.replace("https://localhost:3000/", target.base).split("https://localhost:3000").length - 1).toBe(
      devUrls - 1,
    );
    const { xml, problems } = rewriteManifest(source, { ...target, functionsScript: "functions.0123456789.js" });
    expect(problems).toEqual([]);
    expect(xml).not.toMatch(/localhost/);
    expect(xml.split(target.base).length - 1).toBeGreaterThanOrEqual(devUrls - 2); // all but the AppDomain (and the comment)
    expect(xml).toContain("<AppDomain>https://sales.example.com</AppDomain>");
    expect(xml).toContain(`DefaultValue="${target.base}functions.0123456789.js"`);
    expect(xml).toContain(`DefaultValue="${target.base}functions.json"`);
    expect(xml).toContain("<Version>1.4.2.0</Version>");
    expect(/<Id>([^<]+)<\/Id>/.exec(xml)?.[1]).toBe(/<Id>([^<]+)<\/Id>/.exec(source)?.[1]);
    expect(checkManifest(xml, { baseUrl: target.base }).problems).toEqual([]);
  });

  test("the development build keeps every URL and changes only the Version", () => {
    const { xml, problems } = rewriteManifest(source, {
      base: "https://localhost:3000/",
      origin: "https://localhost:3000",
      version: "9.9.9.9",
    });
    expect(problems).toEqual([]);
    expect(xml).toBe(source.replace(/<Version>[^<]*<\/Version>/, "<Version>9.9.9.9</Version>"));
  });

  test("a manifest that would keep a localhost URL is reported", () => {
    const sneaky = source.replace("</OfficeApp>", "<!-- see http://localhost:8080/notes --></OfficeApp>");
    expect(rewriteManifest(sneaky, target).problems).toContainEqual(expect.stringContaining("localhost"));
  });

  test("the offline check refuses a URL outside the deployment URL and a foreign AppDomain", () => {
    const { xml } = rewriteManifest(source, target);
    const outside = xml.replace(`${target.base}assets/icon-16.png`, "https://cdn.example.net/icon-16.png");
    expect(checkManifest(outside, { baseUrl: target.base }).problems).toContainEqual(
      expect.stringContaining("not under the add-in's base URL"),
    );
    const domain = xml.replace(
      "<AppDomain>https://sales.example.com</AppDomain>",
      "<AppDomain>https://other.example.com</AppDomain>",
    );
    expect(checkManifest(domain, { baseUrl: target.base }).problems).toContainEqual(
      expect.stringContaining("is not the add-in's origin"),
    );
  });
});
