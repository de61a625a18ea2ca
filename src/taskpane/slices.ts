import { useEffect, useRef, useState } from "react";
/**
 * Work over many rows without freezing the pane: the rows are processed in slices, and between slices the
 * browser gets the thread back (to paint progress, take clicks, keep typing smooth). A slice is sized in rows
 * so that one slice stays well under the 50 ms a long task starts at, even on a slow machine.
 */

/** Yields to the browser: a macrotask (MessageChannel does not suffer setTimeout's 4 ms clamping). */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === "undefined") {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

export class SliceCancelled extends Error {
  constructor() {
    super("Superseded");
    this.name = "SliceCancelled";
  }
}

export interface SliceOptions {
  signal?: AbortSignal;
  /** Rows per slice (default 4,000). */
  size?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Calls `work(start, end)` for consecutive slices of `[0, total)`, yielding between slices; stops with
 * SliceCancelled once `signal` fires (a newer edit superseded this computation).
 */
export async function inSlices(
  total: number,
  work: (start: number, end: number) => void,
  options: SliceOptions = {},
): Promise<void> {
  const size = Math.max(1, options.size ?? 4000);
  // Progress is reported about every 10% (a report re-renders the panel showing it).
  const every = Math.max(size, Math.ceil(total / 10));
  let reported = 0;
  for (let start = 0; start < total; start += size) {
    if (options.signal?.aborted) throw new SliceCancelled();
    const end = Math.min(total, start + size);
    work(start, end);
    if (end - reported >= every || end === total) {
      reported = end;
      options.onProgress?.(end, total);
    }
    if (end < total) await yieldToBrowser();
  }
  if (options.signal?.aborted) throw new SliceCancelled();
}

export type SlicedState<T> =
  | { status: "idle" }
  | { status: "computing"; done: number; total: number }
  | { status: "done"; value: T }
  | { status: "error"; error: string };

/**
 * Runs `compute` (which works in slices) whenever `key` changes, cancelling the run under way; undefined `key`
 * means nothing to compute. The state says how far it got, its result, or the error it threw.
 */
export function useSliced<T>(
  key: string | undefined,
  compute: (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<T>,
): SlicedState<T> {
  const [state, setState] = useState<SlicedState<T>>({ status: "idle" });
  const latest = useRef(compute);
  latest.current = compute;
  useEffect(() => {
    if (key === undefined) {
      setState({ status: "idle" });
      return;
    }
    const abort = new AbortController();
    setState({ status: "computing", done: 0, total: 0 });
    latest
      .current(abort.signal, (done, total) => !abort.signal.aborted && setState({ status: "computing", done, total }))
      .then((value) => !abort.signal.aborted && setState({ status: "done", value }))
      .catch((error: unknown) => {
        if (error instanceof SliceCancelled || abort.signal.aborted) return;
        const code =
          typeof error === "object" && error !== null && "code" in error
            ? `${String((error as { code: unknown }).code)} `
            : "";
        setState({ status: "error", error: `${code}${error instanceof Error ? error.message : String(error)}`.trim() });
      });
    return () => abort.abort();
  }, [key]);
  return state;
}
