/**
 * What sample values say about a column: do they read as the role's kind, the way the SALES functions read them
 * (src/engine/coerce.ts)? A header says what a column is meant to be; the values say what it is.
 */
import type { CellValue } from "../excel/types";
import { displayText, isBlank, parseDate, parseNumber, parseOutcome, yesNo } from "../engine/coerce";
import type { ValueEvidence, ValueKind } from "./types";

/** Fewer non-blank values than this say nothing either way. */
export const MIN_SAMPLE = 3;
/**
 * At most this many cells are read per column, evenly spread over it: evidence needs a sample, not the table
 * (a caller passing 60,000 rows must not block the pane).
 */
export const MAX_SAMPLE = 500;

/** Up to MAX_SAMPLE values evenly spread over `values` (all of them when fewer). */
export function spread<T>(values: readonly T[]): readonly T[] {
  if (values.length <= MAX_SAMPLE) return values;
  const out: T[] = [];
  const step = values.length / MAX_SAMPLE;
  for (let i = 0; i < MAX_SAMPLE; i++) out.push(values[Math.floor(i * step)]);
  return out;
}
/** Share of values that must read as the kind for the column to agree with the role. */
export const AGREE = 0.8;
/** Below this share the column contradicts the role. */
export const CONTRADICT = 0.5;

/** Serials 21916–73415 are 1960-01-01 … 2100-12-31: a number outside is not a business date (an amount, an id). */
const FIRST_PLAUSIBLE_SERIAL = 21916;
const LAST_PLAUSIBLE_SERIAL = 73415;

/** "2024-03-05 10:22", "2024-03-05T10:22:00Z", "2024/3/5 10:22:00": date-times CRMs export as text. */
const DATETIME_TEXT =
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)$/;
/** "03/05/2024", "3/5/2024 10:22 AM": US-style dates of Salesforce and HubSpot exports. */
const US_DATE_TEXT = /^\d{1,2}\/\d{1,2}\/\d{4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM|am|pm)?)?$/;

type Reading = "yes" | "no" | "datetime-text";

function plausibleDate(value: CellValue): Reading {
  if (typeof value === "number") {
    return value >= FIRST_PLAUSIBLE_SERIAL && value <= LAST_PLAUSIBLE_SERIAL ? "yes" : "no";
  }
  if (typeof value !== "string") return "no";
  if (parseDate(value) !== undefined) return "yes";
  const text = value.normalize("NFKC").trim();
  return DATETIME_TEXT.test(text) || US_DATE_TEXT.test(text) ? "datetime-text" : "no";
}

function isNumberish(value: CellValue): boolean {
  return parseNumber(value) !== undefined;
}

function isFlag(value: CellValue): boolean {
  if (typeof value === "boolean") return true;
  if (value === 0 || value === 1) return true;
  if (typeof value === "string" && (value.trim() === "0" || value.trim() === "1")) return true;
  const yn = yesNo(value);
  return yn === "yes" || yn === "no";
}

function reads(kind: ValueKind, value: CellValue): Reading {
  switch (kind) {
    case "date":
      return plausibleDate(value);
    case "number":
      return isNumberish(value) ? "yes" : "no";
    case "percent": {
      const n = parseNumber(value);
      return n !== undefined && n >= 0 && n <= 100 ? "yes" : "no";
    }
    case "outcome":
      return parseOutcome(value) !== undefined ? "yes" : "no";
    case "flag":
      return isFlag(value) ? "yes" : "no";
    case "budget":
      return isNumberish(value) || typeof value === "boolean" || yesNo(value) !== undefined ? "yes" : "no";
    case "timeline": {
      const d = plausibleDate(value);
      if (d !== "no") return d;
      return typeof value === "boolean" || yesNo(value) !== undefined ? "yes" : "no";
    }
    case "category":
    case "text":
      // Names are text: a column of numbers or dates is not an owner, a stage or a company.
      if (typeof value === "boolean") return "no";
      if (isNumberish(value)) return "no";
      return plausibleDate(value) === "no" ? "yes" : "no";
    case "any":
      return "yes";
  }
}

/**
 * How well `values` read as `kind`. Blank cells are skipped; fewer than MIN_SAMPLE non-blank values give
 * `undefined` (no evidence).
 */
export function valueEvidence(kind: ValueKind, values: readonly CellValue[] | undefined): ValueEvidence | undefined {
  if (values === undefined || kind === "any") return undefined;
  let sampled = 0;
  let readable = 0;
  let datetimeText = 0;
  const unreadable = new Set<string>();
  for (const value of spread(values)) {
    if (isBlank(value)) continue;
    sampled++;
    const r = reads(kind, value);
    if (r === "no") {
      if (unreadable.size < 5) unreadable.add(displayText(value));
      continue;
    }
    readable++;
    if (r === "datetime-text") datetimeText++;
  }
  if (sampled < MIN_SAMPLE) return undefined;
  const evidence: ValueEvidence = { sampled, readable: readable / sampled, unreadable: [...unreadable] };
  if (datetimeText > 0) evidence.warning = "datetime-text";
  return evidence;
}

/** An outcome column must also hold a won or a lost word somewhere: a column of blanks and "open" says nothing. */
export function hasClosedOutcome(values: readonly CellValue[] | undefined): boolean {
  if (values === undefined) return false;
  return spread(values).some((v) => {
    const o = parseOutcome(v);
    return o === "won" || o === "lost";
  });
}

/** Distinct non-blank texts of a column, in first-seen order (stage names from the stage column's values). */
export function distinctTexts(values: readonly CellValue[] | undefined, limit = 200): string[] {
  if (values === undefined) return [];
  const seen = new Set<string>();
  for (const v of values) {
    if (isBlank(v)) continue;
    seen.add(displayText(v));
    if (seen.size >= limit) break;
  }
  return [...seen];
}
