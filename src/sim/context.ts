/**
 * The request machinery of the simulated host: a RequestContext queues actions, `sync()` sends them as
 * one request. As in Office.js, nothing reaches the workbook before `sync()`, actions run in the order
 * they were queued, the first failing action rejects the sync (earlier ones stay applied), and loaded
 * values become readable on the proxies only when the sync succeeds.
 */
import { SimError } from "./errors";
import type { WorkbookModel } from "./model";

export interface RequestStat {
  /** 1-based number of this request in the host's life. */
  index: number;
  actions: number;
  /** UTF-8 bytes of the JSON of the values, formulas, number formats and settings sent. */
  requestBytes: number;
  /** UTF-8 bytes of the JSON of the values loaded back. */
  responseBytes: number;
  cellsWritten: number;
  cellsRead: number;
  /** cellsWritten + cellsRead. */
  cells: number;
  calculationSuspended: boolean;
  /** True when the request was rejected (payload limit or a failing action). */
  failed: boolean;
}

export interface SimStats {
  requests: RequestStat[];
  recalculations: number;
}

export interface SimLimits {
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxCells: number;
}

/** Excel on the web rejects requests and responses above 5 MB, and ranges above 5,000,000 cells. */
export const EXCEL_LIMITS: SimLimits = {
  maxRequestBytes: 5 * 1024 * 1024,
  maxResponseBytes: 5 * 1024 * 1024,
  maxCells: 5_000_000,
};

export interface Action {
  /** Where the action came from, e.g. "Range.values" (reported in debugInfo.errorLocation). */
  label: string;
  requestBytes?: number;
  cellsWritten?: number;
  /** Runs on the "server". May return a commit step that publishes loaded data to the proxy. */
  run(exec: Execution): void | (() => void);
}

/** State of one request while its actions run. */
export interface Execution {
  syncId: number;
  calculationSuspended: boolean;
  responseBytes: number;
  cellsRead: number;
  /** Recalculates before a read when Excel would (automatic mode, not suspended). */
  ensureCalculated(): void;
}

export interface HostCore {
  model: WorkbookModel;
  stats: SimStats;
  limits: SimLimits;
  /** Chart types this host refuses (to exercise a layer's fallback). */
  refusedChartTypes: Set<string>;
  recalculate(): void;
}

export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "");
}

let nextSyncId = 1;

export class RequestContextCore {
  readonly host: HostCore;
  protected queue: Action[] = [];
  /** Proxies memoize what they resolved to for one sync only (Office.js re-evaluates object paths). */
  syncId = 0;

  constructor(host: HostCore) {
    this.host = host;
  }

  enqueue(action: Action): void {
    this.queue.push(action);
  }

  get pendingActions(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const { host } = this;
    const stat: RequestStat = {
      index: host.stats.requests.length + 1,
      actions: actions.length,
      requestBytes: 0,
      responseBytes: 0,
      cellsWritten: 0,
      cellsRead: 0,
      cells: 0,
      calculationSuspended: false,
      failed: false,
    };
    host.stats.requests.push(stat);
    // Office.js answers asynchronously even for an empty batch; keep that so callers cannot rely on sync timing.
    await Promise.resolve();
    // Excel does this work in its own process; in a page the simulation runs on the page's thread. A
    // "sim:request" performance measure lets a browser test tell the host's share of a long task from the pane's.
    const started = typeof performance !== "undefined" ? performance.now() : 0;
    try {
      this.process(actions, stat);
    } finally {
      if (typeof performance !== "undefined" && typeof performance.measure === "function") {
        performance.measure("sim:request", { start: started, end: performance.now() });
      }
    }
  }

  private process(actions: Action[], stat: RequestStat): void {
    const { host } = this;
    for (const a of actions) {
      stat.requestBytes += a.requestBytes ?? 0;
      stat.cellsWritten += a.cellsWritten ?? 0;
    }
    stat.cells = stat.cellsWritten;
    if (stat.requestBytes > host.limits.maxRequestBytes || stat.cellsWritten > host.limits.maxCells) {
      stat.failed = true;
      throw new SimError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${stat.requestBytes} bytes, ${stat.cellsWritten} cells).`,
      );
    }
    this.syncId = nextSyncId++;
    const exec: Execution = {
      syncId: this.syncId,
      calculationSuspended: false,
      responseBytes: 0,
      cellsRead: 0,
      ensureCalculated: () => {
        if (host.model.dirty && host.model.calculationMode !== "Manual" && !exec.calculationSuspended)
          host.recalculate();
      },
    };
    const commits: Array<() => void> = [];
    let failure: unknown;
    for (const action of actions) {
      try {
        const commit = action.run(exec);
        if (commit) commits.push(commit);
      } catch (e) {
        failure = e instanceof SimError ? e.at(action.label) : e;
        break;
      }
    }
    stat.calculationSuspended = exec.calculationSuspended;
    stat.responseBytes = exec.responseBytes;
    stat.cellsRead = exec.cellsRead;
    stat.cells = stat.cellsWritten + stat.cellsRead;
    if (!failure && !exec.calculationSuspended) {
      try {
        exec.ensureCalculated();
      } catch (e) {
        failure = e;
      }
    }
    // Observers (the preview grid) also show request counts, so every request is announced.
    host.model.notify();
    if (!failure && (exec.responseBytes > host.limits.maxResponseBytes || exec.cellsRead > host.limits.maxCells)) {
      failure = new SimError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${exec.responseBytes} bytes, ${exec.cellsRead} cells).`,
      );
    }
    if (failure) {
      stat.failed = true;
      throw failure;
    }
    for (const commit of commits) commit();
  }
}
