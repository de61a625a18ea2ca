import { screen, waitFor, within } from "@testing-library/react";

/**
 * The open confirmation dialog, once its buttons can be reached. Fluent's dialog can be in the DOM a moment before
 * its focus trap makes it accessible (aria-hidden while it settles); on a loaded machine a test that queried its
 * buttons right after finding it saw none.
 */
export async function openDialog(): Promise<HTMLElement> {
  return waitFor(() => {
    const dialog = screen.getByRole("alertdialog");
    within(dialog).getAllByRole("button");
    return dialog;
  });
}
