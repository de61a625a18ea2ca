import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  ProgressBar,
  SpinButton,
  type SpinButtonProps,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useRef, useState, type ReactNode } from "react";
import type { TableInfo } from "../excel/types";
import { useI18n, type Notice, type Task } from "./hooks";
import { parseNumber } from "./engineBridge";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  sectionHeader: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    alignItems: "flex-end",
  },
  grow: { flexGrow: 1, minWidth: "140px" },
  progress: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
  },
  progressBar: { flexGrow: 1 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function Section(props: { title: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  const styles = useStyles();
  return (
    <section className={mergeClasses(styles.section, props.className)} aria-label={props.title}>
      <div className={styles.sectionHeader}>
        <Subtitle2 as="h2">{props.title}</Subtitle2>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}

export function FieldRow(props: { children: ReactNode }) {
  const styles = useStyles();
  return <div className={styles.row}>{props.children}</div>;
}

export function Hint(props: { children: ReactNode }) {
  const styles = useStyles();
  return <span className={styles.hint}>{props.children}</span>;
}

/**
 * A box that scrolls a wide or long table. It is a named Tab stop so that keyboard users can scroll it with
 * the arrow keys in every webview (recent Chromium makes scrollers focusable on its own, but then unnamed).
 */
export function ScrollRegion(props: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={props.className} role="region" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}

/**
 * Fluent's SpinButton names its step buttons "Increment value" / "Decrement value" in English whatever the
 * language; screen readers in the Chinese pane would read English. Same props as SpinButton otherwise.
 */
export function LocalizedSpinButton({
  onNumber,
  ...props
}: SpinButtonProps & {
  /**
   * Called with the new number when it is finite and within min/max. Typed text is read as the SALES functions
   * read numbers ("1,000", "¥3.5万", "15%"), so what a user types means the same in the pane and in a formula.
   */
  onNumber?: (value: number) => void;
}) {
  const { t } = useI18n();
  const { min = -Infinity, max = Infinity } = props;
  return (
    <SpinButton
      onChange={(_, d) => {
        const v = typeof d.value === "number" ? d.value : parseNumber(d.displayValue ?? "");
        if (v !== undefined && Number.isFinite(v) && v >= min && v <= max) onNumber?.(v);
      }}
      {...props}
      incrementButton={{ "aria-label": t("common.increase") }}
      decrementButton={{ "aria-label": t("common.decrease") }}
    />
  );
}

const NONE = "\u0000none";

/** A labelled Dropdown over a list of choices; `allowNone` adds a "(none)" entry that maps to "". */
export function SelectField(props: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
  allowNone?: boolean;
  /** Text of the "(none)" entry, e.g. "All owners" for a filter. */
  noneLabel?: string;
  placeholder?: string;
  hint?: string;
  labels?: (option: string) => string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const show = (o: string) => (props.labels ? props.labels(o) : o);
  const none = props.noneLabel ?? t("common.none");
  const selected = props.value === "" && props.allowNone ? NONE : props.value;
  return (
    <Field label={props.label} hint={props.hint} className={styles.grow}>
      <Dropdown
        value={props.value === "" ? (props.allowNone ? none : "") : show(props.value)}
        selectedOptions={selected ? [selected] : []}
        placeholder={props.placeholder ?? t("common.choose")}
        disabled={props.disabled}
        onOptionSelect={(_, data) => props.onChange(data.optionValue === NONE ? "" : data.optionValue ?? "")}
      >
        {props.allowNone ? <Option value={NONE}>{none}</Option> : null}
        {props.options.map((o) => (
          <Option key={o} value={o} text={show(o)}>
            {show(o)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function TableField(props: {
  label: string;
  tables: readonly TableInfo[];
  value: string;
  onChange: (value: string) => void;
  allowNone?: boolean;
}) {
  return (
    <SelectField
      label={props.label}
      value={props.value}
      options={props.tables.map((t) => t.name)}
      onChange={props.onChange}
      allowNone={props.allowNone}
    />
  );
}

export function NoticeBar(props: { notice: Notice | undefined; onDismiss?: () => void }) {
  const { t } = useI18n();
  if (!props.notice) return null;
  const title =
    props.notice.intent === "error"
      ? t("common.errorTitle")
      : props.notice.intent === "success"
        ? t("common.doneTitle")
        : props.notice.intent === "warning"
          ? t("common.warningTitle")
          : t("common.infoTitle");
  return (
    <MessageBar intent={props.notice.intent} role={props.notice.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {props.notice.text}
      </MessageBarBody>
      {props.onDismiss ? (
        <Button appearance="transparent" size="small" onClick={props.onDismiss}>
          {t("common.dismiss")}
        </Button>
      ) : null}
    </MessageBar>
  );
}

/** Progress bar with Cancel while a task runs; the task's outcome message afterwards. */
export function TaskStatus(props: { task: Task }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { task } = props;
  if (task.running) {
    const value = task.progress && task.progress.total > 0 ? task.progress.done / task.progress.total : undefined;
    return (
      <div className={styles.progress}>
        <Field
          className={styles.progressBar}
          label={t("common.working")}
          validationMessage={
            task.progress ? t("common.progress", { done: task.progress.done, total: task.progress.total }) : undefined
          }
          validationState="none"
        >
          <ProgressBar value={value} />
        </Field>
        <Button onClick={task.cancel}>{t("common.cancel")}</Button>
      </div>
    );
  }
  return <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} />;
}

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  /** A second action (e.g. "Write values instead"); resolves to "alternate". */
  alternateLabel?: string;
}

export type ConfirmAnswer = "confirm" | "alternate" | "cancel";

/**
 * Promise-style confirmation: `const answer = await confirm({...})`. Render `dialog` once in the panel.
 */
export function useConfirm(): { confirm: (request: ConfirmRequest) => Promise<ConfirmAnswer>; dialog: ReactNode } {
  const { t } = useI18n();
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const resolver = useRef<((answer: ConfirmAnswer) => void) | null>(null);

  const confirm = useCallback((next: ConfirmRequest) => {
    return new Promise<ConfirmAnswer>((resolve) => {
      resolver.current = resolve;
      setRequest(next);
    });
  }, []);

  const answer = (value: ConfirmAnswer) => {
    resolver.current?.(value);
    resolver.current = null;
    setRequest(null);
  };

  const dialog = (
    <Dialog open={request !== null} onOpenChange={(_, data) => !data.open && answer("cancel")} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{request?.title}</DialogTitle>
          <DialogContent>{request?.message}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => answer("confirm")}>
              {request?.confirmLabel}
            </Button>
            {request?.alternateLabel ? (
              <Button onClick={() => answer("alternate")}>{request.alternateLabel}</Button>
            ) : null}
            <Button onClick={() => answer("cancel")}>{t("common.cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
  return { confirm, dialog };
}

/** Headers of a table, or [] when it is not (or no longer) in the workbook. */
export function headersOf(tables: readonly TableInfo[], name: string): string[] {
  return tables.find((t) => t.name === name)?.headers ?? [];
}

/** First header matching one of the candidates (normalized: case, spaces, underscores ignored). */
export function detectColumn(headers: readonly string[], candidates: readonly string[]): string {
  const norm = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[\s_\-]/g, "");
  const wanted = candidates.map(norm);
  for (const w of wanted) {
    const hit = headers.find((h) => norm(h) === w);
    if (hit) return hit;
  }
  for (const w of wanted) {
    const hit = headers.find((h) => norm(h).includes(w));
    if (hit) return hit;
  }
  return "";
}

/** Keeps a remembered choice only while it is still valid. */
export function validOr(value: string, options: readonly string[], fallback: string): string {
  return value && options.includes(value) ? value : fallback;
}
