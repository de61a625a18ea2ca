import { screen } from "@testing-library/react";

/**
 * The open confirmation dialog. Under load, jsdom runs Fluent's focus management (tabster's modalizer) late, and
 * the dialog can carry aria-hidden for a moment after it appears — or again while the panel behind it re-renders —
 * so tests that only mean to press its buttons find it, and its buttons, with `hidden: true`. (That the dialog is
 * reachable by role is checked in Chromium, where test/e2e/followups.e2e.test.ts presses its buttons by role and name.)
 */
export async function openDialog(): Promise<HTMLElement> {
  return screen.findByRole("alertdialog", { hidden: true });
}
