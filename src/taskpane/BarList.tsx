import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: {
    display: "grid",
    gridTemplateColumns: "minmax(72px, max-content) 1fr minmax(48px, max-content)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "center",
    margin: 0,
    padding: 0,
  },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  track: {
    height: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    overflow: "hidden",
  },
  centered: { display: "flex", justifyContent: "center" },
  bar: {
    height: "100%",
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
  },
  highlight: { backgroundColor: tokens.colorPaletteRedBackground3 },
  value: { fontSize: tokens.fontSizeBase200, textAlign: "end", fontVariantNumeric: "tabular-nums" },
});

export interface Bar {
  label: string;
  value: number;
  /** Shown instead of the value. */
  display?: string;
  highlight?: boolean;
}

/** Horizontal bars (a histogram, or a funnel when `centered`); values are also given as text for screen readers. */
export function BarList(props: { bars: readonly Bar[]; label: string; centered?: boolean }) {
  const styles = useStyles();
  const max = Math.max(0, ...props.bars.map((b) => b.value));
  return (
    <dl className={styles.list} aria-label={props.label}>
      {props.bars.map((bar, i) => (
        <div key={`${bar.label}-${i}`} style={{ display: "contents" }}>
          <dt className={styles.label}>{bar.label}</dt>
          <dd
            className={mergeClasses(styles.track, props.centered && styles.centered)}
            style={{ margin: 0 }}
            aria-hidden="true"
          >
            <div
              className={mergeClasses(styles.bar, bar.highlight && styles.highlight)}
              style={{ width: `${max > 0 ? Math.max(0, (bar.value / max) * 100) : 0}%` }}
            />
          </dd>
          <dd className={styles.value} style={{ margin: 0 }}>
            {bar.display ?? bar.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
