// Types for scripts/custom-functions-requirements.js.
export interface RequirementUse {
  where: string;
  property: string;
  /** The CustomFunctionsRuntime version that introduced it; undefined when not in the tables. */
  level: string | undefined;
}
export const METADATA_LEVELS: Record<"top" | "function" | "options" | "parameter" | "result", Record<string, string>>;
export const API_LEVELS: Record<string, string>;
export const ERROR_CODE_LEVELS: Record<string, string>;
export function compareVersions(a: string, b: string): number;
export function metadataUses(metadata: object): { uses: RequirementUse[] };
export function apiUses(sourceText: string, file: string): RequirementUse[];
export function requiredLevel(uses: RequirementUse[]): { level: string; unknown: RequirementUse[] };
export class MetadataScopePlugin {
  constructor(options?: { asset?: string });
  apply(compiler: unknown): void;
}
