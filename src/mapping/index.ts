/**
 * Map once: detect which workbook tables and columns play which role, keep the user's corrections in the workbook
 * settings, and give every panel the same answer. See notes/mapping.md for the API.
 */
export * from "./types";
export { DEAL_ROLES, STAGE_ROLES, TARGET_ROLES, SCOPE_ROLES, DEAL_ROLE_ORDER, TABLE_KINDS } from "./roles";
export { headerKey } from "./normalize";
export { detectColumns, chooseTables, detectWorkbook, MIN_SCORE } from "./detect";
export type { WorkbookDetection } from "./detect";
export { matchStageEntry, isStageHistory, findStageEntries } from "./stageEntries";
export { valueEvidence } from "./values";
export * from "./model";
