/**
 * What SALES.WINPROB learns from, shared by the Lead scoring panel's Win probability section and the Overview's
 * "most likely to close" card: which columns are factors (the user's choice saved in the workbook, else suggested
 * from the data), the group, and the formula's arguments. Both places therefore write and compute the same model.
 */
import type { TableColumns } from "../excel/types";
import { escapeColumn } from "../sample/insert";
import { OUTCOME_NAMES, STAGE_NAMES } from "../engine";
import { normalizeText, parseOutcome } from "./engineBridge";
import { textLiteral } from "./formulaText";

/** The Lead scoring panel's saved `winprob` setting. */
export interface WinSettings {
  /** Factor columns chosen by the user; null = chosen by the pane from the data. */
  fields: string[] | null;
  /** Group column ("" = none). */
  group: string;
  /** The model sheet the pane wrote (reused by the next run). */
  sheet: string;
}

/**
 * Roles whose columns are not suggested as factors: they say when or who, or they are the outcome itself. The owner
 * is left out too (Odoo learns per sales team, never per salesperson; and where each owner works one region, owner and
 * region would count the same evidence twice). The user can still choose any of them.
 */
export const NOT_FACTORS = [
  "owner",
  "stage",
  "outcome",
  "created",
  "closeDate",
  "wonDate",
  "lastContact",
  "nextFollowUp",
  "timeline",
  "company",
  "name",
  "probability",
  "isWon",
  "isClosed",
  "stageChanged",
] as const;

const fold = (s: string) => normalizeText(s);

/** Closed rows read to suggest factors (a choice the user can change; the first ones decide on a huge table). */
const SUGGEST_SAMPLE = 5000;
/**
 * Up to this many rows the pane learns the model as it opens (a few tens of milliseconds). A bigger table would
 * block the pane for longer than 100 ms, so what needs the model waits for the user to ask; the workbook's
 * formulas never need the pane's model (they learn in Excel).
 */
export const AUTO_LEARN_ROWS = 5000;

/** The first header among `names` (as the engine finds the Outcome and Stage columns). */
export function namedColumn(headers: readonly string[], names: readonly string[]): string | undefined {
  for (const n of names) {
    const hit = headers.find((h) => fold(h) === fold(n));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Won and lost cells of an outcome column (outcome words in English and Chinese); the rest are open. */
export function outcomeCounts(cells: readonly unknown[]): { won: number; lost: number } {
  let won = 0;
  let lost = 0;
  for (const v of cells) {
    const o = parseOutcome(v);
    if (o === "won") won++;
    else if (o === "lost") lost++;
  }
  return { won, lost };
}

/** Per cell: won or lost (a closed row, what SALES.WINPROB learns from). */
export function closedRows(cells: readonly unknown[]): boolean[] {
  return cells.map((v) => {
    const o = parseOutcome(v);
    return o === "won" || o === "lost";
  });
}

/** The Outcome and Stage columns SALES.WINPROB reads among `headers` (by its own header names). */
export function outcomeAndStage(headers: readonly string[]): { outcome?: string; stage?: string } {
  return { outcome: namedColumn(headers, OUTCOME_NAMES), stage: namedColumn(headers, STAGE_NAMES) };
}

/**
 * Columns that may be factors: every named source column except those mapped to a role that says when or who
 * (dates, names, the stage and the outcome), the stage-entry dates, and the columns SALES.WINPROB reads as Outcome
 * or Stage.
 */
export function factorCandidates(
  spanHeaders: readonly string[],
  mappedColumn: (role: (typeof NOT_FACTORS)[number]) => string | undefined,
  stageEntryColumns: readonly string[],
): string[] {
  const excluded = new Set<string>(stageEntryColumns);
  for (const role of NOT_FACTORS) {
    const c = mappedColumn(role);
    if (c) excluded.add(c);
  }
  const { outcome } = outcomeAndStage(spanHeaders);
  if (outcome) excluded.add(outcome);
  for (const h of spanHeaders) if (STAGE_NAMES.some((n) => fold(n) === fold(h))) excluded.add(h);
  return spanHeaders.filter((h) => h.trim() !== "" && !excluded.has(h));
}

/**
 * Factor columns worth learning from, by SALES.WINPROB's own rule for default fields (at least 2 distinct values
 * in the closed rows; text columns at most 50 values and at most half as many as valued cells), applied to the
 * columns that are not dates, names or the outcome.
 */
export function suggestFactors(
  data: TableColumns,
  candidates: readonly string[],
  closed: readonly boolean[],
): string[] {
  return candidates.filter((h) => {
    const cells = data.columns[h] ?? [];
    const seen = new Set<string>();
    let valued = 0;
    let allNumbers = true;
    let read = 0;
    for (let r = 0; r < cells.length && read < SUGGEST_SAMPLE; r++) {
      if (!closed[r]) continue;
      read++;
      const v = cells[r];
      if (v === "" || v === null || v === undefined) continue;
      valued++;
      if (typeof v !== "number") allNumbers = false;
      seen.add(typeof v === "string" ? fold(v) : String(v));
    }
    if (seen.size < 2) return false;
    return allNumbers || (seen.size <= 50 && seen.size * 2 <= valued);
  });
}

/** The factors and group the model uses: the saved choice (columns still there), else the suggestion. */
export function chosenFactors(
  saved: Pick<WinSettings, "fields" | "group"> | undefined,
  spanHeaders: readonly string[],
  candidates: readonly string[],
  suggested: readonly string[],
): { fields: string[]; group: string } {
  const group = saved?.group && candidates.includes(saved.group) ? saved.group : "";
  const fields = (saved?.fields ?? suggested).filter((f) => spanHeaders.includes(f) && f !== group);
  return { fields, group };
}

/**
 * The arguments shared by SALES.WINPROB and SALES.WINFACTORS (records, fields, headers, stage_order, group_field),
 * omitted ones trailing-trimmed; `padTo` keeps that many (for WINFACTORS' later arguments).
 */
export function winArguments(
  p: {
    table: string;
    first: string;
    last: string;
    fields: readonly string[];
    stageOrder?: string;
    group?: string;
  },
  padTo = 1,
): string {
  const records = `${p.table}[[#All],[${escapeColumn(p.first)}]:[${escapeColumn(p.last)}]]`;
  const args = [
    records,
    p.fields.length > 0 ? `{${p.fields.map(textLiteral).join(",")}}` : "",
    "",
    p.stageOrder ?? "",
    p.group ? textLiteral(p.group) : "",
  ];
  while (args.length > Math.max(1, padTo) && args[args.length - 1] === "") args.pop();
  return args.join(",");
}
