import { createRoot } from "react-dom/client";
import { createExcelWorkbookOps } from "../excel";
import { TaskpaneRoot, isDarkColor } from "./Root";

function mount(displayLanguage: string | undefined, dark: boolean): void {
  const host = document.getElementById("root");
  if (!host) return;
  createRoot(host).render(
    <TaskpaneRoot ops={createExcelWorkbookOps()} displayLanguage={displayLanguage} dark={dark} />,
  );
}

Office.onReady(() => {
  const context = Office.context;
  // officeTheme is undefined on hosts without theme support (Excel on the web in some builds).
  const theme = context?.officeTheme as Office.OfficeTheme | undefined;
  mount(context?.displayLanguage, isDarkColor(theme?.bodyBackgroundColor));
});
