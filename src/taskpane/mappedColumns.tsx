/**
 * How panels use the one mapping (map once, issue 10): for the mapped table, a role the mapping settles (a column,
 * or "none" set by the user) is not asked again. The panel shows it in one line, "From your data: Stage = Deal
 * Stage, Amount = Amount · Change in Start", and asks only for the roles the mapping leaves open. On another table
 * than the mapped one, the panel asks for its columns as before.
 */
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import type { Scope, TableKind } from "../mapping";
import { useI18n } from "./hooks";
import { useMapping } from "./mapping";
import type { PanelId } from "./panelProps";

export interface MappedColumns {
  /** The mapping speaks for this table. */
  applies: boolean;
  /** The mapping's column for a role of this table: a header, "" for "none"; undefined when it leaves it open. */
  get(role: string): string | undefined;
  /** The mapping's column for a role, else `fallback` (the panel's own choice or detection). */
  pick(role: string, fallback: string): string;
  /** For a role the panel cannot do without: the mapping's column (a "none" leaves the role open), or undefined. */
  column(role: string): string | undefined;
}

/** The mapping's table of a kind when it is one of `names` (else undefined). */
export function useMappedTable(kind: TableKind, names: readonly string[]): string | undefined {
  const { mapping } = useMapping();
  const table = mapping.tables[kind];
  return table !== undefined && names.includes(table) ? table : undefined;
}

export function useMappedColumns(table: string, headers: readonly string[], scope: Scope = "deals"): MappedColumns {
  const { mapping } = useMapping();
  const applies = table !== "" && mapping.tables[scope] === table;
  const columns = mapping.columns[scope] as Record<string, string | null | undefined>;
  const get = (role: string): string | undefined => {
    if (!applies) return undefined;
    const value = columns[role];
    if (value === null) return "";
    return value !== undefined && headers.includes(value) ? value : undefined;
  };
  return {
    applies,
    get,
    pick: (role, fallback) => get(role) ?? fallback,
    column: (role) => get(role) || undefined,
  };
}

const useStyles = makeStyles({
  line: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

/**
 * "From your data: Table = Leads; Stage = Deal Stage; Amount = None. Change in Start" for what the mapping settles
 * (items whose value is undefined are left out; "" reads "None"); nothing when it settles nothing.
 */
export function FromMapping(props: {
  items: ReadonlyArray<readonly [label: string, value: string | undefined]>;
  openPanel?: (panel: PanelId) => void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const items = props.items.flatMap(([label, value]) =>
    value === undefined ? [] : [`${label} = ${value === "" ? t("map.none") : value}`],
  );
  if (items.length === 0) return null;
  return (
    <p className={styles.line} data-from-mapping="">
      {t("map.fromData", { list: items.join(language === "zh-CN" ? "；" : "; ") })}{" "}
      {props.openPanel ? (
        <Link as="button" inline onClick={() => props.openPanel?.("start")}>
          {t("map.changeInStart")}
        </Link>
      ) : null}
    </p>
  );
}
