/**
 * Shared helpers for the custom-function tests. The functions are called exactly as Excel calls them:
 * ranges as any[][], omitted optional arguments as null, errors expected as thrown CustomFunctions.Error.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

export type ErrorCode = "#VALUE!" | "#NUM!" | "#DIV/0!" | "#N/A";

interface CfError {
  code: string;
  message: string;
}

/** The class installed as the global CustomFunctions.Error by the jest setup file. */
export function cfErrorClass(): new (code: string, message?: string) => CfError {
  return (globalThis as any).CustomFunctions.Error;
}

/** An error value as Excel passes it inside an input range. */
export function xlErr(code: ErrorCode | "#REF!" | "#NAME?", message?: string): CfError {
  const Ctor = cfErrorClass();
  return new Ctor(code, message);
}

export function isCfError(value: unknown): value is CfError {
  return value instanceof cfErrorClass();
}

/** Runs fn and returns what it threw; fails the test when it returns normally. */
export function thrownBy(fn: () => unknown): CfError {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    if (!isCfError(e)) {
      throw new Error(`expected a CustomFunctions.Error, got ${String(e)} (${(e as Error)?.stack ?? ""})`);
    }
    return e;
  }
  throw new Error(`expected a thrown error, got ${JSON.stringify(result)}`);
}

/**
 * Asserts that fn throws a CustomFunctions.Error with the given code and, when culprits are given, a message
 * that mentions each of them (case-insensitive) — the spec requires #VALUE! messages to name the culprit.
 */
export function expectThrows(fn: () => unknown, code: ErrorCode, ...culprits: string[]): CfError {
  const err = thrownBy(fn);
  expect(err.code).toBe(code);
  for (const c of culprits) expect(err.message.toLowerCase()).toContain(c.toLowerCase());
  return err;
}

/** Asserts that a result cell is an error value with the given code. */
export function expectErrorCell(cell: unknown, code: ErrorCode): void {
  expect(isCfError(cell)).toBe(true);
  expect((cell as CfError).code).toBe(code);
}

/** A column range (n×1). */
export function col(...values: unknown[]): any[][] {
  return values.map((v) => [v]);
}

/** A row range (1×n). */
export function row(...values: unknown[]): any[][] {
  return [values];
}

/** A single cell passed to a matrix parameter. */
export function cell(value: unknown): any[][] {
  return [[value]];
}

/** Flattens a matrix row by row. */
export function flat(m: unknown[][]): unknown[] {
  return m.reduce<unknown[]>((acc, r) => acc.concat(r), []);
}

/** Spilled results must be rectangular and contain neither null nor undefined (Excel shows null as 0). */
export function expectCleanMatrix(m: unknown): void {
  expect(Array.isArray(m)).toBe(true);
  const rows = m as unknown[][];
  expect(rows.length).toBeGreaterThan(0);
  const width = rows[0].length;
  for (const r of rows) {
    expect(Array.isArray(r)).toBe(true);
    expect(r.length).toBe(width);
    for (const v of r) {
      expect(v).not.toBeNull();
      expect(v).not.toBeUndefined();
      if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    }
  }
}

/** Runs fn with Office's display language set, then removes the Office global again. */
export function withDisplayLanguage<T>(lang: string, fn: () => T): T {
  const g = globalThis as any;
  const had = Object.prototype.hasOwnProperty.call(g, "Office");
  const previous = g.Office;
  g.Office = { context: { displayLanguage: lang } };
  try {
    return fn();
  } finally {
    if (had) g.Office = previous;
    else delete g.Office;
  }
}

/** Excel serial of a calendar date (1900 system, valid after 1900-03-01). */
export function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** Money comparison: equal within 1e-9 relative (absolute for values near 0). */
export function expectMoney(actual: unknown, expected: number): void {
  expect(typeof actual).toBe("number");
  const tol = 1e-9 * Math.max(1, Math.abs(expected));
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol);
}

/** Compares a spilled table cell by cell: numbers within 1e-12 (relative), everything else exactly. */
export function expectTable(actual: unknown[][], expected: unknown[][]): void {
  expectCleanMatrix(actual);
  const show = JSON.stringify(actual);
  expect(actual.length).toBe(expected.length);
  expected.forEach((er, i) => {
    expect(actual[i].length).toBe(er.length);
    er.forEach((ev, j) => {
      const av = actual[i][j];
      if (typeof ev === "number") {
        if (typeof av !== "number" || Math.abs(av - ev) > 1e-12 * Math.max(1, Math.abs(ev))) {
          throw new Error(`cell [${i}][${j}]: expected ${ev}, got ${JSON.stringify(av)} in ${show}`);
        }
      } else if (av !== ev) {
        throw new Error(`cell [${i}][${j}]: expected ${JSON.stringify(ev)}, got ${JSON.stringify(av)} in ${show}`);
      }
    });
  });
}

/** The machine's local date today as an Excel serial (what an omitted as_of means). */
export function todaySerial(): number {
  const now = new Date();
  return serial(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
