// Types for scripts/zh-cn-metadata-plugin.js (a webpack plugin written in JS so webpack.config.js can load it).
import type { Compiler } from "webpack";

export interface FunctionsMetadata {
  functions: Array<{
    id: string;
    name: string;
    description?: string;
    parameters: Array<{
      name: string;
      description?: string;
      type?: string;
      dimensionality?: string;
      optional?: boolean;
    }>;
    result: { type?: string; dimensionality?: string };
    options?: Record<string, unknown>;
  }>;
  [key: string]: unknown;
}
export interface FunctionTranslations {
  functions: Record<string, { description: string; parameters: Record<string, string> }>;
}
declare class LocalizedFunctionsMetadataPlugin {
  constructor(options: { source?: string; translations: string; output: string });
  apply(compiler: Compiler): void;
}
declare namespace LocalizedFunctionsMetadataPlugin {
  function localizeMetadata(
    metadata: FunctionsMetadata,
    translations: FunctionTranslations,
  ): { localized: FunctionsMetadata; problems: string[] };
}
export = LocalizedFunctionsMetadataPlugin;
