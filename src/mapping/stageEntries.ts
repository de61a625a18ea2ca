/**
 * Stage-entry date columns: one date column per stage, recording when a deal entered it — HubSpot's
 * `Date entered "Closed Won (Sales Pipeline)"`, Salesforce custom fields like `Date_Entered_Closed_Won__c`,
 * "Date entered Demo", "进入方案报价日期", or "<stage> date" when the stage names are known.
 * Stage history that is not an entry date (HubSpot's "Date exited …", "Cumulative time in …", "Latest time in …")
 * is recognised too, so that no other role takes those columns.
 */
import { headerKey } from "./normalize";
import type { StageEntryColumn, StageEntryPatternId } from "./types";

const QUOTE = `["'“”‘’「」『』]`;

interface EntryPattern {
  id: StageEntryPatternId;
  pattern: RegExp;
  /** Splits HubSpot's "Stage (Pipeline)". */
  pipeline?: boolean;
  /** The stage was written with underscores (a Salesforce API name). */
  underscores?: boolean;
}

/** Applied to the header after NFKC, trimming and collapsing spaces (quotes and parentheses kept). */
const ENTRY_PATTERNS: readonly EntryPattern[] = [
  // HubSpot deal property "Date entered "<stage> (<pipeline>)"" (double or single quotes in exports).
  { id: "hubspot-date-entered", pattern: new RegExp(`^date entered\\s*${QUOTE}(.+)${QUOTE}$`, "i"), pipeline: true },
  // Salesforce custom date fields named after the stage: Date_Entered_Closed_Won__c.
  { id: "salesforce-date-entered-field", pattern: /^date_entered_(.+?)(?:__c)?$/i, underscores: true },
  { id: "salesforce-date-entered-field", pattern: /^entered_(.+?)_date(?:__c)?$/i, underscores: true },
  // Plain English headers: "Date entered Demo", "Date entered Demo stage", "Date moved to Demo".
  { id: "date-entered", pattern: /^date (?:entered|moved to|reached)\s+(?:the\s+)?(.+?)(?:\s+stage)?$/i },
  // "Entered Demo date", "Entered Demo on", "Demo entered date", "Demo entry date", "Demo stage entered".
  { id: "entered-stage-date", pattern: /^entered\s+(?:the\s+)?(.+?)(?:\s+stage)?\s+(?:date|on|at)$/i },
  { id: "entered-stage-date", pattern: /^(.+?)(?:\s+stage)?\s+(?:entered|entry|reached)\s+(?:date|on|at)$/i },
  // Chinese: 进入方案报价日期, 进入“方案报价”阶段时间, 方案报价阶段进入时间.
  {
    id: "zh-entered-stage",
    pattern: new RegExp(`^进入\\s*${QUOTE}?(.+?)${QUOTE}?\\s*(?:阶段)?\\s*(?:的)?\\s*(?:日期|时间)$`),
  },
  { id: "zh-entered-stage", pattern: /^(.+?)\s*(?:阶段)?\s*进入\s*(?:的)?\s*(?:日期|时间)$/ },
];

/** Stage history that is not an entry date. */
const HISTORY_PATTERNS: readonly RegExp[] = [
  /^date (?:exited|left)\b/i,
  /^(?:cumulative|latest|total)? ?time in\b/i,
  /^days? in\b/i,
  /^date_exited_/i,
  /^(?:离开|退出).+(?:日期|时间)$/,
  /.+(?:停留|累计)(?:时长|天数|时间)$/,
];

/** Stage names that are not stages ("Date entered current stage" is when the deal entered whatever stage it is in). */
const NOT_A_STAGE = new Set(["current", "current stage", "date", "stage", "当前", "当前阶段", "阶段"]);

function clean(header: string): string {
  return header.normalize("NFKC").trim().replace(/\s+/g, " ");
}

export interface StageEntryMatch {
  stage: string;
  pipeline?: string;
  pattern: StageEntryPatternId;
}

/** The stage (and HubSpot pipeline) a header records the entry date of, or undefined. */
export function matchStageEntry(header: string): StageEntryMatch | undefined {
  const text = clean(header);
  for (const p of ENTRY_PATTERNS) {
    const m = p.pattern.exec(text);
    if (m === null) continue;
    let stage = m[1].trim();
    let pipeline: string | undefined;
    if (p.underscores) stage = stage.replace(/_+/g, " ").trim();
    if (p.pipeline) {
      // The pipeline is the last parenthesised group: "Unit 3 (Final) Shipped (Plans Schedule Pipeline)".
      const pm = /^(.*\S)\s*\(([^()]+)\)$/.exec(stage);
      if (pm !== null) {
        stage = pm[1].trim();
        pipeline = pm[2].trim();
      }
    }
    if (stage === "" || NOT_A_STAGE.has(stage.toLowerCase())) return undefined;
    return pipeline === undefined ? { stage, pattern: p.id } : { stage, pipeline, pattern: p.id };
  }
  return undefined;
}

export function isStageHistory(header: string): boolean {
  const text = clean(header);
  return HISTORY_PATTERNS.some((p) => p.test(text));
}

const KNOWN_STAGE_SUFFIXES = [
  "date",
  "entereddate",
  "entrydate",
  "enteredon",
  "日期",
  "时间",
  "进入日期",
  "进入时间",
  "阶段日期",
  "阶段时间",
];

/** "<stage> date" / "<stage>日期" for a stage in `stageNames`: the index of that stage, or -1. */
export function knownStageDate(header: string, stageKeys: readonly string[]): number {
  const compact = headerKey(header).compact;
  for (let i = 0; i < stageKeys.length; i++) {
    const key = stageKeys[i];
    if (key === "" || !compact.startsWith(key)) continue;
    const rest = compact.slice(key.length);
    if (KNOWN_STAGE_SUFFIXES.includes(rest)) return i;
  }
  return -1;
}

/**
 * Stage-entry columns of `headers`, with the stage name as `stageNames` writes it when it is one of them.
 * Ordered by the stage order when known (HubSpot pipelines keep their column order within a stage), then the
 * unknown stages in column order. `excluded` headers (exact names of other roles) are not taken by the
 * "<stage> date" rule.
 */
export function findStageEntries(
  headers: readonly string[],
  stageNames: readonly string[] = [],
  excluded: ReadonlySet<string> = new Set(),
): StageEntryColumn[] {
  const stageKeys = stageNames.map((s) => headerKey(s).compact);
  const found: { entry: StageEntryColumn; index: number }[] = [];
  headers.forEach((column, index) => {
    const m = matchStageEntry(column);
    if (m !== undefined) {
      const key = headerKey(m.stage).compact;
      const order = stageKeys.indexOf(key);
      const entry: StageEntryColumn = { column, stage: order >= 0 ? stageNames[order] : m.stage, pattern: m.pattern };
      if (m.pipeline !== undefined) entry.pipeline = m.pipeline;
      if (order >= 0) entry.order = order;
      found.push({ entry, index });
      return;
    }
    if (excluded.has(column) || stageKeys.length === 0) return;
    const order = knownStageDate(column, stageKeys);
    if (order >= 0)
      found.push({ entry: { column, stage: stageNames[order], order, pattern: "known-stage-date" }, index });
  });
  found.sort((a, b) => {
    const ao = a.entry.order ?? Number.POSITIVE_INFINITY;
    const bo = b.entry.order ?? Number.POSITIVE_INFINITY;
    return ao !== bo ? ao - bo : a.index - b.index;
  });
  return found.map((f) => f.entry);
}
