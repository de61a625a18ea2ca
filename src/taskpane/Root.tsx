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

export { isDarkColor } from "./theme";
