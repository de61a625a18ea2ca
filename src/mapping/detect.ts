/**
 * Detection: which column plays which role (detectColumns) and which table is which (chooseTables), from headers
 * and, when given, sample values. Data-driven: every name lives in roles.ts. Nothing is guessed silently: when two
 * columns match a role equally, or one column is the best match of two roles, the role stays unmapped and the
 * ambiguity is reported for the user to settle.
 *
 * Scoring: an exact name (after normalisation) scores its weight (1 for a role's plain names, less for weaker
 * names); a header that contains a multi-word or CJK name scores 0.5–0.75 × weight by how much of the header the
 * name covers, unless the rest of the header says it is something else (roles.ts `notWith`, `WORD_CLASSES`).
 * Sample values then confirm a candidate, lower it (partly readable: × 0.85) or reject it (mostly unreadable).
 */
import type { CellValue, TableInfo } from "../excel/types";
import { headerKey, remainderHas, findWords, type HeaderKey, type Remainder } from "./normalize";
import {
  DEALS_FLAVOR_WORDS,
  FORBIDDEN_CLASSES,
  LEADS_FLAVOR_WORDS,
  RULE_HEADERS,
  SCOPE_ROLES,
  TABLE_KINDS,
  WORD_CLASSES,
} from "./roles";
import { findStageEntries, isStageHistory } from "./stageEntries";
import type {
  Ambiguity,
  Candidate,
  ColumnDetection,
  ColumnMatch,
  Confidence,
  DealRole,
  DetectionNote,
  DetectOptions,
  Rejection,
  RoleOf,
  RoleSpec,
  Scope,
  TableAmbiguity,
  TableChoice,
  TableDetection,
  TableKind,
  ValueEvidence,
} from "./types";
import { AGREE, CONTRADICT, distinctTexts, hasClosedOutcome, valueEvidence } from "./values";

/** Candidates scoring below this are not offered. */
export const MIN_SCORE = 0.45;
const PARTLY_READABLE_FACTOR = 0.85;
/**
 * Values that read as a specific kind (dates, numbers, won/lost words …) confirm a candidate more than names
 * reading as names do: "Status" holding Won/Lost is the outcome rather than the stage.
 */
const CONFIRMED_FACTOR = 1.1;
const SPECIFIC_KINDS = new Set(["date", "number", "percent", "outcome", "flag"]);
const EPSILON = 1e-9;

// ---- Compiled synonym table ----

interface CompiledName {
  raw: string;
  key: HeaderKey;
  weight: number;
  /** Multi-word and CJK names also match headers that contain them. */
  containsOk: boolean;
}

interface CompiledRole {
  id: string;
  spec: RoleSpec;
  names: CompiledName[];
  /** Exact names by their normalised form (the best weight when two names normalise alike). */
  exact: Map<string, CompiledName>;
  /** Names that may also be found inside a longer header. */
  containable: CompiledName[];
  /** notWith words and the word classes the role's kind refuses. */
  refuse: HeaderKey[];
}

const compiledScopes = new Map<Scope, CompiledRole[]>();
const exactNamesOfScope = new Map<Scope, Set<string>>();

const ID_WORDS = new Set(WORD_CLASSES.id);

function compileName(raw: string, weight: number, exactOnly: ReadonlySet<string>): CompiledName {
  const key = headerKey(raw);
  const containsOk =
    key.compact !== "" &&
    !exactOnly.has(key.compact) &&
    !key.tokens.some((t) => ID_WORDS.has(t)) &&
    (key.cjk ? key.compact.length >= 2 : key.tokens.length >= 2);
  return { raw, key, weight, containsOk };
}

function compileRoles(scope: Scope): CompiledRole[] {
  const cached = compiledScopes.get(scope);
  if (cached !== undefined) return cached;
  const roles = Object.entries(SCOPE_ROLES[scope]).map(([id, spec]) => {
    const exactOnly = new Set((spec.exactOnly ?? []).map((n) => headerKey(n).compact));
    const names = [
      ...spec.names.map((n) => compileName(n, 1, exactOnly)),
      ...(spec.weaker ?? []).map(([n, w]) => compileName(n, w, exactOnly)),
    ].filter((n) => n.key.compact !== "");
    const refuseWords = [
      ...(spec.notWith ?? []),
      ...(FORBIDDEN_CLASSES[spec.kind] ?? []).flatMap((c) => WORD_CLASSES[c] ?? []),
    ];
    const exact = new Map<string, CompiledName>();
    for (const n of names) {
      const known = exact.get(n.key.compact);
      if (known === undefined || n.weight > known.weight) exact.set(n.key.compact, n);
    }
    const refuse = refuseWords.map((w) => headerKey(w)).filter((k) => k.compact !== "");
    return { id, spec, names, exact, containable: names.filter((n) => n.containsOk), refuse };
  });
  compiledScopes.set(scope, roles);
  exactNamesOfScope.set(scope, new Set(roles.flatMap((r) => [...r.exact.keys()])));
  return roles;
}

// ---- Matching one header against one role ----

interface HeaderMatch {
  score: number;
  how: "exact" | "contains";
  matched: string;
}

function remainderOf(header: HeaderKey, name: HeaderKey): Remainder | undefined {
  if (!header.compact.includes(name.compact)) return undefined;
  if (name.cjk) {
    const spaced = header.spaced;
    if (spaced.includes(name.compact)) {
      const tokens = spaced
        .replace(name.compact, " ")
        .split(" ")
        .filter((t) => t !== "");
      return { tokens, compact: tokens.join("") };
    }
    const compact = header.compact.replace(name.compact, "");
    return { tokens: [compact], compact };
  }
  const at = findWords(header.tokens, name.tokens);
  if (at < 0) return undefined;
  const tokens = [...header.tokens.slice(0, at), ...header.tokens.slice(at + name.tokens.length)];
  return { tokens, compact: tokens.join("") };
}

function matchRole(role: CompiledRole, header: HeaderKey): HeaderMatch | undefined {
  if (header.compact === "") return undefined;
  const exact = role.exact.get(header.compact);
  // A contains-match scores at most 0.75 × weight: it can only beat an exact name of weight below that.
  let best: HeaderMatch | undefined =
    exact === undefined ? undefined : { score: exact.weight, how: "exact", matched: exact.raw };
  for (const name of role.containable) {
    if (best !== undefined && name.weight * 0.75 <= best.score) continue;
    if (name.key.compact.length >= header.compact.length || !header.compact.includes(name.key.compact)) continue;
    const rest = remainderOf(header, name.key);
    if (rest === undefined || rest.compact === "") continue;
    if (role.refuse.some((w) => remainderHas(rest, w))) continue;
    const coverage = name.key.compact.length / header.compact.length;
    const score = name.weight * (0.5 + 0.25 * coverage);
    if (best === undefined || score > best.score + EPSILON) best = { score, how: "contains", matched: name.raw };
  }
  return best !== undefined && best.score >= MIN_SCORE ? best : undefined;
}

function confidenceOf(score: number): Confidence {
  if (score >= 0.95) return "high";
  if (score >= 0.75) return "medium";
  return "low";
}

// ---- Columns of one table ----

interface Pair extends Candidate {
  role: string;
  index: number;
}

/**
 * The best column per role for a table's headers. `options.samples` (values by header) confirm or reject
 * candidates; `options.fixed` holds choices already made (kept as they are, their columns offered to no other
 * role); `options.stageNames` orders stage-entry date columns (deals scope).
 */
export function detectColumns<S extends Scope = "deals">(
  headers: readonly string[],
  scope: S = "deals" as S,
  options: DetectOptions<RoleOf<S>> = {},
): ColumnDetection<RoleOf<S>> {
  type R = RoleOf<S>;
  const roles = compileRoles(scope);
  const keys = headers.map((h) => headerKey(h));
  const fixed: Partial<Record<R, string | null>> = {};
  const fixedColumns = new Set<string>();
  for (const [role, column] of Object.entries(options.fixed ?? {}) as [R, string | null | undefined][]) {
    if (column === undefined || !roles.some((r) => r.id === role)) continue;
    if (column !== null && !headers.includes(column)) continue; // a choice whose column is gone is no choice
    fixed[role] = column;
    if (column !== null) fixedColumns.add(column);
  }

  // Stage history and stage-entry columns (deals only) are kept away from the other roles.
  const stageHistory: string[] = [];
  let stageEntries: ColumnDetection["stageEntries"] = [];
  const reserved = new Set(fixedColumns);
  if (scope === "deals") {
    const scopeNames = exactNamesOfScope.get(scope) ?? new Set<string>();
    const exactNames = new Set(headers.filter((_, i) => scopeNames.has(keys[i].compact)));
    // A stage-entry column whose sample values are not dates is not one ("Demo Date" holding notes).
    const notDates = (column: string) => (valueEvidence("date", options.samples?.[column])?.readable ?? 1) < CONTRADICT;
    stageEntries = findStageEntries(headers, options.stageNames ?? [], exactNames).filter(
      (e) => !fixedColumns.has(e.column) && !notDates(e.column),
    );
    for (const e of stageEntries) reserved.add(e.column);
    for (const h of headers) {
      if (!reserved.has(h) && isStageHistory(h)) {
        stageHistory.push(h);
        reserved.add(h);
      }
    }
  }

  const samples = options.samples ?? {};
  const candidates: Partial<Record<R, Candidate[]>> = {};
  const rejected: Rejection[] = [];
  const pairs: Pair[] = [];
  for (const role of roles) {
    const id = role.id as R;
    if (id in fixed) continue;
    const list: Candidate[] = [];
    headers.forEach((column, index) => {
      if (reserved.has(column)) return;
      const m = matchRole(role, keys[index]);
      if (m === undefined) return;
      const candidate: Candidate = { column, score: m.score, how: m.how, matched: m.matched };
      const evidence = evidenceFor(role.spec, samples[column]);
      if (evidence !== undefined) {
        candidate.evidence = evidence;
        const closedOk = role.spec.kind !== "outcome" || hasClosedOutcome(samples[column]);
        if (evidence.readable < CONTRADICT) {
          rejected.push({ role: role.id, column, reason: "values", evidence });
          return;
        }
        if (evidence.readable < AGREE || !closedOk) candidate.score *= PARTLY_READABLE_FACTOR;
        else if (SPECIFIC_KINDS.has(role.spec.kind)) candidate.score *= CONFIRMED_FACTOR;
      }
      list.push(candidate);
      pairs.push({ ...candidate, role: role.id, index });
    });
    list.sort((a, b) => b.score - a.score || headers.indexOf(a.column) - headers.indexOf(b.column));
    if (list.length > 0) candidates[id] = list;
  }

  const { assigned, ambiguities } = assign(pairs);
  const chosen: Partial<Record<R, ColumnMatch>> = {};
  for (const [role, pair] of assigned) {
    const { role: _role, index: _index, ...candidate } = pair;
    void _role;
    void _index;
    chosen[role as R] = { ...candidate, confidence: confidenceOf(candidate.score) };
  }

  const taken = new Set<string>([...fixedColumns, ...stageEntries.map((e) => e.column), ...stageHistory]);
  for (const m of Object.values(chosen) as ColumnMatch[]) taken.add(m.column);
  const unused = headers.filter((h) => !taken.has(h));

  const detection: ColumnDetection<R> = {
    scope,
    roles: chosen,
    fixed,
    candidates,
    ambiguities,
    rejected,
    stageEntries,
    stageHistory,
    unused,
    notes: [],
  };
  detection.notes = notesFor(detection, samples);
  return detection;
}

function evidenceFor(spec: RoleSpec, values: readonly CellValue[] | undefined): ValueEvidence | undefined {
  return valueEvidence(spec.kind, values);
}

/**
 * Greedy assignment by score, one column per role and one role per column. At each score level, a role with two
 * or more free columns at that level is a tie, and a free column wanted by two or more roles at that level is
 * shared: those roles get nothing (they are reported), the rest are assigned.
 */
function assign(pairs: readonly Pair[]): { assigned: Map<string, Pair>; ambiguities: Ambiguity[] } {
  const sorted = [...pairs].sort((a, b) => b.score - a.score || a.index - b.index);
  const assigned = new Map<string, Pair>();
  const takenColumns = new Set<string>();
  const blocked = new Set<string>();
  const ambiguities: Ambiguity[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j < sorted.length && Math.abs(sorted[j].score - sorted[i].score) <= EPSILON) j++;
    const level = sorted
      .slice(i, j)
      .filter((p) => !assigned.has(p.role) && !blocked.has(p.role) && !takenColumns.has(p.column));
    i = j;
    if (level.length === 0) continue;
    const score = level[0].score;
    const byRole = groupBy(level, (p) => p.role);
    for (const [role, list] of byRole) {
      if (list.length > 1) {
        ambiguities.push({ kind: "tie", role, columns: list.map((p) => p.column), score });
        blocked.add(role);
      }
    }
    const open = level.filter((p) => !blocked.has(p.role));
    const byColumn = groupBy(open, (p) => p.column);
    for (const [column, list] of byColumn) {
      if (list.length > 1) {
        ambiguities.push({ kind: "shared", column, roles: list.map((p) => p.role), score });
        for (const p of list) blocked.add(p.role);
      }
    }
    for (const p of open) {
      if (blocked.has(p.role)) continue;
      assigned.set(p.role, p);
      takenColumns.add(p.column);
    }
  }
  return { assigned, ambiguities };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list === undefined) map.set(k, [item]);
    else list.push(item);
  }
  return map;
}

const ENGINE_READ_KINDS = new Set(["date", "number", "percent", "outcome", "flag", "budget", "timeline"]);

function notesFor<R extends string>(
  d: ColumnDetection<R>,
  samples: Readonly<Record<string, readonly CellValue[]>>,
): DetectionNote[] {
  const notes: DetectionNote[] = [];
  const roleOf = (role: string) => (d.roles as Record<string, ColumnMatch | undefined>)[role];
  const fixedOf = (role: string) => (d.fixed as Record<string, string | null | undefined>)[role];
  const columnOf = (role: string) => roleOf(role)?.column ?? fixedOf(role) ?? undefined;
  if (d.scope === "deals") {
    const outcomeSettled = roleOf("outcome") !== undefined || fixedOf("outcome") !== undefined;
    if (!outcomeSettled) {
      const stage = columnOf("stage");
      if (stage !== undefined && hasClosedOutcome(samples[stage]))
        notes.push({ code: "outcome-in-stage", column: stage });
      const won = columnOf("isWon");
      const closed = columnOf("isClosed");
      if (won !== undefined || closed !== undefined) {
        const note: DetectionNote = { code: "outcome-from-flags" };
        if (won !== undefined) note.won = won;
        if (closed !== undefined) note.closed = closed;
        notes.push(note);
      }
    }
  }
  const specs = SCOPE_ROLES[d.scope];
  for (const [role, match] of Object.entries(d.roles) as [string, ColumnMatch][]) {
    const ev = match.evidence;
    if (ev === undefined) continue;
    if (ev.warning === "datetime-text") notes.push({ code: "dates-as-text", role, column: match.column });
    if (ENGINE_READ_KINDS.has(specs[role].kind) && ev.unreadable.length > 0) {
      notes.push({ code: "unreadable-values", role, column: match.column, values: ev.unreadable });
    }
  }
  return notes;
}

// ---- Which table is which ----

/** Deal roles that make a table a deals/leads table (a stages table has stage + probability: not enough). */
const DEAL_EVIDENCE_ROLES: readonly DealRole[] = [
  "stage",
  "amount",
  "owner",
  "outcome",
  "created",
  "closeDate",
  "wonDate",
  "source",
  "company",
  "name",
  "lastContact",
  "nextFollowUp",
  "probability",
  "budget",
  "authority",
  "need",
  "timeline",
  "region",
];
/** A table with this many deal roles is a deals table whatever its name. */
const DEALS_BY_HEADERS = 3;
const NAME_WEIGHT = 0.4;
const HEADER_WEIGHT = 0.6;

function nameScore(kind: TableKind, names: readonly string[]): { score: number; matched?: string } {
  const spec = TABLE_KINDS[kind];
  const list: [string, number][] = [
    ...spec.names.map((n) => [n, 1] as [string, number]),
    ...(spec.weaker ?? []).map(([n, w]) => [n, w] as [string, number]),
  ];
  let best = { score: 0, matched: undefined as string | undefined };
  for (const raw of names) {
    const key = headerKey(raw);
    if (key.compact === "") continue;
    for (const [n, w] of list) {
      const nk = headerKey(n);
      let s = 0;
      if (key.compact === nk.compact) s = w;
      else if (nk.cjk ? key.compact.includes(nk.compact) : findWords(key.tokens, nk.tokens) >= 0) s = 0.7 * w;
      if (s > best.score) best = { score: s, matched: n };
    }
  }
  return best;
}

function rolesFound(headers: readonly string[], scope: Scope): string[] {
  const d = detectColumns(headers, scope);
  return Object.keys(d.roles);
}

function ruleColumnsFound(headers: readonly string[]): string[] {
  const keys = headers.map((h) => headerKey(h).compact);
  return (Object.entries(RULE_HEADERS) as [string, readonly string[]][])
    .filter(([, names]) => names.some((n) => keys.includes(headerKey(n).compact)))
    .map(([id]) => id);
}

interface TableEvidence {
  dealRoles: string[];
  stageRoles: string[];
  targetRoles: string[];
  ruleColumns: string[];
}

function tableEvidence(table: TableInfo): TableEvidence {
  return {
    dealRoles: rolesFound(table.headers, "deals").filter((r) => (DEAL_EVIDENCE_ROLES as readonly string[]).includes(r)),
    stageRoles: rolesFound(table.headers, "stages"),
    targetRoles: rolesFound(table.headers, "targets"),
    ruleColumns: ruleColumnsFound(table.headers),
  };
}

/** Deal roles found, scaled so that more roles always score more (two exports of different richness never tie). */
const DEAL_ROLES_FOR_FULL_SCORE = 12;

function headerScore(kind: TableKind, e: TableEvidence): { score: number; roles: string[] } {
  switch (kind) {
    case "deals":
      return { score: Math.min(1, e.dealRoles.length / DEAL_ROLES_FOR_FULL_SCORE), roles: e.dealRoles };
    case "rules": {
      const found = e.ruleColumns;
      const core = ["field", "operator", "points"].filter((r) => found.includes(r)).length;
      return { score: core === 3 ? 1 : core === 2 && found.includes("field") ? 0.7 : 0, roles: found };
    }
    case "stages": {
      if (e.dealRoles.length > DEALS_BY_HEADERS) return { score: 0, roles: [] };
      const found = e.stageRoles;
      if (!found.includes("stage")) return { score: 0, roles: found };
      const extra = ["order", "probability", "conversion"].filter((r) => found.includes(r)).length;
      return { score: extra === 0 ? 0.3 : Math.min(1, 0.6 + 0.2 * extra), roles: found };
    }
    case "targets": {
      if (e.dealRoles.length > DEALS_BY_HEADERS) return { score: 0, roles: [] };
      const found = e.targetRoles;
      if (!found.includes("owner")) return { score: 0, roles: found };
      const extra = ["weight", "target"].filter((r) => found.includes(r)).length;
      return { score: extra === 0 ? 0.3 : Math.min(1, 0.7 + 0.15 * extra), roles: found };
    }
  }
}

/** Whether a table's headers alone qualify it for a kind (a name alone never does). */
function qualifies(kind: TableKind, header: { score: number; roles: string[] }, name: number): boolean {
  if (kind === "deals") return header.roles.length >= DEALS_BY_HEADERS || (header.roles.length >= 2 && name > 0);
  if (kind === "rules") return header.score >= 0.7;
  return header.score >= 0.6 || (header.score > 0 && name > 0);
}

const TABLE_KIND_ORDER: readonly TableKind[] = ["deals", "rules", "stages", "targets"];

/**
 * Which table is the deals/leads table, the scoring rules, the stage order and the targets, from table and sheet
 * names (English and Chinese) and headers. A table serves one kind; equal best scores are reported, not chosen.
 */
export function chooseTables(tables: readonly TableInfo[]): TableDetection {
  const candidates: Partial<Record<TableKind, TableChoice[]>> = {};
  const all: { kind: TableKind; choice: TableChoice; order: number }[] = [];
  tables.forEach((table, order) => {
    const evidence = tableEvidence(table);
    for (const kind of TABLE_KIND_ORDER) {
      const name = nameScore(kind, [table.name, table.sheet]);
      const header = headerScore(kind, evidence);
      if (!qualifies(kind, header, name.score)) continue;
      const choice: TableChoice = {
        table: table.name,
        score: HEADER_WEIGHT * header.score + NAME_WEIGHT * name.score,
        rolesFound: header.roles,
      };
      if (name.matched !== undefined) choice.nameMatched = name.matched;
      (candidates[kind] ??= []).push(choice);
      all.push({ kind, choice, order });
    }
  });
  for (const kind of TABLE_KIND_ORDER) candidates[kind]?.sort((a, b) => b.score - a.score);

  all.sort((a, b) => b.choice.score - a.choice.score || a.order - b.order);
  const chosen: Partial<Record<TableKind, TableChoice>> = {};
  const usedTables = new Set<string>();
  const blocked = new Set<TableKind>();
  const ambiguities: TableAmbiguity[] = [];
  let i = 0;
  while (i < all.length) {
    let j = i;
    while (j < all.length && Math.abs(all[j].choice.score - all[i].choice.score) <= EPSILON) j++;
    const level = all
      .slice(i, j)
      .filter((c) => chosen[c.kind] === undefined && !blocked.has(c.kind) && !usedTables.has(c.choice.table));
    i = j;
    const byKind = groupBy(level, (c) => c.kind);
    for (const [kind, list] of byKind) {
      if (list.length > 1) {
        ambiguities.push({
          kind: "tie",
          tableKind: kind as TableKind,
          tables: list.map((c) => c.choice.table),
          score: list[0].choice.score,
        });
        blocked.add(kind as TableKind);
        continue;
      }
      const c = list[0];
      if (usedTables.has(c.choice.table)) continue;
      chosen[c.kind] = c.choice;
      usedTables.add(c.choice.table);
    }
  }

  const result: TableDetection = { chosen, candidates, ambiguities };
  const deals = chosen.deals;
  if (deals !== undefined) {
    const info = tables.find((t) => t.name === deals.table);
    if (info !== undefined) {
      const flavor = dealsFlavor(info);
      if (flavor !== undefined) result.dealsFlavor = flavor;
    }
  }
  return result;
}

function flavorOf(texts: readonly string[]): "leads" | "deals" | undefined {
  let leads = 0;
  let deals = 0;
  for (const text of texts) {
    const key = headerKey(text);
    const has = (w: string) => {
      const wk = headerKey(w);
      return wk.cjk ? key.compact.includes(wk.compact) : key.tokens.includes(wk.compact);
    };
    if (LEADS_FLAVOR_WORDS.some(has)) leads++;
    if (DEALS_FLAVOR_WORDS.some(has)) deals++;
  }
  if (leads > deals) return "leads";
  if (deals > leads) return "deals";
  return undefined;
}

function dealsFlavor(table: TableInfo): "leads" | "deals" | undefined {
  return flavorOf([table.name, table.sheet]) ?? flavorOf(table.headers);
}

// ---- The whole workbook ----

export interface WorkbookDetection {
  tables: TableDetection;
  deals?: ColumnDetection<RoleOf<"deals">>;
  stages?: ColumnDetection<RoleOf<"stages">>;
  targets?: ColumnDetection<RoleOf<"targets">>;
}

/**
 * Tables, then columns of each chosen table. `samples[table][header]` are sample values (optional); the stage
 * names for stage-entry columns come from the stages table's stage column in table order, else from the deals
 * table's stage values.
 */
export function detectWorkbook(
  tables: readonly TableInfo[],
  samples: Readonly<Record<string, Readonly<Record<string, readonly CellValue[]>>>> = {},
): WorkbookDetection {
  const choice = chooseTables(tables);
  const result: WorkbookDetection = { tables: choice };
  const infoOf = (kind: TableKind) => {
    const name = choice.chosen[kind]?.table;
    return name === undefined ? undefined : tables.find((t) => t.name === name);
  };
  const stagesInfo = infoOf("stages");
  if (stagesInfo !== undefined)
    result.stages = detectColumns(stagesInfo.headers, "stages", { samples: samples[stagesInfo.name] });
  const targetsInfo = infoOf("targets");
  if (targetsInfo !== undefined)
    result.targets = detectColumns(targetsInfo.headers, "targets", { samples: samples[targetsInfo.name] });
  const dealsInfo = infoOf("deals");
  if (dealsInfo !== undefined) {
    let stageNames: string[] = [];
    const stageColumn = result.stages?.roles.stage?.column;
    if (stagesInfo !== undefined && stageColumn !== undefined)
      stageNames = distinctTexts(samples[stagesInfo.name]?.[stageColumn]);
    const dealSamples = samples[dealsInfo.name];
    if (stageNames.length === 0 && dealSamples !== undefined) {
      const first = detectColumns(dealsInfo.headers, "deals", { samples: dealSamples });
      const col = first.roles.stage?.column;
      if (col !== undefined) stageNames = distinctTexts(dealSamples[col]);
    }
    result.deals = detectColumns(dealsInfo.headers, "deals", { samples: dealSamples, stageNames });
  }
  return result;
}
