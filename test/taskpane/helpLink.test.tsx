/**
 * The Help link in the pane header opens the help site served beside taskpane.html, in the pane's language, in a
 * new window (never replacing the pane), and says so to screen readers.
 */
import { render, screen, waitFor } from "@testing-library/react";
import { TaskpaneRoot } from "../../src/taskpane/Root";
import { fakeWorkbook } from "./fakeOps";

describe("the Help link in the task pane header", () => {
  test.each([
    ["en-US", "Help (opens in a new window)", "Help", "help/en-US/index.html"],
    ["zh-CN", "帮助（在新窗口中打开）", "帮助", "help/zh-CN/index.html"],
  ])("%s: opens %s", async (displayLanguage, name, text, href) => {
    const wb = fakeWorkbook();
    render(<TaskpaneRoot ops={wb.ops} displayLanguage={displayLanguage} />);
    const link = screen.getByRole("link", { name });
    expect(link).toHaveTextContent(text);
    expect(link).toHaveAttribute("href", href);
    expect(link).toHaveAttribute("target", "_blank");
    expect(link.getAttribute("rel")).toMatch(/noopener/);
    // It sits at the end of the one-row tab bar: after the title and after every panel tab.
    const heading = screen.getByRole("heading", { level: 1 });
    expect(heading.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const tabs = screen.getAllByRole("tab");
    expect(tabs[tabs.length - 1].compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole("tab")).toHaveLength(8));
  });
});
