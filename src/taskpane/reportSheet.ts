import type { WorkbookOps } from "../excel/types";

/**
 * Builds a report on a sheet. Re-running replaces the report made last time instead of adding another
 * sheet: after the user agrees, the new report is built on a fresh sheet, and only once it is complete
 * is the old sheet deleted and the new one renamed to the old name, so a failure leaves the old report
 * as it was (and removes the half-built sheet).
 */
export async function buildReportSheet<T>(
  ops: WorkbookOps,
  previous: string,
  wished: string,
  confirmReplace: (sheet: string) => Promise<boolean>,
  build: (sheet: string) => Promise<T>,
): Promise<{ sheet: string; result: T } | undefined> {
  const replacing = previous !== "" && (await ops.listSheets()).includes(previous);
  if (replacing && !(await confirmReplace(previous))) return undefined;
  const sheet = await ops.addSheet(replacing ? previous : wished);
  let result: T;
  try {
    result = await build(sheet);
  } catch (error) {
    await ops.deleteSheet(sheet).catch(() => undefined);
    throw error;
  }
  if (replacing) {
    await ops.deleteSheet(previous);
    await ops.renameSheet(sheet, previous);
  }
  await ops.activateSheet(replacing ? previous : sheet);
  return { sheet: replacing ? previous : sheet, result };
}
