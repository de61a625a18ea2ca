/** The task pane as the jsdom tests render it: Fluent's light theme, the UI language, the App on one panel. */
import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createTranslator, type UiLanguage } from "../../src/i18n";
import type { WorkbookOps } from "../../src/excel/types";
import { App } from "../../src/taskpane/App";
import { I18nContext } from "../../src/taskpane/hooks";
import type { PanelId } from "../../src/taskpane/panelProps";

/** The element (for `rerender`). */
export function appView(ops: WorkbookOps, panel: PanelId, language: UiLanguage = "en-US"): ReactElement {
  return (
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={{ language, t: createTranslator(language) }}>
        <App ops={ops} initialPanel={panel} />
      </I18nContext.Provider>
    </FluentProvider>
  );
}

export function renderApp(ops: WorkbookOps, panel: PanelId, language: UiLanguage = "en-US"): ReturnType<typeof render> {
  return render(appView(ops, panel, language));
}
