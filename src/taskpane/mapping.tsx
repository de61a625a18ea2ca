/**
 * Map once: the one mapping of the workbook's tables and column roles that every panel reads.
 *
 * The mapping lives in the workbook settings (`mapping`, see src/mapping/model.ts). When the pane opens, or the
 * tables change, the saved mapping is merged with the workbook as it is now (user choices survive while their
 * headers exist); without a saved mapping the merge is a first detection, seeded with what the panels saved before
 * map-once. Panels read `useMapping().access` (`tableFor("deals")`, `columnFor("owner")`, `missingRoles([...])`)
 * and never ask for a column that is mapped; the Start panel shows `merge` (ambiguities, candidates, changes since
 * the last save), edits with `edit` and saves with `confirm`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { CellValue, TableInfo, WorkbookOps } from "../excel/types";
import {
  MAPPING_SETTING_KEY,
  confirmMapping,
  emptyMapping,
  mappingAccess,
  mergeMapping,
  parseSavedMapping,
  seedFromPanelSettings,
  type LegacyPanelSettings,
  type MappingAccess,
  type MergeResult,
  type SavedMapping,
} from "../mapping";

/** Rows read from each table to tell what its columns hold (dates, won/lost words, names…). */
export const SAMPLE_ROWS = 300;
/** Wider tables are not sampled (their headers alone decide). */
const MAX_SAMPLED_COLUMNS = 80;

export interface MappingValue {
  /** The saved mapping was read and merged with the workbook (false while the pane starts). */
  loaded: boolean;
  /** The mapping in use: the saved one brought up to date with the workbook, or a first detection. */
  mapping: SavedMapping;
  /** What the last merge found: detection (ambiguities, candidates), and what changed since the last save. */
  merge: MergeResult | undefined;
  /** The mapping in use was confirmed by the user and nothing changed since. */
  confirmed: boolean;
  /** The accessors panels use, bound to `mapping`. */
  access: MappingAccess;
  /** Replaces the mapping in use (an edit in Start; saved by `confirm`). */
  edit(next: SavedMapping): void;
  /** Saves the mapping (the one given, or the one in use) as confirmed in the workbook settings. */
  confirm(next?: SavedMapping): Promise<void>;
  /** Reads the workbook again (tables and sample values) and merges with the mapping in use. */
  refresh(): Promise<void>;
  /** Drops unsaved edits: the saved mapping merged with the workbook again. */
  discard(): Promise<void>;
  /** Why reading or saving the mapping failed, when it did. */
  error: string | undefined;
  /** tablesSignature() of the table list the mapping in use was merged with ("" before the first merge). */
  mergedFor: string;
  /** The user changed the mapping in Start since it was last read or saved (edits not saved yet). */
  dirty: boolean;
}

/** Names and headers of the tables: what a mapping is merged with. */
export function tablesSignature(tables: readonly TableInfo[]): string {
  return tables.map((t) => `${t.name}\u0000${t.headers.join("\u0001")}`).join("\u0002");
}

const EMPTY = emptyMapping();

export const MappingContext = createContext<MappingValue>({
  loaded: false,
  mapping: EMPTY,
  merge: undefined,
  confirmed: false,
  access: mappingAccess(EMPTY),
  edit: () => undefined,
  confirm: async () => undefined,
  refresh: async () => undefined,
  discard: async () => undefined,
  error: undefined,
  mergedFor: "",
  dirty: false,
});

export function useMapping(): MappingValue {
  return useContext(MappingContext);
}

/** The first SAMPLE_ROWS values of every column of every table, by table then header. */
export async function readSamples(
  ops: WorkbookOps,
  tables: readonly TableInfo[],
): Promise<Record<string, Record<string, readonly CellValue[]>>> {
  const samples: Record<string, Record<string, readonly CellValue[]>> = {};
  for (const table of tables) {
    if (table.rowCount === 0 || table.headers.length > MAX_SAMPLED_COLUMNS) continue;
    try {
      const data = await ops.readTable(table.name, { maxRows: SAMPLE_ROWS });
      samples[table.name] = data.columns;
    } catch {
      // A table that cannot be read is mapped from its headers alone.
    }
  }
  return samples;
}

const LEGACY_KEYS = ["bant", "funnel", "followups", "targets"] as const;

async function legacySettings(ops: WorkbookOps): Promise<LegacyPanelSettings> {
  const legacy: LegacyPanelSettings = {};
  for (const key of LEGACY_KEYS) {
    try {
      const value = await ops.getSetting<Record<string, string>>(key);
      if (value && typeof value === "object") (legacy as Record<string, unknown>)[key] = value;
    } catch {
      // No such setting.
    }
  }
  return legacy;
}

/** Brings the saved mapping (if any) up to date with the workbook: the merge every pane start runs. */
export async function loadMapping(
  ops: WorkbookOps,
  tables: readonly TableInfo[],
  unsaved?: SavedMapping,
): Promise<MergeResult> {
  let saved = unsaved;
  if (saved === undefined) {
    const raw = await ops.getSetting<unknown>(MAPPING_SETTING_KEY).catch(() => undefined);
    saved = raw === undefined ? undefined : parseSavedMapping(raw).mapping;
  }
  const samples = await readSamples(ops, tables);
  const merge = mergeMapping(saved, tables, samples);
  if (saved === undefined) {
    // First time map-once runs on this workbook: what the panels saved before becomes the user's choices.
    const seeded = seedFromPanelSettings(merge.mapping, await legacySettings(ops));
    return { ...merge, mapping: seeded };
  }
  return merge;
}

export function MappingProvider(props: { ops: WorkbookOps; tables: TableInfo[]; children: ReactNode }) {
  const { ops, tables } = props;
  const [mapping, setMapping] = useState<SavedMapping>(EMPTY);
  const [merge, setMerge] = useState<MergeResult | undefined>();
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [mergedFor, setMergedFor] = useState("");
  const [dirty, setDirty] = useState(false);
  // The latest table list, for refresh() called from an event handler after the tables changed.
  const tablesRef = useRef(tables);
  tablesRef.current = tables;

  // The mapping in use and whether it holds unsaved edits, for merges started by a change of the tables.
  const current = useRef<{ mapping: SavedMapping; dirty: boolean }>({ mapping: EMPTY, dirty: false });
  current.current = { mapping, dirty };

  const run = useCallback(
    async (list: readonly TableInfo[], discard = false) => {
      try {
        // Unsaved edits are what gets merged with the new tables (never dropped for the saved mapping), unless the
        // user asked to discard them.
        const keep = !discard && current.current.dirty ? current.current.mapping : undefined;
        const result = await loadMapping(ops, list, keep);
        setMerge(result);
        setMapping(result.mapping);
        setMergedFor(tablesSignature(list));
        setDirty(keep !== undefined);
        setError(undefined);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setLoaded(true);
      }
    },
    [ops],
  );

  // Tables are listed by the App; merge whenever their names or headers change.
  const signature = tablesSignature(tables);
  useEffect(() => {
    void run(tablesRef.current);
  }, [run, signature]);

  const confirm = useCallback(
    async (next?: SavedMapping) => {
      const toSave = confirmMapping(next ?? mapping);
      try {
        await ops.setSetting(MAPPING_SETTING_KEY, toSave);
        setMapping(toSave);
        setDirty(false);
        setError(undefined);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        throw e;
      }
    },
    [ops, mapping],
  );

  const edit = useCallback((next: SavedMapping) => {
    setMapping(next);
    setDirty(true);
  }, []);

  const value = useMemo<MappingValue>(
    () => ({
      loaded,
      mapping,
      merge,
      confirmed: mapping.confirmed,
      access: mappingAccess(mapping),
      edit,
      confirm,
      refresh: () => run(tablesRef.current),
      discard: () => run(tablesRef.current, true),
      error,
      mergedFor,
      dirty,
    }),
    [loaded, mapping, merge, confirm, run, error, mergedFor, edit, dirty],
  );
  return <MappingContext.Provider value={value}>{props.children}</MappingContext.Provider>;
}
