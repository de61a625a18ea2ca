/**
 * Header normalisation: the engine's text rule (NFKC, trim, collapse white space, lower case; formulas.md rule 2)
 * after splitting camelCase and before dropping punctuation, so "StageName", "Stage Name", "stage_name",
 * "STAGENAME", "Owner.Name" and "Probability (%)" compare as the words users see.
 */
import { normalizeText } from "../engine/coerce";

export interface HeaderKey {
  /** Words of the header, lower case, punctuation removed. */
  tokens: string[];
  /** The words without spaces: the identity used for exact matches ("stagename"). */
  compact: string;
  /** True when the header holds CJK characters (matched by substring rather than by words). */
  cjk: boolean;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Salesforce API names of custom fields and relationships end in __c / __r; the suffix is not part of the name. */
const SALESFORCE_SUFFIX = /__(c|r)$/i;

export function headerKey(raw: string): HeaderKey {
  let text = String(raw).normalize("NFKC").trim().replace(SALESFORCE_SUFFIX, "");
  // camelCase and PascalCase word boundaries (LastActivityDate, OwnerID, HTMLSource); ALL CAPS stays one word.
  text = text.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2").replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, "$1 $2");
  const normalized = normalizeText(text);
  // Punctuation, "%" and quotes separate words and are otherwise dropped: "Probability (%)" = "Probability".
  const tokens = normalized.replace(NOT_WORD, " ").split(" ").filter((t) => t !== "");
  return { tokens, compact: tokens.join(""), cjk: CJK.test(normalized) };
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
