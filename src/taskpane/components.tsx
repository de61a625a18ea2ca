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
  MessageBarActions,
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
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { TableInfo } from "../excel/types";
import { formatCount, type Translate } from "../i18n";
import { useCurrency, useI18n, type Notice, type Task } from "./hooks";
import { readNumber, showNumber, typedUnit, type DisplayUnit, type NumberKind, type NumberProblem } from "./numberText";

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
  grow: { flexGrow: 1, minWidth: "140px", maxWidth: "100%" },
  // Fluent's Dropdown is at least 250 px wide: wider than a 320 px pane's fields. Long values end in "…" (full text in the title).
  dropdown: { minWidth: 0, width: "100%" },
  dropdownButton: { minWidth: 0 },
  ellipsis: { minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  numberField: { flexGrow: 1, minWidth: "120px", maxWidth: "220px" },
  progress: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
  },
  progressBar: { flexGrow: 1, minWidth: 0 },
  status: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  // Fluent pads the content out by a stroke on each side (room for a focus ring when it scrolls); a confirmation's
  // few lines never scroll, and the extra 2 px would stick out of a 320 px pane's dialog.
  dialogContent: { margin: 0, padding: 0 },
  dialogList: {
    margin: 0,
    marginTop: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalXL,
    overflowWrap: "anywhere",
  },
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

/** A dropdown's shown value, shortened with "…" when the box is narrow (the full text is in the button's title). */
export function DropdownValue(props: { text: string }) {
  const styles = useStyles();
  return <span className={styles.ellipsis}>{props.text}</span>;
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

export interface NumberInputProps extends Omit<
  SpinButtonProps,
  "value" | "defaultValue" | "onChange" | "displayValue" | "min" | "max" | "precision"
> {
  /** The number shown; null shows an empty box. */
  value: number | null;
  /** Called with each accepted number. */
  onNumber?: (value: number) => void;
  /** Called when the box is emptied and `allowBlank` accepts that. */
  onBlank?: () => void;
  kind?: NumberKind;
  min?: number;
  max?: number;
  allowBlank?: boolean;
  /** Text to show instead of `value`: refused text the parent keeps (e.g. "abc" read from a rules table). */
  text?: string;
  /** Told why typed text is refused (undefined once typed text is accepted), with the text. */
  onProblem?: (message: string | undefined, text: string) => void;
}

/** The message for a refused number, in the display language. */
export function numberProblemText(t: Translate, problem: NumberProblem): string {
  switch (problem.key) {
    case "number.notNumber":
      return t("number.notNumber", { text: problem.text });
    case "number.tooSmall":
      return t("number.tooSmall", { limit: problem.limit });
    case "number.tooLarge":
      return t("number.tooLarge", { limit: problem.limit });
    default:
      return t(problem.key);
  }
}

/**
 * The pane's one number box (Fluent's SpinButton underneath). It reads typed text as the SALES functions read
 * numbers ("1,200", "¥3.5万", "50k", "15%" where a rate is asked), shows its value formatted for the display
 * language (grouping, the workbook's currency for money, 万 where the user typed 万), keeps refused text in
 * view and says why it was refused (`onProblem`; `NumberField` shows it as the Field's validation message),
 * and never rounds or clamps what was typed. Its step buttons are named in the display language (Fluent's
 * defaults are English).
 */
export function LocalizedSpinButton({
  value,
  onNumber,
  onBlank,
  kind = "number",
  min,
  max,
  allowBlank,
  text,
  onProblem,
  ...props
}: NumberInputProps) {
  const { t, language } = useI18n();
  const { currency } = useCurrency();
  const [draft, setDraft] = useState<string | undefined>();
  const [unit, setUnit] = useState<DisplayUnit>("");
  const typed = useRef<string | undefined>(undefined);
  const shownValue = useRef(value);
  if (shownValue.current !== value) {
    // A new value from outside (settings loaded, another control): what was refused before no longer applies.
    shownValue.current = value;
    if (draft !== undefined) setDraft(undefined);
  }
  const evaluate = () => {
    const entered = typed.current;
    typed.current = undefined;
    if (entered === undefined) return;
    const reading = readNumber(entered, { kind, min, max, allowBlank }, language);
    if (reading.problem) {
      setDraft(entered);
      onProblem?.(numberProblemText(t, reading.problem), entered);
      return;
    }
    setDraft(undefined);
    setUnit(kind === "money" || kind === "number" ? typedUnit(entered) : "");
    onProblem?.(undefined, entered);
    if (reading.value === value && text === undefined) return;
    if (reading.value === null) onBlank?.();
    else onNumber?.(reading.value);
  };
  const display = text ?? draft ?? showNumber(value, kind, language, currency, unit);
  return (
    <SpinButton
      {...props}
      value={value}
      displayValue={display}
      min={min}
      max={max}
      // Fluent rounds to the step's decimals (3.7 → 4 with step 1); ten decimals keep what was typed.
      precision={10}
      onChange={(_, d) => {
        // Typed text is read on blur / Enter below; here only the step buttons and arrow keys arrive.
        if (typeof d.value === "number" && typed.current === undefined) {
          setDraft(undefined);
          onProblem?.(undefined, String(d.value));
          onNumber?.(d.value);
        }
      }}
      input={{
        onInput: (e: React.FormEvent<HTMLInputElement>) => {
          typed.current = (e.target as HTMLInputElement).value;
        },
        onBlur: evaluate,
        onKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) => {
          if (e.key === "Enter") evaluate();
          else if (e.key === "Escape") typed.current = undefined;
          else if (e.key === "ArrowUp" || e.key === "ArrowDown" || e.key === "PageUp" || e.key === "PageDown")
            typed.current = undefined;
        },
      }}
      aria-invalid={props["aria-invalid"] ?? (draft !== undefined || text !== undefined ? true : undefined)}
      incrementButton={{ "aria-label": t("common.increase") }}
      decrementButton={{ "aria-label": t("common.decrease") }}
    />
  );
}

/** A labelled number box: the Field shows why typed text was refused, or `error` from outside. */
export function NumberField({
  label,
  hint,
  error,
  className,
  onProblem,
  ...input
}: NumberInputProps & { label: string; hint?: string; error?: string }) {
  const styles = useStyles();
  const [problem, setProblem] = useState<string | undefined>();
  const message = problem ?? error;
  return (
    <Field
      label={label}
      hint={hint}
      className={mergeClasses(styles.numberField, className)}
      validationState={message ? "error" : "none"}
      validationMessage={message}
    >
      <LocalizedSpinButton
        {...input}
        onProblem={(m, text) => {
          setProblem(m);
          onProblem?.(m, text);
        }}
      />
    </Field>
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
  /** Replaces the field's own sizing (a flexible item of at least 140 px), e.g. inside a grid. */
  className?: string;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const show = (o: string) => (props.labels ? props.labels(o) : o);
  const none = props.noneLabel ?? t("common.none");
  const selected = props.value === "" && props.allowNone ? NONE : props.value;
  return (
    <Field label={props.label} hint={props.hint} className={props.className ?? styles.grow}>
      <Dropdown
        value={props.value === "" ? (props.allowNone ? none : "") : show(props.value)}
        selectedOptions={selected ? [selected] : []}
        placeholder={props.placeholder ?? t("common.choose")}
        disabled={props.disabled}
        // Fluent names its (hidden until clearable) clear button "Clear selection" in English whatever the language.
        clearButton={{ "aria-label": t("common.clearSelection") }}
        button={{
          className: styles.dropdownButton,
          title: props.value === "" ? undefined : show(props.value),
          children: (
            <span className={styles.ellipsis}>
              {props.value === ""
                ? props.allowNone
                  ? none
                  : (props.placeholder ?? t("common.choose"))
                : show(props.value)}
            </span>
          ),
        }}
        className={styles.dropdown}
        onOptionSelect={(_, data) => props.onChange(data.optionValue === NONE ? "" : (data.optionValue ?? ""))}
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

export function NoticeBar(props: {
  notice: Notice | undefined;
  onDismiss?: () => void;
  className?: string;
  live?: boolean;
}) {
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
  // Inside an ActionStatus the live region is the wrapper; a bar of its own is announced by its role.
  const role = props.live === false ? undefined : props.notice.intent === "error" ? "alert" : "status";
  return (
    <MessageBar intent={props.notice.intent} role={role} className={props.className} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {props.notice.text}
      </MessageBarBody>
      {props.onDismiss ? (
        <MessageBarActions>
          <Button appearance="transparent" size="small" onClick={props.onDismiss}>
            {t("common.dismiss")}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

/**
 * Progress (with Cancel) and then the outcome of the action named `origin`, shown right below that action's
 * button and announced: the wrappers are live regions that are always in the page (a region added together
 * with its text is not reliably read), polite for progress and results, assertive for errors.
 */
export function TaskStatus(props: { task: Task; origin?: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { task } = props;
  const mine = props.origin === undefined || task.origin === props.origin;
  const notice = mine ? task.notice : undefined;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A result the user cannot see did not happen for them: bring it into view (Office panes are short).
    if (notice || (mine && task.running)) box.current?.scrollIntoView?.({ block: "nearest" });
  }, [notice, mine, task.running]);
  const value = task.progress && task.progress.total > 0 ? task.progress.done / task.progress.total : undefined;
  return (
    <div ref={box} className={styles.status} data-origin={props.origin}>
      <div role="status" aria-live="polite" aria-atomic="true">
        {mine && task.running ? (
          <div className={styles.progress}>
            <Field
              className={styles.progressBar}
              label={t("common.working")}
              validationMessage={
                task.progress
                  ? t("common.progress", { done: task.progress.done, total: task.progress.total })
                  : undefined
              }
              validationState="none"
            >
              <ProgressBar value={value} />
            </Field>
            <Button onClick={task.cancel}>{t("common.cancel")}</Button>
          </div>
        ) : null}
        {notice && notice.intent !== "error" ? (
          <NoticeBar live={false} notice={notice} onDismiss={() => task.setNotice(undefined)} />
        ) : null}
      </div>
      <div role="alert" aria-atomic="true">
        {notice && notice.intent === "error" ? (
          <NoticeBar live={false} notice={notice} onDismiss={() => task.setNotice(undefined)} />
        ) : null}
      </div>
    </div>
  );
}

/** A determinate progress bar for work the pane does itself (previews over many rows). */
export function ProgressLine(props: { label: string; done: number; total: number }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  return (
    <Field
      className={styles.progressBar}
      label={props.label}
      validationState="none"
      validationMessage={t("common.progress", {
        done: formatCount(language, props.done),
        total: formatCount(language, props.total),
      })}
    >
      <ProgressBar value={props.total > 0 ? props.done / props.total : undefined} />
    </Field>
  );
}

/** "#NUM! (200), #VALUE! (3)": the error codes written cells show, most frequent first. */
export function errorSummary(codes: Record<string, number>): string {
  return Object.entries(codes)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} (${n})`)
    .join(", ");
}

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  /** A second action (e.g. "Write values instead"); resolves to "alternate". */
  alternateLabel?: string;
  /** Lines listed under the message (e.g. each cell that changes: "Column: old → new"). */
  details?: readonly string[];
}

export type ConfirmAnswer = "confirm" | "alternate" | "cancel";

/**
 * Promise-style confirmation: `const answer = await confirm({...})`. Render `dialog` once in the panel.
 */
export function useConfirm(): { confirm: (request: ConfirmRequest) => Promise<ConfirmAnswer>; dialog: ReactNode } {
  const { t } = useI18n();
  const styles = useStyles();
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
          <DialogContent className={styles.dialogContent}>
            {request?.message}
            {request?.details && request.details.length > 0 ? (
              <ul className={styles.dialogList}>
                {request.details.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : null}
          </DialogContent>
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
  const norm = (s: string) =>
    s
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[\s_-]/g, "");
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
