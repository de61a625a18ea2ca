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

/** Number formatting in the UI language (thousands separators, fixed decimals). */
export function formatNumber(language: UiLanguage, value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits }).format(value);
}

export function formatPercent(language: UiLanguage, value: number): string {
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 }).format(value);
}
