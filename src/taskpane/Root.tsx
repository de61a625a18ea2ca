import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useMemo } from "react";
import type { WorkbookOps } from "../excel/types";
import { createTranslator, pickUiLanguage } from "../i18n";
import { App } from "./App";
import { I18nContext } from "./hooks";

export interface TaskpaneRootProps {
  ops: WorkbookOps;
  /** Office.context.displayLanguage (or any BCP-47 tag): zh-* → Chinese, else English. */
  displayLanguage?: string;
  dark?: boolean;
}

/** One FluentProvider → App: the whole task pane, over any WorkbookOps. */
export function TaskpaneRoot(props: TaskpaneRootProps) {
  const language = pickUiLanguage(props.displayLanguage);
  const i18n = useMemo(() => ({ language, t: createTranslator(language) }), [language]);
  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme} lang={language} style={{ minHeight: "100vh" }}>
      <I18nContext.Provider value={i18n}>
        <App ops={props.ops} />
      </I18nContext.Provider>
    </FluentProvider>
  );
}

/**
 * Office themes expose the pane's background colour; a dark background means a dark Office theme.
 * Relative luminance below one half counts as dark.
 */
export function isDarkColor(color: string | undefined): boolean {
  if (!color) return false;
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return luminance < 0.5;
}
