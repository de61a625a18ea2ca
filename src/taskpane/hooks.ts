import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import { CancelledError, type ProgressInfo, type TableColumns, type WorkbookOps } from "../excel/types";
import { createTranslator, defaultCurrency, type Currency, type Translate, type UiLanguage } from "../i18n";

export interface I18nValue {
  language: UiLanguage;
  t: Translate;
}

export const I18nContext = createContext<I18nValue>({ language: "en-US", t: createTranslator("en-US") });

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

/** The workbook's currency (a pane setting saved in the workbook); money in the pane and in the sheets it writes. */
export interface CurrencyValue {
  currency: Currency;
  setCurrency: (currency: Currency) => void;
}

export const CurrencyContext = createContext<CurrencyValue | undefined>(undefined);

/** The workbook's currency, or the display language's until the workbook has one. */
export function useCurrency(): CurrencyValue {
  const { language } = useI18n();
  const value = useContext(CurrencyContext);
  return value ?? { currency: defaultCurrency(language), setCurrency: () => undefined };
}

/** A message about the last action, shown in a MessageBar. */
export interface Notice {
  intent: "success" | "error" | "warning" | "info";
  text: string;
}

/** Excel (and our layer) errors carry their reason in `message`; show it instead of swallowing it. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Panel settings stored in the workbook (`workbook.settings`), so reopening the file restores them.
 * Loads once; saves each change, coalesced over a short delay so typing does not send one request a key.
 */
export function useWorkbookSettings<T extends object>(
  ops: WorkbookOps,
  key: string,
  defaults: T,
): [T, (patch: Partial<T>) => void, boolean] {
  const [value, setValue] = useState<T>(defaults);
  const [loaded, setLoaded] = useState(false);
  const pending = useRef<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const defaultsRef = useRef(defaults);

  useEffect(() => {
    let alive = true;
    ops
      .getSetting<Partial<T>>(key)
      .then((stored) => {
        if (alive && stored && typeof stored === "object") setValue({ ...defaultsRef.current, ...stored });
      })
      .catch(() => undefined)
      .finally(() => alive && setLoaded(true));
    return () => {
      alive = false;
    };
  }, [ops, key]);

  const flush = useCallback(() => {
    if (pending.current) {
      const toSave = pending.current;
      pending.current = null;
      ops.setSetting(key, toSave).catch(() => undefined);
    }
  }, [ops, key]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      flush();
    },
    [flush],
  );

  const update = useCallback(
    (patch: Partial<T>) => {
      setValue((previous) => {
        const next = { ...previous, ...patch };
        pending.current = next;
        return next;
      });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, 400);
    },
    [flush],
  );
  return [value, update, loaded];
}

/** Reads a table (selected columns) and re-reads when the name, the columns or `version` change. */
export function useTableData(
  ops: WorkbookOps,
  table: string | undefined,
  columns: string[] | undefined,
  version = 0,
): { data: TableColumns | undefined; loading: boolean; error: string | undefined } {
  const [state, setState] = useState<{ data: TableColumns | undefined; loading: boolean; error: string | undefined }>({
    data: undefined,
    loading: false,
    error: undefined,
  });
  const columnsKey = columns ? JSON.stringify(columns) : "";
  useEffect(() => {
    if (!table) {
      setState({ data: undefined, loading: false, error: undefined });
      return;
    }
    let alive = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    ops
      .readTable(table, columnsKey ? { columns: JSON.parse(columnsKey) as string[] } : undefined)
      .then((data) => alive && setState({ data, loading: false, error: undefined }))
      .catch((error: unknown) => alive && setState({ data: undefined, loading: false, error: errorText(error) }));
    return () => {
      alive = false;
    };
  }, [ops, table, columnsKey, version]);
  return state;
}

export interface TaskState {
  running: boolean;
  progress: ProgressInfo | undefined;
  notice: Notice | undefined;
  /** Which action (button) the progress and the notice belong to, so they show next to it. */
  origin: string | undefined;
}

/** What an action reports when it ends: a success text, a notice of its own intent, or nothing (declined). */
export type Outcome = string | Notice | undefined;

export interface Task extends TaskState {
  /**
   * Runs `work` with a fresh AbortSignal; returns its result, or undefined after cancel/failure. `outcome`
   * turns the result into the message shown next to the action named `origin` (a string is a success).
   */
  run<R>(
    work: (signal: AbortSignal, onProgress: (p: ProgressInfo) => void) => Promise<R>,
    outcome?: (result: R) => Outcome,
    origin?: string,
  ): Promise<R | undefined>;
  cancel(): void;
  setNotice(notice: Notice | undefined, origin?: string): void;
}

function toNotice(outcome: Outcome): Notice | undefined {
  if (outcome === undefined) return undefined;
  return typeof outcome === "string" ? { intent: "success", text: outcome } : outcome;
}

/** One long-running action at a time per panel, with progress, Cancel and an outcome message. */
export function useTask(): Task {
  const { t } = useI18n();
  const [state, setState] = useState<TaskState>({
    running: false,
    progress: undefined,
    notice: undefined,
    origin: undefined,
  });
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    async <R>(
      work: (signal: AbortSignal, onProgress: (p: ProgressInfo) => void) => Promise<R>,
      outcome?: (result: R) => Outcome,
      origin?: string,
    ): Promise<R | undefined> => {
      const abort = new AbortController();
      controller.current = abort;
      setState({ running: true, progress: undefined, notice: undefined, origin });
      try {
        const result = await work(abort.signal, (progress) => setState((s) => ({ ...s, progress })));
        setState({
          running: false,
          progress: undefined,
          notice: outcome ? toNotice(outcome(result)) : undefined,
          origin,
        });
        return result;
      } catch (error) {
        const cancelled = error instanceof CancelledError || abort.signal.aborted;
        setState({
          running: false,
          progress: undefined,
          origin,
          notice: cancelled
            ? { intent: "warning", text: t("common.cancelled") }
            : { intent: "error", text: t("common.failed", { reason: errorText(error) }) },
        });
        return undefined;
      } finally {
        controller.current = null;
      }
    },
    [t],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const setNotice = useCallback(
    (notice: Notice | undefined, origin?: string) => setState((s) => ({ ...s, notice, origin: origin ?? s.origin })),
    [],
  );
  return { ...state, run, cancel, setNotice };
}
