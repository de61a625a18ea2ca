/**
 * Types of the "map once" module: which table holds what, and which column plays which role.
 * Pure data; no Office, no DOM.
 */
import type { CellValue } from "../excel/types";

/** What a workbook table is to the add-in. */
export type TableKind = "deals" | "rules" | "stages" | "targets";

/** Tables whose columns get roles (the rules table is read by position, as SALES.LEADSCORE reads it). */
export type Scope = "deals" | "stages" | "targets";

/** Column roles of the deals/leads table. */
export type DealRole =
  | "owner"
  | "region"
  | "source"
  | "stage"
  | "outcome"
  | "amount"
  | "created"
  | "closeDate"
  | "wonDate"
  | "lastContact"
  | "nextFollowUp"
  | "budget"
  | "authority"
  | "need"
  | "timeline"
  | "company"
  | "name"
  | "probability"
  | "isWon"
  | "isClosed"
  | "stageChanged";

/** Column roles of the stages table (stage order, probabilities). */
export type StageRole = "stage" | "order" | "probability" | "conversion";

/** Column roles of the targets table (owners and their weights or targets). */
export type TargetRole = "owner" | "weight" | "target";

export type RoleOf<S extends Scope> = S extends "deals" ? DealRole : S extends "stages" ? StageRole : TargetRole;

/**
 * What a role's cells hold, checked on sample values when the caller passes them:
 * - `category`: names (owner, stage, region): text, not mostly numbers or dates;
 * - `text`: free text (need, company);
 * - `date`: dates SALES functions read (serials, YYYY-MM-DD…), date-times as text are accepted with a warning;
 * - `number` / `percent`: numbers (percent: 0–1, 0–100 or "30%");
 * - `outcome`: won / lost / open words as SALES.WINRATE reads them;
 * - `flag`: TRUE/FALSE, 1/0, yes/no;
 * - `budget`: a number or a yes/no/unknown word (SALES.BANT's budget);
 * - `timeline`: a date or a yes/no/unknown word (SALES.BANT's timeline);
 * - `any`: not checked.
 */
export type ValueKind =
  "category" | "text" | "date" | "number" | "percent" | "outcome" | "flag" | "budget" | "timeline" | "any";

/** A name that is a role with less certainty than the role's plain names. */
export type WeightedName = readonly [name: string, weight: number];

export interface RoleSpec {
  kind: ValueKind;
  /** Header names that are this role (exact match after normalisation, weight 1). */
  names: readonly string[];
  /** Header names that are this role with a weight below 1: generic words, id columns, second choices. */
  weaker?: readonly WeightedName[];
  /**
   * Words that keep a contains-match off this role: a header that holds a role name plus one of these words is
   * something else ("Expected Revenue" is not the amount, "负责人主属部门" is not the owner).
   */
  notWith?: readonly string[];
  /**
   * Names too generic to be found inside a longer header ("销售" in "销售流程", "客户" in "客户来源"): exact only.
   * Names holding an id word (OwnerId) are exact only without being listed.
   */
  exactOnly?: readonly string[];
}

export interface TableSpec {
  /** Table (or sheet) names, English and Chinese. */
  names: readonly string[];
  /** Names with a weight below 1. */
  weaker?: readonly WeightedName[];
}

/** How sure the detection is, for the UI: high = an exact name, medium = a weaker name, low = a contains-match. */
export type Confidence = "high" | "medium" | "low";

/** What sample values said about a column for a role. */
export interface ValueEvidence {
  /** Non-blank sample values looked at. */
  sampled: number;
  /** Share of them that read as the role's kind (0–1). */
  readable: number;
  /** Up to five distinct values that did not read (what the SALES functions would reject or ignore). */
  unreadable: string[];
  /** "datetime-text": dates written as text with a time, which SALES functions do not read as dates. */
  warning?: "datetime-text";
}

export interface Candidate {
  column: string;
  score: number;
  how: "exact" | "contains";
  /** The role name the header matched. */
  matched: string;
  evidence?: ValueEvidence;
}

export interface ColumnMatch extends Candidate {
  confidence: Confidence;
}

/** A user's choice (or "none": null) passed back into detection, so detection works around it. */
export interface FixedChoice {
  column: string | null;
}

export type Ambiguity =
  /** Two or more columns match one role equally well: no column is chosen for the role. */
  | { kind: "tie"; role: string; columns: string[]; score: number }
  /** One column is the best match of two or more roles equally: no role gets it. */
  | { kind: "shared"; column: string; roles: string[]; score: number };

export interface Rejection {
  role: string;
  column: string;
  /** The column's values are not what the role holds. */
  reason: "values";
  evidence: ValueEvidence;
}

/** A date column that records when a deal entered a stage. */
export interface StageEntryColumn {
  column: string;
  /** The stage as written in the header (or as written in `stageNames` when it matched one). */
  stage: string;
  /** HubSpot's pipeline, from `Date entered "Stage (Pipeline)"`. */
  pipeline?: string;
  /** Index in the `stageNames` the caller passed, when the stage is one of them. */
  order?: number;
  /** Which header pattern matched (for the UI's explanation and for tests). */
  pattern: StageEntryPatternId;
}

export type StageEntryPatternId =
  | "hubspot-date-entered"
  | "date-entered"
  | "entered-stage-date"
  | "salesforce-date-entered-field"
  | "zh-entered-stage"
  | "known-stage-date";

/** Structured hints for the UI, beyond the role → column choice. */
export type DetectionNote =
  /** No outcome column, but the stage column's values hold won/lost words (Salesforce "Closed Won"). */
  | { code: "outcome-in-stage"; column: string }
  /** No outcome column, but won/closed flag columns exist (Salesforce IsWon/IsClosed, HubSpot "Is Closed Won"). */
  | { code: "outcome-from-flags"; won?: string; closed?: string }
  /** A mapped date column holds date-times as text; SALES functions read only dates. */
  | { code: "dates-as-text"; role: string; column: string }
  /** A mapped column has values the SALES functions cannot read (up to five shown). */
  | { code: "unreadable-values"; role: string; column: string; values: string[] };

export interface DetectOptions<R extends string = string> {
  /** Sample values by header (a few hundred per column is plenty). */
  samples?: Readonly<Record<string, readonly CellValue[]>>;
  /** Choices already made (by the user): these roles keep them, and their columns are not offered to others. */
  fixed?: Readonly<Partial<Record<R, string | null>>>;
  /** The stage order (from the stages table), to recognise and order stage-entry date columns. */
  stageNames?: readonly string[];
}

export interface ColumnDetection<R extends string = string> {
  scope: Scope;
  /** The chosen column per role; a role is absent when nothing matched or the match was ambiguous. */
  roles: Partial<Record<R, ColumnMatch>>;
  /** Roles the caller fixed (user choices), with their column or null for "none". */
  fixed: Partial<Record<R, string | null>>;
  /** Every candidate per role, best first (for ordering a picker). */
  candidates: Partial<Record<R, Candidate[]>>;
  ambiguities: Ambiguity[];
  rejected: Rejection[];
  /** Stage-entry date columns, in stage order when the stage names are known, else in column order. */
  stageEntries: StageEntryColumn[];
  /** Columns recognised as stage history (entered/exited/time in stage) and kept away from other roles. */
  stageHistory: string[];
  /** Headers no role took. */
  unused: string[];
  notes: DetectionNote[];
}

export interface TableChoice {
  table: string;
  score: number;
  /** Why: the name that matched and the roles found in its headers. */
  nameMatched?: string;
  rolesFound: string[];
}

export type TableAmbiguity = { kind: "tie"; tableKind: TableKind; tables: string[]; score: number };

export interface TableDetection {
  chosen: Partial<Record<TableKind, TableChoice>>;
  /** Every table that qualified per kind, best first. */
  candidates: Partial<Record<TableKind, TableChoice[]>>;
  ambiguities: TableAmbiguity[];
  /** "leads" or "deals" when the chosen deals table says which (names like Leads/线索 vs Deals/商机). */
  dealsFlavor?: "leads" | "deals";
}
