/**
 * Header normalisation: the engine's text rule (NFKC, trim, collapse white space, lower case; formulas.md rule 2)
 * after splitting camelCase and before dropping punctuation, so "StageName", "Stage Name", "stage_name",
 * "STAGENAME", "Owner.Name" and "Probability (%)" compare as the words users see.
 */
import { normalizeText } from "../engine/coerce";

export interface HeaderKey {
  /** Words of the header, lower case, punctuation removed. Keys are cached and shared: never mutate. */
  readonly tokens: readonly string[];
  /** The words without spaces: the identity used for exact matches ("stagename"). */
  compact: string;
  /** True when the header holds CJK characters (matched by substring rather than by words). */
  cjk: boolean;
  /** The words joined by single spaces. */
  spaced: string;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Salesforce API names of custom fields and relationships end in __c / __r; the suffix is not part of the name. */
const SALESFORCE_SUFFIX = /__(c|r)$/i;

/**
 * A unit or currency in brackets at the end ("Amount (USD)", "金额（万元）", "Probability (%)") says how the
 * column is written, not what it is: it is left out of the name.
 */
const UNIT_SUFFIX =
  /\s*[([]\s*(?:usd|cny|rmb|eur|gbp|jpy|hkd|sgd|aud|cad|twd|元|万元|千元|百万元|万|\$|¥|€|£|%|k|m|days?|天|月)\s*[)\]]$/i;

/** Keys are asked for the same headers again and again (every role, every table, every re-detection). */
const cache = new Map<string, HeaderKey>();
const CACHE_LIMIT = 20_000;

export function headerKey(raw: string): HeaderKey {
  const known = cache.get(raw);
  if (known !== undefined) return known;
  const key = computeHeaderKey(raw);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, key);
  return key;
}

function computeHeaderKey(raw: string): HeaderKey {
  let text = String(raw).normalize("NFKC").trim().replace(SALESFORCE_SUFFIX, "").replace(UNIT_SUFFIX, "");
  // camelCase and PascalCase word boundaries (LastActivityDate, OwnerID, HTMLSource); ALL CAPS stays one word.
  text = text.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2").replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, "$1 $2");
  const normalized = normalizeText(text);
  // Punctuation, "%" and quotes separate words and are otherwise dropped: "Probability (%)" = "Probability".
  const tokens = normalized
    .replace(NOT_WORD, " ")
    .split(" ")
    .filter((t) => t !== "");
  return { tokens, compact: tokens.join(""), cjk: CJK.test(normalized), spaced: tokens.join(" ") };
}

/** Whether `needle` occurs in `haystack` as consecutive words; returns the index or -1. */
export function findWords(haystack: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0 || needle.length > haystack.length) return -1;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * What a header holds besides a matched name: the other words (Latin), or the rest of the text (CJK).
 * Used to keep "Expected Revenue" off amount and "负责人主属部门" off owner.
 */
export interface Remainder {
  tokens: string[];
  compact: string;
}

/** Whether a word (Latin words or a CJK string) occurs in what a header holds besides a matched name. */
export function remainderHas(rest: Remainder, word: HeaderKey): boolean {
  if (word.compact === "") return false;
  if (word.cjk) return rest.compact.includes(word.compact);
  return findWords(rest.tokens, word.tokens) >= 0;
}
