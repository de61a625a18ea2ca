/**
 * The saved mapping: what the workbook settings keep (key `mapping`) so that every panel reads the same tables and
 * columns, and what happens when the headers change under it.
 *
 * Shape (JSON, versioned):
 *   { version: 1,
 *     tables:  { deals?: "Leads", rules?: "ScoringRules", stages?: "Stages", targets?: "Targets" },
 *     columns: { deals: { owner: "Owner", outcome: null, … }, stages: { … }, targets: { … } },
 *     stageEntries: [{ stage: "Demo", column: "Date entered Demo" }, …],
 *     userSet: ["tables.deals", "deals.owner", "deals.outcome", "stageEntries"],
 *     confirmed: true,
 *     headers: { deals: ["Company", …], … } }
 * A column value null means "none" (the user said the table has no such column); an absent role is unmapped.
 * `userSet` lists what the user chose by hand: merges keep those while their columns exist.
 */
import type { CellValue, TableInfo } from "../excel/types";
import { detectColumns, detectWorkbook, type WorkbookDetection } from "./detect";
import { headerKey } from "./normalize";
import { DEAL_ROLE_ORDER, SCOPE_ROLES } from "./roles";
import type {
  ColumnDetection,
  DealRole,
  RoleOf,
  Scope,
  StageEntryColumn,
  StageRole,
  TableKind,
  TargetRole,
} from "./types";

export const MAPPING_VERSION = 1;
/** The workbook setting that holds the mapping (WorkbookOps.getSetting / setSetting). */
export const MAPPING_SETTING_KEY = "mapping";

export interface SavedStageEntry {
  stage: string;
  column: string;
  pipeline?: string;
}

export interface SavedMapping {
  version: typeof MAPPING_VERSION;
  tables: Partial<Record<TableKind, string>>;
  columns: {
    deals: Partial<Record<DealRole, string | null>>;
    stages: Partial<Record<StageRole, string | null>>;
    targets: Partial<Record<TargetRole, string | null>>;
  };
  stageEntries: SavedStageEntry[];
  /** Keys the user set by hand: "tables.<kind>", "<scope>.<role>", "stageEntries". */
  userSet: string[];
  /** The user has seen and accepted this mapping. */
  confirmed: boolean;
  /** Headers of each mapped table when the mapping was made, to tell when they change. */
  headers: Partial<Record<TableKind, string[]>>;
}

const SCOPES: readonly Scope[] = ["deals", "stages", "targets"];
const TABLE_KINDS: readonly TableKind[] = ["deals", "rules", "stages", "targets"];

export function emptyMapping(): SavedMapping {
  return {
    version: MAPPING_VERSION,
    tables: {},
    columns: { deals: {}, stages: {}, targets: {} },
    stageEntries: [],
    userSet: [],
    confirmed: false,
    headers: {},
  };
}

const roleKey = (scope: Scope, role: string) => `${scope}.${role}`;

function roleRank(scope: Scope, role: string): number {
  const order: readonly string[] = scope === "deals" ? DEAL_ROLE_ORDER : Object.keys(SCOPE_ROLES[scope]);
  const i = order.indexOf(role);
  return i < 0 ? order.length : i;
}
const tableKey = (kind: TableKind) => `tables.${kind}`;
const STAGE_ENTRIES_KEY = "stageEntries";

// ---- Reading what a panel needs ----

/**
 * The column mapped to `role` (deals table unless `scope` says otherwise), or undefined when the role is unmapped
 * or set to "none".
 */
export function columnFor(mapping: SavedMapping, role: DealRole): string | undefined;
export function columnFor<S extends Scope>(mapping: SavedMapping, role: RoleOf<S>, scope: S): string | undefined;
export function columnFor(mapping: SavedMapping, role: string, scope: Scope = "deals"): string | undefined {
  const value = (mapping.columns[scope] as Record<string, string | null | undefined>)[role];
  return value ?? undefined;
}

/** The table chosen for a kind, or undefined. */
export function tableFor(mapping: SavedMapping, kind: TableKind): string | undefined {
  return mapping.tables[kind];
}

/** Which of `required` roles have no column (unmapped or "none"), in the order given. */
export function missingRoles(mapping: SavedMapping, required: readonly DealRole[]): DealRole[];
export function missingRoles<S extends Scope>(
  mapping: SavedMapping,
  required: readonly RoleOf<S>[],
  scope: S,
): RoleOf<S>[];
export function missingRoles(mapping: SavedMapping, required: readonly string[], scope: Scope = "deals"): string[] {
  return required.filter((role) => columnFor(mapping, role as DealRole, scope as "deals") === undefined);
}

/** Whether the user explicitly said a role has no column (so a panel should not ask again). */
export function isSetToNone(mapping: SavedMapping, role: string, scope: Scope = "deals"): boolean {
  return (mapping.columns[scope] as Record<string, string | null | undefined>)[role] === null;
}

/** The accessors a panel uses, bound to one mapping. */
export interface MappingAccess {
  columnFor(role: DealRole): string | undefined;
  missingRoles(required: readonly DealRole[]): DealRole[];
  tableFor(kind: TableKind): string | undefined;
  stageEntries(): readonly SavedStageEntry[];
  confirmed: boolean;
}

export function mappingAccess(mapping: SavedMapping): MappingAccess {
  return {
    columnFor: (role) => columnFor(mapping, role),
    missingRoles: (required) => missingRoles(mapping, required),
    tableFor: (kind) => tableFor(mapping, kind),
    stageEntries: () => mapping.stageEntries,
    confirmed: mapping.confirmed,
  };
}

// ---- Making and changing a mapping ----

function columnsOf<S extends Scope>(
  d: ColumnDetection<RoleOf<S>> | undefined,
): Partial<Record<RoleOf<S>, string | null>> {
  const out: Partial<Record<string, string | null>> = {};
  if (d === undefined) return out as Partial<Record<RoleOf<S>, string | null>>;
  for (const [role, column] of Object.entries(d.fixed) as [string, string | null][]) out[role] = column;
  for (const [role, match] of Object.entries(d.roles) as [string, { column: string }][]) out[role] = match.column;
  return out as Partial<Record<RoleOf<S>, string | null>>;
}

function entriesOf(entries: readonly StageEntryColumn[]): SavedStageEntry[] {
  return entries.map((e) =>
    e.pipeline === undefined
      ? { stage: e.stage, column: e.column }
      : { stage: e.stage, column: e.column, pipeline: e.pipeline },
  );
}

/** A first, unconfirmed mapping from a fresh detection. */
export function fromDetection(detection: WorkbookDetection, tables: readonly TableInfo[]): SavedMapping {
  const mapping = emptyMapping();
  for (const kind of TABLE_KINDS) {
    const chosen = detection.tables.chosen[kind];
    if (chosen === undefined) continue;
    mapping.tables[kind] = chosen.table;
    const info = tables.find((t) => t.name === chosen.table);
    if (info !== undefined) mapping.headers[kind] = [...info.headers];
  }
  mapping.columns.deals = columnsOf<"deals">(detection.deals);
  mapping.columns.stages = columnsOf<"stages">(detection.stages);
  mapping.columns.targets = columnsOf<"targets">(detection.targets);
  mapping.stageEntries = entriesOf(detection.deals?.stageEntries ?? []);
  return mapping;
}

/**
 * Roles that may share one column when the user says so (never by detection): a Salesforce or HubSpot stage column
 * whose values include "Closed Won" / "Closed Lost" is also the outcome column.
 */
const SHAREABLE: readonly (readonly [string, string])[] = [["stage", "outcome"]];

function canShare(scope: Scope, a: string, b: string): boolean {
  return scope === "deals" && SHAREABLE.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

export interface CorrectionResult {
  mapping: SavedMapping;
  /** A role that had this column and lost it (one column plays one role). */
  displaced?: string;
}

/**
 * The user's choice for one role (a header, or null for "none"). It is remembered as a correction; a role of the
 * same table that had the column loses it, and the change asks for confirmation again.
 */
export function applyCorrection<S extends Scope>(
  mapping: SavedMapping,
  scope: S,
  role: RoleOf<S>,
  column: string | null,
): CorrectionResult {
  const next = cloneMapping(mapping);
  const cols = next.columns[scope] as Record<string, string | null | undefined>;
  let displaced: string | undefined;
  if (column !== null) {
    for (const [other, value] of Object.entries(cols)) {
      if (other !== role && value === column && !canShare(scope, role, other)) {
        delete cols[other];
        next.userSet = next.userSet.filter((k) => k !== roleKey(scope, other));
        displaced = other;
      }
    }
    if (scope === "deals") next.stageEntries = next.stageEntries.filter((e) => e.column !== column);
  }
  cols[role] = column;
  if (!next.userSet.includes(roleKey(scope, role))) next.userSet.push(roleKey(scope, role));
  next.confirmed = false;
  return displaced === undefined ? { mapping: next } : { mapping: next, displaced };
}

/** The user's stage-entry columns (replacing the detected list). */
export function setStageEntries(mapping: SavedMapping, entries: readonly SavedStageEntry[]): SavedMapping {
  const next = cloneMapping(mapping);
  next.stageEntries = entries.map((e) => ({ ...e }));
  if (!next.userSet.includes(STAGE_ENTRIES_KEY)) next.userSet.push(STAGE_ENTRIES_KEY);
  next.confirmed = false;
  return next;
}

/** The user's table for a kind. Column choices of that kind's previous table are dropped (they were for it). */
export function setTable(
  mapping: SavedMapping,
  kind: TableKind,
  table: string | undefined,
  tables: readonly TableInfo[],
): SavedMapping {
  const next = cloneMapping(mapping);
  if (table === undefined) delete next.tables[kind];
  else next.tables[kind] = table;
  if (!next.userSet.includes(tableKey(kind))) next.userSet.push(tableKey(kind));
  if (kind !== "rules" && mapping.tables[kind] !== table) {
    const scope = kind as Scope;
    next.columns[scope] = {};
    next.userSet = next.userSet.filter(
      (k) => !k.startsWith(`${scope}.`) && !(scope === "deals" && k === STAGE_ENTRIES_KEY),
    );
    if (scope === "deals") next.stageEntries = [];
  }
  const info = table === undefined ? undefined : tables.find((t) => t.name === table);
  if (info === undefined) delete next.headers[kind];
  else next.headers[kind] = [...info.headers];
  next.confirmed = false;
  return next;
}

export function confirmMapping(mapping: SavedMapping): SavedMapping {
  return { ...cloneMapping(mapping), confirmed: true };
}

export function cloneMapping(mapping: SavedMapping): SavedMapping {
  return {
    version: MAPPING_VERSION,
    tables: { ...mapping.tables },
    columns: {
      deals: { ...mapping.columns.deals },
      stages: { ...mapping.columns.stages },
      targets: { ...mapping.columns.targets },
    },
    stageEntries: mapping.stageEntries.map((e) => ({ ...e })),
    userSet: [...mapping.userSet],
    confirmed: mapping.confirmed,
    headers: Object.fromEntries(Object.entries(mapping.headers).map(([k, v]) => [k, [...(v ?? [])]])),
  };
}

// ---- Merging a saved mapping with the workbook as it is now ----

export interface DroppedColumn {
  scope: Scope;
  role: string;
  column: string;
  /** The user had set it by hand. */
  userSet: boolean;
}

export interface RenamedColumn {
  scope: Scope;
  role: string;
  from: string;
  to: string;
}

export interface ChangedRole {
  scope: Scope;
  role: string;
  from: string | null | undefined;
  to: string | null | undefined;
}

export interface TableChange {
  kind: TableKind;
  from?: string;
  to?: string;
  /** The saved table no longer exists. */
  missing: boolean;
}

export interface MergeResult {
  mapping: SavedMapping;
  /** The fresh detection the merge used (ambiguities and candidates for the UI). */
  detection: WorkbookDetection;
  dropped: DroppedColumn[];
  renamed: RenamedColumn[];
  /** Roles detection mapped differently because the headers changed. */
  changed: ChangedRole[];
  droppedStageEntries: SavedStageEntry[];
  tableChanges: TableChange[];
  /** Anything changed: the mapping needs the user's confirmation again. */
  needsConfirmation: boolean;
}

/** The header that is `column` now: the same text, or the same words after normalisation (a re-cased export). */
function findHeader(headers: readonly string[], column: string): string | undefined {
  if (headers.includes(column)) return column;
  const key = headerKey(column).compact;
  const same = headers.filter((h) => headerKey(h).compact === key);
  return same.length === 1 ? same[0] : undefined;
}

function sameHeaders(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((h, i) => h === b[i]);
}

/**
 * Brings a saved mapping up to date with the workbook's tables (and optional samples, by table then header).
 * - Tables: a saved table that still exists stays; a missing one is dropped (reported) and detected afresh.
 * - Columns the user set stay while their header exists (a re-cased header is followed and reported as renamed);
 *   a user "none" stays. Columns whose header is gone are dropped and reported.
 * - Detected columns stay as they are while the table's headers are unchanged; when the headers changed they are
 *   detected again around the user's choices, and roles that moved are reported.
 * Any drop, rename, move or table change clears `confirmed`.
 */
export function mergeMapping(
  saved: SavedMapping | undefined,
  tables: readonly TableInfo[],
  samples: Readonly<Record<string, Readonly<Record<string, readonly CellValue[]>>>> = {},
): MergeResult {
  const fresh = detectWorkbook(tables, samples);
  if (saved === undefined) {
    const mapping = fromDetection(fresh, tables);
    return {
      mapping,
      detection: fresh,
      dropped: [],
      renamed: [],
      changed: [],
      droppedStageEntries: [],
      tableChanges: [],
      needsConfirmation: true,
    };
  }
  const next = cloneMapping(saved);
  const dropped: DroppedColumn[] = [];
  const renamed: RenamedColumn[] = [];
  const changed: ChangedRole[] = [];
  const tableChanges: TableChange[] = [];
  const droppedStageEntries: SavedStageEntry[] = [];
  const userSet = new Set(saved.userSet);

  // Tables.
  const used = new Set<string>();
  for (const kind of TABLE_KINDS) {
    const name = saved.tables[kind];
    if (name !== undefined && tables.some((t) => t.name === name)) used.add(name);
  }
  for (const kind of TABLE_KINDS) {
    const name = saved.tables[kind];
    if (name !== undefined && tables.some((t) => t.name === name)) continue;
    if (name === undefined && userSet.has(tableKey(kind))) continue; // the user said: no such table
    const candidate = (fresh.tables.candidates[kind] ?? []).find((c) => !used.has(c.table));
    const ambiguous = fresh.tables.ambiguities.some((a) => a.tableKind === kind);
    const to = ambiguous ? undefined : candidate?.table;
    if (name === undefined && to === undefined) continue;
    if (name !== undefined || to !== undefined)
      tableChanges.push({ kind, from: name, to, missing: name !== undefined });
    if (to === undefined) delete next.tables[kind];
    else {
      next.tables[kind] = to;
      used.add(to);
    }
    if (name !== undefined) next.userSet = next.userSet.filter((k) => k !== tableKey(kind));
  }

  // Columns of each scope.
  const detections: Partial<Record<Scope, ColumnDetection>> = {};
  let stageNames: string[] = [];
  for (const scope of ["stages", "targets", "deals"] as const) {
    const tableName = next.tables[scope];
    const info = tableName === undefined ? undefined : tables.find((t) => t.name === tableName);
    const savedCols = saved.columns[scope] as Record<string, string | null | undefined>;
    const tableChanged = saved.tables[scope] !== tableName;
    if (info === undefined) {
      for (const [role, column] of Object.entries(savedCols)) {
        if (typeof column === "string")
          dropped.push({ scope, role, column, userSet: userSet.has(roleKey(scope, role)) });
      }
      next.columns[scope] = {};
      next.userSet = next.userSet.filter((k) => !k.startsWith(`${scope}.`));
      delete next.headers[scope];
      if (scope === "deals") {
        droppedStageEntries.push(...saved.stageEntries);
        next.stageEntries = [];
      }
      continue;
    }
    const headers = info.headers;
    const fixed: Record<string, string | null> = {};
    const keptAuto: Record<string, string> = {};
    const unchanged = !tableChanged && sameHeaders(saved.headers[scope], headers);
    for (const [role, column] of Object.entries(savedCols)) {
      const isUser = userSet.has(roleKey(scope, role));
      if (column === null || column === undefined) {
        if (column === null && isUser) fixed[role] = null;
        continue;
      }
      const now = findHeader(headers, column);
      if (now === undefined) {
        dropped.push({ scope, role, column, userSet: isUser });
        continue;
      }
      if (now !== column) renamed.push({ scope, role, from: column, to: now });
      if (isUser) fixed[role] = now;
      else if (unchanged) keptAuto[role] = now;
    }
    const tableSamples = samples[info.name];
    if (scope === "deals" && stageNames.length === 0) {
      const stageCol = (next.columns.stages as Record<string, string | null | undefined>).stage;
      const stagesTable = next.tables.stages;
      if (stageCol && stagesTable) {
        const values = samples[stagesTable]?.[stageCol];
        if (values !== undefined)
          stageNames = [...new Set(values.filter((v) => v !== "" && v !== null).map((v) => String(v).trim()))];
      }
    }
    const detection = detectColumns(headers, scope, {
      samples: tableSamples,
      fixed: { ...fixed, ...keptAuto } as Partial<Record<RoleOf<typeof scope>, string | null>>,
      stageNames,
    }) as ColumnDetection;
    detections[scope] = detection;
    const result: Record<string, string | null> = {};
    for (const [role, column] of Object.entries(detection.fixed) as [string, string | null][]) result[role] = column;
    for (const [role, match] of Object.entries(detection.roles) as [string, { column: string }][])
      result[role] = match.column;
    // Roles the fresh detection moved (not the user's, not a plain rename).
    if (!tableChanged) {
      const roles = new Set([...Object.keys(savedCols), ...Object.keys(result)]);
      for (const role of roles) {
        if (userSet.has(roleKey(scope, role))) continue;
        const before = savedCols[role];
        const after = result[role];
        const renamedTo = renamed.find((r) => r.scope === scope && r.role === role)?.to;
        const wasDropped = dropped.some((d) => d.scope === scope && d.role === role);
        if ((renamedTo ?? before) !== after && !(wasDropped && after === undefined))
          changed.push({ scope, role, from: before, to: after });
      }
    }
    next.columns[scope] = result as SavedMapping["columns"][typeof scope];
    next.userSet = next.userSet.filter((k) => !k.startsWith(`${scope}.`) || k.slice(scope.length + 1) in fixed);
    next.headers[scope] = [...headers];

    if (scope === "deals") {
      const detectedEntries = entriesOf(detection.stageEntries);
      if (userSet.has(STAGE_ENTRIES_KEY) && !tableChanged) {
        const kept: SavedStageEntry[] = [];
        for (const e of saved.stageEntries) {
          const now = findHeader(headers, e.column);
          if (now === undefined) droppedStageEntries.push(e);
          else kept.push({ ...e, column: now });
        }
        next.stageEntries = kept;
      } else {
        for (const e of saved.stageEntries)
          if (findHeader(headers, e.column) === undefined) droppedStageEntries.push(e);
        next.stageEntries = detectedEntries;
        next.userSet = next.userSet.filter((k) => k !== STAGE_ENTRIES_KEY);
      }
    }
  }

  for (const kind of TABLE_KINDS) {
    if (kind === "rules") {
      const name = next.tables.rules;
      const info = name === undefined ? undefined : tables.find((t) => t.name === name);
      if (info === undefined) delete next.headers.rules;
      else next.headers.rules = [...info.headers];
    }
  }

  // Reports in the order a mapping screen lists the roles.
  const byRoleOrder = (a: { scope: Scope; role: string }, b: { scope: Scope; role: string }) =>
    SCOPES.indexOf(a.scope) - SCOPES.indexOf(b.scope) || roleRank(a.scope, a.role) - roleRank(b.scope, b.role);
  dropped.sort(byRoleOrder);
  renamed.sort(byRoleOrder);
  changed.sort(byRoleOrder);

  const needsConfirmation =
    dropped.length > 0 ||
    renamed.length > 0 ||
    changed.length > 0 ||
    tableChanges.length > 0 ||
    droppedStageEntries.length > 0 ||
    !saved.confirmed;
  next.confirmed = saved.confirmed && !needsConfirmation;
  const detection: WorkbookDetection = { tables: fresh.tables, ...(detections as Partial<WorkbookDetection>) };
  return { mapping: next, detection, dropped, renamed, changed, droppedStageEntries, tableChanges, needsConfirmation };
}

// ---- Reading the setting ----

export type ParsedMapping = { mapping: SavedMapping; error?: undefined } | { mapping?: undefined; error: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A saved mapping read back from the workbook settings (an object, or its JSON text). Unknown versions and
 * malformed values give an error naming the problem; entries of the wrong type are left out.
 */
export function parseSavedMapping(raw: unknown): ParsedMapping {
  let value = raw;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return { error: "the mapping setting is not JSON" };
    }
  }
  if (!isRecord(value)) return { error: "the mapping setting is not an object" };
  if (value.version !== MAPPING_VERSION)
    return { error: `mapping version ${String(value.version)} is not ${MAPPING_VERSION}` };
  const mapping = emptyMapping();
  if (isRecord(value.tables)) {
    for (const kind of TABLE_KINDS) {
      const t = value.tables[kind];
      if (typeof t === "string" && t !== "") mapping.tables[kind] = t;
    }
  }
  if (isRecord(value.columns)) {
    for (const scope of SCOPES) {
      const cols = value.columns[scope];
      if (!isRecord(cols)) continue;
      const out = mapping.columns[scope] as Record<string, string | null>;
      for (const [role, column] of Object.entries(cols))
        if (typeof column === "string" || column === null) out[role] = column;
    }
  }
  if (Array.isArray(value.stageEntries)) {
    for (const e of value.stageEntries) {
      if (!isRecord(e) || typeof e.stage !== "string" || typeof e.column !== "string") continue;
      mapping.stageEntries.push(
        typeof e.pipeline === "string"
          ? { stage: e.stage, column: e.column, pipeline: e.pipeline }
          : { stage: e.stage, column: e.column },
      );
    }
  }
  if (Array.isArray(value.userSet)) mapping.userSet = value.userSet.filter((k): k is string => typeof k === "string");
  mapping.confirmed = value.confirmed === true;
  if (isRecord(value.headers)) {
    for (const kind of TABLE_KINDS) {
      const h = value.headers[kind];
      if (Array.isArray(h) && h.every((x) => typeof x === "string")) mapping.headers[kind] = [...(h as string[])];
    }
  }
  return { mapping };
}

// ---- Seeding from the panels' own settings (before map-once) ----

/** The per-panel settings the panels saved before map-once (keys "bant", "funnel", "followups", "targets"). */
export interface LegacyPanelSettings {
  bant?: {
    table?: string;
    budget?: string;
    authority?: string;
    need?: string;
    timeline?: string;
    stageColumn?: string;
  };
  funnel?: {
    table?: string;
    stageColumn?: string;
    amountColumn?: string;
    outcomeColumn?: string;
    stagesTable?: string;
    stagesColumn?: string;
    probabilityColumn?: string;
  };
  followups?: {
    table?: string;
    dateColumn?: string;
    companyColumn?: string;
    ownerColumn?: string;
    stageColumn?: string;
    outcomeColumn?: string;
  };
  targets?: {
    historyTable?: string;
    historyDate?: string;
    historyAmount?: string;
    historyOwner?: string;
    ownersTable?: string;
    ownersColumn?: string;
  };
}

/**
 * The column choices a workbook's panels already saved, as user corrections of a mapping (so upgrading does not
 * forget them). Only choices for the mapping's deals/stages/targets tables are taken, and only where no user
 * correction exists yet; the panels' "-" (none) becomes null.
 */
export function seedFromPanelSettings(mapping: SavedMapping, legacy: LegacyPanelSettings): SavedMapping {
  let next = cloneMapping(mapping);
  const put = <S extends Scope>(scope: S, table: string | undefined, role: RoleOf<S>, value: string | undefined) => {
    if (value === undefined || value === "" || table === undefined || table !== next.tables[scope]) return;
    if (next.userSet.includes(roleKey(scope, role))) return;
    const column = value === "-" ? null : value;
    const headers: readonly string[] = next.headers[scope] ?? [];
    if (column !== null && !headers.includes(column)) return;
    next = applyCorrection(next, scope, role, column).mapping;
  };
  const { bant, funnel, followups, targets } = legacy;
  put("deals", bant?.table, "budget", bant?.budget);
  put("deals", bant?.table, "authority", bant?.authority);
  put("deals", bant?.table, "need", bant?.need);
  put("deals", bant?.table, "timeline", bant?.timeline);
  put("deals", bant?.table, "stage", bant?.stageColumn);
  put("deals", funnel?.table, "stage", funnel?.stageColumn);
  put("deals", funnel?.table, "amount", funnel?.amountColumn);
  put("deals", funnel?.table, "outcome", funnel?.outcomeColumn);
  put("stages", funnel?.stagesTable, "stage", funnel?.stagesColumn);
  put("stages", funnel?.stagesTable, "probability", funnel?.probabilityColumn);
  put("deals", followups?.table, "nextFollowUp", followups?.dateColumn);
  put("deals", followups?.table, "company", followups?.companyColumn);
  put("deals", followups?.table, "owner", followups?.ownerColumn);
  put("deals", followups?.table, "stage", followups?.stageColumn);
  put("deals", followups?.table, "outcome", followups?.outcomeColumn);
  put("deals", targets?.historyTable, "owner", targets?.historyOwner);
  put("deals", targets?.historyTable, "amount", targets?.historyAmount);
  put("targets", targets?.ownersTable, "owner", targets?.ownersColumn);
  next.confirmed = mapping.confirmed && next.userSet.length === mapping.userSet.length;
  return next;
}
