import { normalizeText } from "./engineBridge";

/** Keeps the user's arrangement for stages still present and appends new ones in source order. */
export function reconcileOrder(saved: readonly string[], source: readonly string[]): string[] {
  const inSource = new Set(source.map((s) => normalizeText(s)));
  const kept = saved.filter((s) => inSource.has(normalizeText(s)));
  const keptKeys = new Set(kept.map((s) => normalizeText(s)));
  return [...kept, ...source.filter((s) => !keptKeys.has(normalizeText(s)))];
}

export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
