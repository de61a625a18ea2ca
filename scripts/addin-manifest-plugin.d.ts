// Types for scripts/addin-manifest-plugin.js.
declare class AddinManifestPlugin {
  constructor(options: {
    source: string;
    base: string;
    origin: string;
    version: string;
    hashedScripts: boolean;
    generatedNote?: string;
  });
  apply(compiler: unknown): void;
}
declare namespace AddinManifestPlugin {
  function rewriteManifest(
    xml: string,
    target: { base: string; origin: string; version: string; functionsScript?: string; generatedNote?: string },
  ): { xml: string; problems: string[] };
}
export = AddinManifestPlugin;
