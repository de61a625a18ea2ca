/**
 * Content-keyed cache for per-call setup (issue 7).
 *
 * Inside a table Excel calls a function once per row, each time with fresh argument arrays, so the rules table,
 * the header row or the commission tiers arrive as new objects on every call although their content is the same.
 * Work that depends only on that content (compiling rules, resolving fields, parsing tiers) is kept here, keyed by
 * the cells themselves:
 *  - fast path: the cells are compared one by one (`===`) with those of the last hit — no allocation;
 *  - otherwise a text key of the cells (type and value of each, errors by code and message) is looked up among a
 *    few recent entries (least recently used first out).
 * A changed cell gives a different key, so an edit to a rule takes effect on the next call. A build that throws is
 * remembered too (the same error is thrown again), so a broken rules table does not recompile on every row either.
 */
import { cellError } from "./errors";

type Parts = ReadonlyArray<ReadonlyArray<ReadonlyArray<unknown>>>;

interface Entry<T> {
  key: string;
  /** Copies of the cells the entry was built from (for the fast path). */
  cells: unknown[][][];
  value?: T;
  error?: unknown;
  built: boolean;
}

/** The key of one cell: its type and value (strings quoted, errors by code and message). */
function cellKey(v: unknown): string {
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "number":
      return Object.is(v, -0) ? "n-0" : `n${v}`;
    case "boolean":
      return v ? "T" : "F";
    case "undefined":
      return "u";
    default: {
      if (v === null) return "_";
      const err = cellError(v);
      if (err !== undefined) return `e${JSON.stringify([err.code, err.message])}`;
      return `o${JSON.stringify(v) ?? String(v)}`;
    }
  }
}

/** The text key of several matrices of cells (shape included). */
export function contentKey(parts: Parts): string {
  const out: string[] = [];
  for (const m of parts) {
    out.push("[");
    for (const row of m) {
      out.push("(");
      for (let c = 0; c < row.length; c++) out.push(cellKey(row[c]));
      out.push(")");
    }
    out.push("]");
  }
  return out.join(",");
}

function sameCells(a: unknown[][][], b: Parts): boolean {
  if (a.length !== b.length) return false;
  for (let p = 0; p < a.length; p++) {
    const x = a[p];
    const y = b[p];
    if (x.length !== y.length) return false;
    for (let r = 0; r < x.length; r++) {
      const xr = x[r];
      const yr = y[r];
      if (xr.length !== yr.length) return false;
      for (let c = 0; c < xr.length; c++) {
        const u = xr[c];
        const v = yr[c];
        // Objects (error values) arrive fresh on every call: never equal here, the text key decides.
        if (u !== v || (typeof u === "object" && u !== null)) return false;
      }
    }
  }
  return true;
}

export class SetupCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private last: Entry<T> | undefined;
  /** Builds and hits, for tests. */
  builds = 0;
  hits = 0;

  constructor(private readonly max = 8) {}

  /** The value built from `parts` (built now if these cells were not seen recently). Rethrows a build's error. */
  get(parts: Parts, build: () => T): T {
    let entry = this.last !== undefined && sameCells(this.last.cells, parts) ? this.last : undefined;
    if (entry === undefined) {
      const key = contentKey(parts);
      entry = this.entries.get(key);
      if (entry === undefined) {
        entry = { key, cells: parts.map((m) => m.map((row) => row.slice())), built: false };
        this.builds++;
        try {
          entry.value = build();
        } catch (e) {
          entry.error = e;
        }
        entry.built = true;
        if (this.entries.size >= this.max) {
          const oldest = this.entries.keys().next().value as string;
          this.entries.delete(oldest);
        }
      } else {
        this.entries.delete(key);
        this.hits++;
      }
      this.entries.set(key, entry); // most recent last
    } else {
      this.hits++;
    }
    this.last = entry;
    if (entry.error !== undefined) throw entry.error;
    return entry.value as T;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.last = undefined;
  }
}
