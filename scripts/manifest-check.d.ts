// Types for scripts/manifest-check.js (plain JS so that `npm run validate` needs no TypeScript toolchain).
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}
export interface ManifestResource {
  kind: "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings";
  value: string | undefined;
  overrides: Record<string, string>;
  line: number;
}
export function parseXml(source: string): XmlElement;
export function allElements(element: XmlElement): XmlElement[];
export function pngSize(buffer: Buffer): { width: number; height: number } | undefined;
export function collectResources(root: XmlElement): { resources: Map<string, ManifestResource>; problems: string[] };
export function urlToDistFile(url: string, baseUrl: string, distDir: string): string | undefined;
export function checkManifest(
  xml: string,
  options?: { distDir?: string; baseUrl?: string },
): { problems: string[]; root?: XmlElement; resources?: Map<string, ManifestResource>; baseUrl?: string };
/** The folder of the manifest's DefaultSettings SourceLocation, e.g. https://localhost:3000/. */
export function manifestBaseUrl(root: XmlElement): string | undefined;
/** Requirement sets the manifest declares: name → MinVersion. */
export function declaredSets(root: XmlElement): Record<string, string>;
