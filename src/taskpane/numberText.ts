/**
 * What the pane's number boxes accept and show. Typed text is read as the SALES functions read numbers
 * (formulas.md, rule 3: "1,200", "¥3.5万", "50k", "15%"), so a number means the same in the pane and in a
 * formula; what is rejected is rejected with a reason, never rounded or clamped silently.
 */
import { CURRENCY_SYMBOL, MINUS, formatNumber, formatPercentUpTo, type Currency, type UiLanguage } from "../i18n";
import { parseNumber } from "./engineBridge";

/**
 * - `number`: any number; `integer`: whole numbers only (3.7 is refused, not rounded);
 * - `money`: a number shown with the workbook's currency; `rate`: a share shown as a percentage.
 */
export type NumberKind = "number" | "integer" | "money" | "rate";

export interface NumberRules {
  kind?: NumberKind;
  min?: number;
  max?: number;
  /** Blank is a value (null) instead of an error. */
  allowBlank?: boolean;
}

/**
 * Excel keeps 15 significant digits: a larger magnitude cannot be typed back exactly, so it is refused
 * ("99999999999999999999") rather than stored as a different number.
 */
export const LARGEST_NUMBER = 999_999_999_999_999;

export type NumberProblem =
  | { key: "number.blank" }
  | { key: "number.notNumber"; text: string }
  | { key: "number.noPercent" }
  | { key: "number.whole" }
  | { key: "number.tooSmall"; limit: string }
  | { key: "number.tooLarge"; limit: string };

export type NumberReading =
  { value: number | null; problem?: undefined } | { value?: undefined; problem: NumberProblem };

function limitText(language: UiLanguage, kind: NumberKind, limit: number): string {
  return kind === "rate" ? formatRate(language, limit) : formatNumber(language, limit, 10);
}

/** Reads typed text under the rules; the problem says why text is refused. */
export function readNumber(text: string, rules: NumberRules, language: UiLanguage): NumberReading {
  const kind = rules.kind ?? "number";
  // The true minus sign and full-width forms are read like "-" (NFKC folds the full-width ones).
  const typed = text.replace(/\u2212/g, "-").trim();
  if (typed === "") return rules.allowBlank ? { value: null } : { problem: { key: "number.blank" } };
  const value = parseNumber(typed);
  if (value === undefined) return { problem: { key: "number.notNumber", text: text.trim() } };
  if (kind !== "rate" && /%\s*$/.test(typed)) return { problem: { key: "number.noPercent" } };
  if (kind === "integer" && !Number.isInteger(value)) return { problem: { key: "number.whole" } };
  const min = Math.max(rules.min ?? -LARGEST_NUMBER, -LARGEST_NUMBER);
  const max = Math.min(rules.max ?? LARGEST_NUMBER, LARGEST_NUMBER);
  if (value < min) return { problem: { key: "number.tooSmall", limit: limitText(language, kind, min) } };
  if (value > max) return { problem: { key: "number.tooLarge", limit: limitText(language, kind, max) } };
  return { value };
}

/** "15%" for 0.15, "12.5%" for 0.125 (up to two decimals, nothing rounded away that was typed). */
export function formatRate(language: UiLanguage, value: number): string {
  return formatPercentUpTo(language, value, 4);
}

/** How a box shows its number: large units only where the user typed them (万 / 亿). */
export type DisplayUnit = "" | "万" | "亿";

/** The unit a user typed ("¥3.5万" → 万), so the box keeps showing money the way that user writes it. */
export function typedUnit(text: string): DisplayUnit {
  const t = text.normalize("NFKC").trim();
  return t.endsWith("亿") ? "亿" : t.endsWith("万") ? "万" : "";
}

/** The text a number box shows for a value when not being edited. */
export function showNumber(
  value: number | null,
  kind: NumberKind,
  language: UiLanguage,
  currency: Currency,
  unit: DisplayUnit = "",
): string {
  if (value === null) return "";
  if (kind === "rate") return formatRate(language, value);
  const symbol = kind === "money" ? CURRENCY_SYMBOL[currency] : "";
  const sign = value < 0 ? MINUS : "";
  const abs = Math.abs(value);
  if (unit !== "") {
    const scale = unit === "亿" ? 1e8 : 1e4;
    const scaled = Number((abs / scale).toPrecision(15));
    return `${sign}${symbol}${formatNumber(language, scaled, 10)}${unit}`;
  }
  return `${sign}${symbol}${formatNumber(language, abs, 10)}`;
}
