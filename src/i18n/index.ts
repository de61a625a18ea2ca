/**
 * UI strings and the language pick. Every string the task pane shows comes from ui.en-US.json or
 * ui.zh-CN.json; both files have the same keys (a test checks it).
 */
import en from "./ui.en-US.json";
import zh from "./ui.zh-CN.json";

export type UiLanguage = "en-US" | "zh-CN";
export type StringKey = keyof typeof en;
export type Strings = Record<StringKey, string>;

export const UI_STRINGS: Record<UiLanguage, Strings> = { "en-US": en, "zh-CN": zh as Strings };

/**
 * Chinese for any zh-* display language (zh-CN, zh-TW, zh-HK, zh-Hans …): a Traditional-Chinese reader is
 * better served by Simplified Chinese than by English; everything else gets English.
 */
export function pickUiLanguage(displayLanguage: string | undefined | null): UiLanguage {
  return typeof displayLanguage === "string" && /^zh(\b|[-_])/i.test(displayLanguage.trim()) ? "zh-CN" : "en-US";
}

/** The engine's label language for a UI language. */
export function engineLang(language: UiLanguage): "en" | "zh" {
  return language === "zh-CN" ? "zh" : "en";
}

export type Vars = Record<string, string | number>;
export type Translate = (key: StringKey, vars?: Vars) => string;

/** Replaces `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function formatString(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

export function createTranslator(language: UiLanguage): Translate {
  const strings = UI_STRINGS[language];
  return (key, vars) => formatString(strings[key] ?? UI_STRINGS["en-US"][key] ?? key, vars);
}

/** The true minus sign (U+2212): "−15" reads as a negative number, "-15" as a dash. */
export const MINUS = "\u2212";

/**
 * Number formatting in the UI language: grouping separators always, at most `maximumFractionDigits`
 * decimals, negative numbers with a real minus sign.
 */
export function formatNumber(language: UiLanguage, value: number, maximumFractionDigits = 0): string {
  return numberFormat(language, "decimal", 0, maximumFractionDigits).format(value).replace(/^-/, MINUS);
}

// Creating an Intl.NumberFormat costs far more than formatting with one: a pane re-render formats dozens of numbers.
const FORMATS = new Map<string, Intl.NumberFormat>();
function numberFormat(language: UiLanguage, style: "decimal" | "percent", min: number, max: number): Intl.NumberFormat {
  const key = `${language}|${style}|${min}|${max}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, {
      style,
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: true,
    });
    FORMATS.set(key, format);
  }
  return format;
}

/** Counts (rows, leads, cells): whole numbers with grouping, "14,631". */
export function formatCount(language: UiLanguage, value: number): string {
  return formatNumber(language, value, 0);
}

/**
 * A percentage with exactly `digits` decimals, so that one panel never shows "73%" beside "72.1%".
 * Each panel picks one precision and uses it for every percentage it shows.
 */
export function formatPercent(language: UiLanguage, value: number, digits = 1): string {
  return numberFormat(language, "percent", digits, digits).format(value).replace(/^-/, MINUS);
}

/** A percentage with up to `digits` decimals (what a user typed, shown back without rounding it away). */
export function formatPercentUpTo(language: UiLanguage, value: number, digits: number): string {
  return numberFormat(language, "percent", 0, digits).format(value).replace(/^-/, MINUS);
}

/** A range of numbers: "−15 to −2" / "−15 至 −2". */
export function formatRange(language: UiLanguage, low: number, high: number, maximumFractionDigits = 0): string {
  const a = formatNumber(language, low, maximumFractionDigits);
  const b = formatNumber(language, high, maximumFractionDigits);
  return language === "zh-CN" ? `${a} 至 ${b}` : `${a} to ${b}`;
}

/** Currencies the pane can show money in; "none" shows plain numbers. */
export type Currency = "CNY" | "USD" | "EUR" | "GBP" | "none";
export const CURRENCIES: readonly Currency[] = ["CNY", "USD", "EUR", "GBP", "none"];
export const CURRENCY_SYMBOL: Record<Currency, string> = { CNY: "¥", USD: "$", EUR: "€", GBP: "£", none: "" };

/** The currency a new workbook gets: the display language's (¥ for Chinese, $ otherwise). */
export function defaultCurrency(language: UiLanguage): Currency {
  return language === "zh-CN" ? "CNY" : "USD";
}

/** Money in the pane: "¥2,400,000", "$1,250.50", or "2,400,000" without a currency. */
export function formatMoney(
  language: UiLanguage,
  value: number,
  currency: Currency,
  maximumFractionDigits = 0,
): string {
  const number = formatNumber(language, Math.abs(value), maximumFractionDigits);
  return `${value < 0 ? MINUS : ""}${CURRENCY_SYMBOL[currency]}${number}`;
}

/**
 * Excel number format for money the pane writes: grouping, `decimals` decimals, the currency symbol as a quoted
 * literal (a literal reads the same in every Excel locale, unlike a locale-bound currency code).
 */
export function moneyFormat(currency: Currency, decimals = 0): string {
  const number = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  const symbol = CURRENCY_SYMBOL[currency];
  return symbol ? `"${symbol}"${number}` : number;
}
