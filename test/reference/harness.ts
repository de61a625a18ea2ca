/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Generators of realistic spreadsheet inputs and the comparison of our functions with the reference.
 * Both sides are run on the same arguments; results are reduced to plain values ({ code } for errors) and
 * compared with a relative tolerance of 1e-9 for numbers.
 */
import fc from "fast-check";
import { RefError } from "./reference";

export const AS_OF = 46000; // 2025-12-09, a Tuesday
export const xl = (code: string): any => new (globalThis as any).CustomFunctions.Error(code);

/** Runs fn; a thrown error becomes { code }. Anything that is not an Excel error is a crash and is reported. */
export function run(fn: () => unknown): unknown {
  try {
    return plain(fn());
  } catch (e) {
    if (e instanceof RefError) return { code: e.code };
    if (e && typeof e === "object" && typeof (e as any).code === "string") return { code: (e as any).code };
    return { crash: String((e as Error)?.stack ?? e) };
  }
}
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === "object" && typeof (v as any).code === "string") return { code: (v as any).code };
  return v;
}
function numEq(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300) || Math.abs(a - b) < 1e-12;
}
/** null when equal, else a description of the first difference. */
export function diff(ours: unknown, ref: unknown, path = ""): string | null {
  if (Array.isArray(ours) || Array.isArray(ref)) {
    if (!Array.isArray(ours) || !Array.isArray(ref)) return `${path}: ${j(ours)} vs ${j(ref)}`;
    if (ours.length !== ref.length) return `${path}: length ${ours.length} vs ${ref.length} (${j(ours)} vs ${j(ref)})`;
    for (let i = 0; i < ours.length; i++) {
      const d = diff(ours[i], ref[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (typeof ours === "number" && typeof ref === "number")
    return numEq(ours, ref) ? null : `${path}: ${ours} vs ${ref}`;
  if (ours && ref && typeof ours === "object" && typeof ref === "object") {
    if ((ours as any).code !== undefined && (ours as any).code === (ref as any).code) return null;
  }
  return ours === ref ? null : `${path}: ${j(ours)} vs ${j(ref)}`;
}
export function j(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x === undefined ? "<undef>" : typeof x === "bigint" ? `${x}n` : x instanceof Error ? { code: (x as any).code } : x,
  );
}

// ---------- cell generators ----------

export const blankArb = fc.constantFrom<unknown>(null, "", "   ");
export const errArb = fc.constantFrom("#N/A", "#VALUE!", "#DIV/0!").map(xl);
export const numTextArb = fc.constantFrom(
  "1,200",
  "¥3.5万",
  "15%",
  "2k",
  "$1,234.5",
  "-5",
  "3M",
  "1亿",
  "￥8,000",
  "€12",
  "0.5",
  "1，500",
  "+7",
  "£2.5k",
  "40%",
);
export const yesArb = fc.constantFrom("yes", "Y", "TRUE", "是", "有", "对", "已确认", "✓", "√", " Yes ");
export const noArb = fc.constantFrom("no", "N", "false", "否", "无", "没有", "未确认", "✗", "×");
export const unknownArb = fc.constantFrom("unknown", "TBD", "n/a", "NA", "?", "待定", "未知", "不确定");
export const wordArb = fc.constantFrom("CFO", "决策人", "需要升级ERP", "abc", "VIP", "ＶＩＰ", "Acme 公司", "k", "%");
export const smallNum = fc.oneof(fc.integer({ min: -50, max: 200 }), fc.constantFrom(0, 0.5, 2.25, 99.9, 1e6));
export function fmtDate(s: number, f: number): string {
  const dt = new Date((s - 25569) * 86400000);
  const [y, m, d] = [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
  const p = (n: number) => String(n).padStart(2, "0");
  return [`${y}-${p(m)}-${p(d)}`, `${y}/${p(m)}/${p(d)}`, `${y}.${p(m)}.${p(d)}`, `${y}年${m}月${d}日`][f];
}
export const serialArb = fc.integer({ min: AS_OF - 200, max: AS_OF + 200 });
export const dateCellArb = fc.oneof(
  serialArb,
  fc.tuple(serialArb, fc.double({ min: 0, max: 0.99, noNaN: true })).map(([s, t]) => s + t),
  fc.tuple(serialArb, fc.integer({ min: 0, max: 3 })).map(([s, f]) => fmtDate(s, f)),
);

/** One of several generators, weighted. */
export const mix = (...a: [number, fc.Arbitrary<unknown>][]) =>
  fc.oneof(...a.map(([weight, arbitrary]) => ({ weight, arbitrary })));

/** A 1-D range of n cells as a column or a row; single cells as [[v]]. */
export function asRange(cells: unknown[], row: boolean): unknown[][] {
  return row ? [cells] : cells.map((c) => [c]);
}
export const rangeArb = (cell: fc.Arbitrary<unknown>, min = 1, max = 8) =>
  fc.tuple(fc.array(cell, { minLength: min, maxLength: max }), fc.boolean()).map(([c, r]) => asRange(c, r));
