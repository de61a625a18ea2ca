/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * An independent, deliberately naive reading of /work/shared/spec/formulas.md (plus the README's documented
 * choices where the spec is silent), written without looking at src/engine so that the differential test
 * compares two separate interpretations. Speed is irrelevant here; where the spec's rounding rules matter the
 * arithmetic is exact (BigInt rationals), so a disagreement points at the engine, not at float noise.
 *
 * Conventions: matrices are any[][]; an error is { code }. Whole-function errors are thrown as RefError;
 * per-cell errors are stored in the result matrix as { code }.
 */

export type Code = "#VALUE!" | "#NUM!" | "#DIV/0!" | "#N/A";
export class RefError {
  constructor(
    public readonly code: Code,
    public readonly why: string = "",
  ) {}
}
const fail = (code: Code, why = ""): never => {
  throw new RefError(code, why);
};

// ---------- §1 conventions ----------

export function isErr(v: unknown): v is { code: string } {
  return typeof v === "object" && v !== null && typeof (v as any).code === "string" && (v as any).code.startsWith("#");
}
/** Errors in a single-value argument come back as themselves (README); #REF!/#NAME? surface as #VALUE!. */
function errCode(v: { code: string }): Code {
  return (["#VALUE!", "#NUM!", "#DIV/0!", "#N/A"].includes(v.code) ? v.code : "#VALUE!") as Code;
}
function scalarCheck(v: unknown): void {
  if (isErr(v)) fail(errCode(v));
}
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}
/** Text-only fields: 0 is blank too. */
export function isTextBlank(v: unknown): boolean {
  return isBlank(v) || v === 0;
}
export function norm(s: string): string {
  return s.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}
const NUM_RE = /^([+-])?([¥￥$€£])?(\d{1,3}(?:[,，]\d{3})+|\d+)(\.\d+)?(%|k|K|M|万|亿)?$/;
const SUFFIX: Record<string, number> = { "%": 0.01, k: 1e3, K: 1e3, M: 1e6, 万: 1e4, 亿: 1e8 };
export function parseNum(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const m = NUM_RE.exec(v.trim());
  if (!m) return null;
  let n = Number(m[3].replace(/[,，]/g, "") + (m[4] ?? ""));
  if (m[5] === "%") n = n / 100;
  else if (m[5]) n = n * SUFFIX[m[5]];
  return m[1] === "-" ? -n : n;
}
const YES = ["yes", "y", "true", "是", "有", "对", "已确认", "✓", "✔", "√"];
const NO = ["no", "n", "false", "否", "无", "没有", "未确认", "✗", "✘", "×"];
const UNKNOWN = ["unknown", "tbd", "n/a", "na", "?", "待定", "未知", "不确定"];
export function yesNo(v: unknown): "yes" | "no" | "unknown" | null {
  if (v === true) return "yes";
  if (v === false) return "no";
  if (typeof v !== "string") return null;
  const n = norm(v);
  if (YES.includes(n)) return "yes";
  if (NO.includes(n)) return "no";
  if (UNKNOWN.includes(n)) return "unknown";
  return null;
}
const DAY = 86400000;
export function serialOf(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY + 25569;
}
export function ymdOf(serial: number): [number, number, number] {
  const dt = new Date((serial - 25569) * DAY);
  return [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
}
const DATE_RES = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
];
export function parseTextDate(v: unknown): number | null {
  if (typeof v !== "string") return null;
  const t = v.trim();
  for (const re of DATE_RES) {
    const m = re.exec(t);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const s = serialOf(y, mo, d);
    const [y2, m2, d2] = ymdOf(s);
    return y2 === y && m2 === mo && d2 === d ? s : null;
  }
  return null;
}
/** A date: a serial number (time of day dropped) or a text date. */
export function parseDate(v: unknown): number | null {
  // Excel has no negative serials: a negative number is not a date
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 ? Math.floor(v) : null;
  return parseTextDate(v);
}
function todaySerial(): number {
  const n = new Date();
  return serialOf(n.getFullYear(), n.getMonth() + 1, n.getDate());
}
function asOfArg(v: unknown): number {
  scalarCheck(v);
  if (isBlank(v)) return todaySerial();
  const d = parseDate(v);
  return d === null ? fail("#VALUE!", "as_of") : d;
}
const WON = ["won", "win", "closed won", "赢单", "赢", "成交", "已成交"];
const LOST = ["lost", "lose", "closed lost", "输单", "输", "丢单", "失败"];
const OPEN = ["open", "进行中", "跟进中"];
type Outcome = "won" | "lost" | "open";
function outcomeOf(v: unknown): Outcome {
  if (isErr(v)) fail("#VALUE!", "error cell");
  if (isTextBlank(v)) return "open";
  if (typeof v !== "string") fail("#VALUE!", "outcome");
  const n = norm(v as string);
  if (WON.includes(n)) return "won";
  if (LOST.includes(n)) return "lost";
  if (OPEN.includes(n)) return "open";
  return fail("#VALUE!", "outcome");
}
export function flat(m: unknown): unknown[] {
  if (!Array.isArray(m)) return [m];
  const out: unknown[] = [];
  for (const row of m) {
    if (Array.isArray(row)) out.push(...row);
    else out.push(row);
  }
  return out;
}
/** Text equality, including "a number equals a text that parses as it". */
export function textEq(a: unknown, b: unknown): boolean {
  const na = parseNum(a);
  const nb = parseNum(b);
  if (na !== null && nb !== null) return na === nb;
  const t = (v: unknown) => typeof v === "string" || typeof v === "boolean";
  if (t(a) && t(b)) return norm(asText(a)) === norm(asText(b));
  return false;
}
function asText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  // as Excel's General format shows a number: at most 15 significant digits
  if (typeof v === "number") return String(parseFloat(v.toPrecision(15)));
  return String(v);
}
function optNum(v: unknown, dflt: number): number {
  scalarCheck(v);
  if (isBlank(v)) return dflt;
  const n = parseNum(v);
  return n === null ? fail("#VALUE!", "number") : n;
}

// ---------- exact rationals ----------

type Frac = [bigint, bigint]; // numerator, positive denominator
function fracOfDouble(x: number): Frac {
  let den = 1n;
  let v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    den *= 2n;
  }
  return [BigInt(v), den];
}
/** A double as the decimal the user typed (its shortest round-trip text): 0.4 → 2/5. */
function fracOfDecimal(x: number): Frac {
  const s = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) throw new Error("bad number " + s);
  let num = BigInt(m[2] + (m[3] ?? ""));
  let den = 10n ** BigInt((m[3] ?? "").length);
  const e = Number(m[4] ?? 0);
  if (e > 0) num *= 10n ** BigInt(e);
  else if (e < 0) den *= 10n ** BigInt(-e);
  return [m[1] === "-" ? -num : num, den];
}
function ceilDiv(a: bigint, b: bigint): bigint {
  // b > 0
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

// ---------- §5 largest remainder ----------

/** Whole units of |total| rounded half away from zero to 10^-decimals, with the sign. */
function toUnits(total: number, decimals: number): bigint {
  // as typed: 1.005 to 2 decimals is 1.01, not the binary double's 1.00499…
  const [n, d] = fracOfDecimal(Math.abs(total));
  const scaled = n * 10n ** BigInt(decimals);
  const q = scaled / d;
  const r = scaled % d;
  const u = 2n * r >= d ? q + 1n : q;
  return total < 0 ? -u : u;
}
/** Counts splits whose last unit went to a remainder tie decided by "larger weight first" (see the report). */
export const tieStats = { byWeight: 0 };
/** Splits `units` over non-negative weights (exact doubles), largest remainder, ties: larger weight, earlier. */
function splitUnits(units: bigint, weights: Frac[]): bigint[] {
  const neg = units < 0n;
  const T = neg ? -units : units;
  let ws = weights;
  if (ws.every(([n]) => n === 0n)) ws = ws.map(() => [1n, 1n] as Frac);
  const L = ws.reduce((acc, [, d]) => (acc % d === 0n ? acc : (acc * d) / gcd(acc, d)), 1n);
  const W = ws.map(([n, d]) => (n * L) / d);
  const S = W.reduce((a, b) => a + b, 0n);
  const fl = W.map((w) => (T * w) / S);
  const rem = W.map((w) => (T * w) % S);
  let missing = T - fl.reduce((a, b) => a + b, 0n);
  const order = W.map((_, i) => i).sort((i, j) => {
    if (rem[i] !== rem[j]) return rem[i] > rem[j] ? -1 : 1;
    if (W[i] !== W[j]) return W[i] > W[j] ? -1 : 1;
    return i - j;
  });
  const m = Number(missing);
  if (m > 0 && m < order.length && rem[order[m - 1]] === rem[order[m]]) {
    const tied = W.filter((_, i) => rem[i] === rem[order[m]]);
    if (tied.some((w) => w !== tied[0])) tieStats.byWeight++;
  }
  for (const i of order) {
    if (missing <= 0n) break;
    fl[i] += 1n;
    missing -= 1n;
  }
  return neg ? fl.map((x) => -x) : fl;
}
function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}
const fromUnits = (u: bigint, decimals: number): number => Number(u) / 10 ** decimals;

function decimalsArg(v: unknown): number {
  const d = optNum(v, 0);
  if (!Number.isInteger(d) || d < 0 || d > 6) fail("#NUM!", "decimals");
  return d;
}
function weightFracs(cells: unknown[]): Frac[] {
  return cells.map((c) => {
    if (isErr(c)) fail("#VALUE!", "error cell");
    if (isBlank(c)) return [0n, 1n] as Frac;
    const n = parseNum(c);
    if (n === null) fail("#VALUE!", "weight");
    if ((n as number) < 0) fail("#NUM!", "negative weight");
    // as typed: 0.2 is 1/5, so 0.2 and 9 splitting 28175 tie exactly at .5 (then the larger weight wins)
    return fracOfDecimal(n as number);
  });
}

export function SPLIT(total: unknown, weights: unknown[][], decimals?: unknown): any[][] {
  scalarCheck(total);
  const t = isBlank(total) ? 0 : parseNum(total);
  if (t === null) fail("#VALUE!", "total");
  const d = decimalsArg(decimals);
  const cells = flat(weights);
  const w = weightFracs(cells);
  const parts = splitUnits(toUnits(t as number, d), w);
  let k = 0;
  return weights.map((row) => row.map(() => fromUnits(parts[k++], d)));
}

// ---------- §2 lead scoring ----------

const OPS: Record<string, string[]> = {
  "=": ["=", "==", "is", "equals", "等于", "是"],
  "<>": ["<>", "!=", "is not", "不等于", "不是"],
  ">": [">", "大于"],
  ">=": [">=", "≥", "大于等于", "不少于"],
  "<": ["<", "小于"],
  "<=": ["<=", "≤", "小于等于", "不超过"],
  between: ["between", "介于"],
  contains: ["contains", "包含"],
  "not contains": ["not contains", "不包含"],
  "starts with": ["starts with", "开头是"],
  "ends with": ["ends with", "结尾是"],
  in: ["in", "属于"],
  "not in": ["not in", "不属于"],
  blank: ["blank", "is blank", "为空"],
  "not blank": ["not blank", "is not blank", "不为空", "非空"],
  "within days": ["within days", "天内"],
  "older than days": ["older than days", "超过天数"],
};
function opOf(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const n = norm(v);
  for (const [op, aliases] of Object.entries(OPS)) if (aliases.map((a) => norm(a)).includes(n)) return op;
  return null;
}
function isYesNo(v: unknown): boolean {
  const y = yesNo(v);
  return y === "yes" || y === "no";
}
/** -1/0/1 comparison of a non-blank cell with a rule value, by the spec's precedence. */
function compare(cell: unknown, val: unknown, allowBool: boolean): number {
  if (allowBool && isYesNo(cell) && isYesNo(val)) return yesNo(cell) === yesNo(val) ? 0 : 1;
  const nc = parseNum(cell);
  const nv = parseNum(val);
  if (nc !== null && nv !== null) return Math.sign(nc - nv);
  const dv = parseTextDate(val);
  const dc = parseDate(cell);
  if (dv !== null && dc !== null) return Math.sign(dc - dv);
  const a = norm(asText(cell));
  const b = norm(asText(val));
  return a === b ? 0 : a < b ? -1 : 1;
}
const LIST_SEP = /[,，;；、|]/;

interface Rule {
  field: unknown;
  fieldIdx: number;
  op: string;
  opText: unknown;
  value: unknown;
  points: number;
  group: string | null;
  groupText: unknown;
}
function parseRules(rules: unknown[][], headerNames: unknown[]): { list: Rule[]; caps: Map<string, number> } {
  if (!Array.isArray(rules) || rules.length === 0) fail("#VALUE!", "rules");
  const width = rules[0].length;
  if (width < 4 || width > 6) fail("#VALUE!", "rules width");
  const list: Rule[] = [];
  const caps = new Map<string, number>();
  const groupsSeen: string[] = [];
  let start = 0;
  if (parseNum(rules[0][3]) === null) start = 1;
  for (let i = start; i < rules.length; i++) {
    const r = rules[i];
    if (isTextBlank(r[0])) continue;
    const fieldIdx = headerNames.findIndex((h) => !isTextBlank(h) && textEq(h, r[0]));
    if (fieldIdx < 0) fail("#VALUE!", `Unknown field in rule ${i}`);
    const op = opOf(r[1]);
    if (op === null) fail("#VALUE!", `Unknown operator in rule ${i}`);
    const points = parseNum(r[3]);
    if (points === null) fail("#VALUE!", "points");
    const groupText = width > 4 ? r[4] : null;
    const group = isTextBlank(groupText) ? null : norm(asText(groupText));
    const capCell = width > 5 ? r[5] : null;
    if (!isBlank(capCell)) {
      const cap = parseNum(capCell);
      if (cap === null) fail("#VALUE!", "cap");
      if ((cap as number) < 0) fail("#NUM!", "cap");
      if (group !== null && !caps.has(group)) caps.set(group, cap as number);
    }
    if (group !== null && !groupsSeen.includes(group)) groupsSeen.push(group);
    if (r.some((c) => isErr(c))) fail("#VALUE!", "error in the rules table");
    if ((op === "within days" || op === "older than days") && parseNum(r[2]) === null) fail("#VALUE!", "days");
    // the spec is silent; a negative day window is "a number outside its allowed range" (the engine's choice too)
    if ((op === "within days" || op === "older than days") && (parseNum(r[2]) as number) < 0) fail("#NUM!", "days");
    // "unparseable value" is a rule error (#VALUE!), found when the table is read, not only when a lead reaches it
    if (op === "between" && !/^(.*?)(?:\.\.|~|～)(.*)$/.test(asText(r[2]))) fail("#VALUE!", "between");
    list.push({
      field: r[0],
      fieldIdx,
      op: op as string,
      opText: r[1],
      value: r[2],
      points: points as number,
      group,
      groupText,
    });
  }
  return { list, caps };
}
function ruleMatches(rule: Rule, cell: unknown, asOf: number): boolean {
  const blank = isBlank(cell);
  if (rule.op === "blank") return blank;
  if (blank) return false;
  switch (rule.op) {
    case "not blank":
      return true;
    case "=":
      return compare(cell, rule.value, true) === 0;
    case "<>":
      return compare(cell, rule.value, true) !== 0;
    case ">":
      return compare(cell, rule.value, false) > 0;
    case ">=":
      return compare(cell, rule.value, false) >= 0;
    case "<":
      return compare(cell, rule.value, false) < 0;
    case "<=":
      return compare(cell, rule.value, false) <= 0;
    case "between": {
      const m = /^(.*?)(?:\.\.|~|～)(.*)$/.exec(asText(rule.value));
      if (!m) return fail("#VALUE!", "between");
      return compare(cell, m[1].trim(), false) >= 0 && compare(cell, m[2].trim(), false) <= 0;
    }
    case "contains":
      return norm(asText(cell)).includes(norm(asText(rule.value)));
    case "not contains":
      return !norm(asText(cell)).includes(norm(asText(rule.value)));
    case "starts with":
      return norm(asText(cell)).startsWith(norm(asText(rule.value)));
    case "ends with":
      return norm(asText(cell)).endsWith(norm(asText(rule.value)));
    case "in":
    case "not in": {
      const items = asText(rule.value)
        .split(LIST_SEP)
        .map((s) => s.trim())
        .filter((s) => s !== "");
      const hit = items.some((it) => compare(cell, it, true) === 0);
      return rule.op === "in" ? hit : !hit;
    }
    case "within days":
    case "older than days": {
      const d = parseDate(cell);
      if (d === null) return false;
      const diff = asOf - d;
      const n = parseNum(rule.value) as number;
      return rule.op === "within days" ? diff >= 0 && diff <= n : diff > n;
    }
  }
  return false;
}
function fmtPoints(p: number): string {
  return p < 0 ? `-${-p}` : `+${p}`;
}
function scoreLeads(
  records: unknown[][],
  rules: unknown[][],
  headers: unknown,
  asOfV: unknown,
  detail: boolean,
): any[][] {
  if (!Array.isArray(records) || records.length === 0) fail("#VALUE!", "records");
  let names: unknown[];
  let leads: unknown[][];
  if (isBlank(headers) || (Array.isArray(headers) && flat(headers).every((h) => h === null))) {
    names = records[0];
    leads = records.slice(1);
  } else {
    const h = headers as unknown[][];
    if (h.length !== 1 || h[0].length !== records[0].length) fail("#VALUE!", "headers");
    names = h[0];
    leads = records;
  }
  const { list, caps } = parseRules(rules, names);
  const asOf = list.some((r) => r.op === "within days" || r.op === "older than days") ? asOfArg(asOfV) : asOfArg(asOfV);
  if (leads.length === 0) return [[""]];
  return leads.map((lead) => {
    let score = 0;
    const parts: string[] = [];
    const groupSums = new Map<string, number>();
    const groupText = new Map<string, unknown>();
    for (const rule of list) {
      const cell = lead[rule.fieldIdx];
      if (isErr(cell)) return [{ code: errCode(cell) }];
      if (!ruleMatches(rule, cell, asOf)) continue;
      // "blank" / "not blank" take no value: the value cell is not shown (README, choices where the spec is silent).
      const valueless = rule.op === "blank" || rule.op === "not blank";
      const valueText = valueless || isBlank(rule.value) ? "" : " " + asText(rule.value).trim();
      parts.push(`${asText(rule.field).trim()} ${asText(rule.opText).trim()}${valueText} (${fmtPoints(rule.points)})`);
      if (rule.group === null) score += rule.points;
      else {
        groupSums.set(rule.group, (groupSums.get(rule.group) ?? 0) + rule.points);
        if (!groupText.has(rule.group)) groupText.set(rule.group, list.find((r) => r.group === rule.group)?.groupText);
      }
    }
    const groupOrder = [...new Set(list.filter((r) => r.group !== null).map((r) => r.group as string))];
    for (const g of groupOrder) {
      const s = groupSums.get(g);
      if (s === undefined) continue;
      const cap = caps.get(g);
      if (cap !== undefined && s > cap) {
        score += cap;
        parts.push(`cap ${asText(groupText.get(g)).trim()} (-${s - cap})`);
      } else score += s;
    }
    return [detail ? parts.join("; ") : score];
  });
}
export function LEADSCORE(records: unknown[][], rules: unknown[][], headers?: unknown, asOf?: unknown): any[][] {
  return scoreLeads(records, rules, headers, asOf, false);
}
export function SCOREDETAIL(records: unknown[][], rules: unknown[][], headers?: unknown, asOf?: unknown): any[][] {
  return scoreLeads(records, rules, headers, asOf, true);
}

export function LEADGRADE(scoresArg: unknown, thresholds?: unknown, labels?: unknown): any[][] {
  const scores: unknown[][] = Array.isArray(scoresArg) ? (scoresArg as unknown[][]) : [[scoresArg]];
  const th = isBlank(thresholds)
    ? [80, 50]
    : flat(thresholds).map((t) => {
        if (isErr(t)) fail("#VALUE!");
        const n = parseNum(t);
        return n === null ? fail("#VALUE!", "threshold") : n;
      });
  for (let i = 1; i < th.length; i++) if (!(th[i] < th[i - 1])) fail("#VALUE!", "descending");
  const lb = isBlank(labels) ? ["A", "B", "C"] : flat(labels).map((l) => (isErr(l) ? fail("#VALUE!") : l));
  if (lb.length !== th.length + 1) fail("#VALUE!", "labels");
  return scores.map((row) =>
    row.map((s) => {
      if (isErr(s)) return { code: errCode(s) };
      if (isBlank(s)) return "";
      const n = parseNum(s);
      if (n === null) return { code: "#VALUE!" };
      const i = th.findIndex((t) => n >= t);
      return i < 0 ? lb[lb.length - 1] : lb[i];
    }),
  );
}

export function ABCCLASS(values: unknown[][], aShare?: unknown, bShare?: unknown): any[][] {
  const a = optNum(aShare, 0.8);
  const b = optNum(bShare, 0.95);
  if (!(a > 0 && a < b && b <= 1)) fail("#NUM!", "shares");
  const cells = flat(values);
  const nums = cells.map((c) => (isErr(c) || isBlank(c) ? null : parseNum(c)));
  const total = nums.reduce<number>((s, n) => (n !== null && n > 0 ? s + n : s), 0);
  const order = nums
    .map((n, i) => [n, i] as [number | null, number])
    .filter(([n]) => n !== null)
    .sort((x, y) => (y[0] as number) - (x[0] as number) || x[1] - y[1]);
  const cls = new Map<number, string>();
  let above = 0;
  for (const [n, i] of order) {
    const v = n as number;
    if (total === 0 || v <= 0) cls.set(i, "C");
    else {
      const before = above / total;
      cls.set(i, before < a ? "A" : before < b ? "B" : "C");
    }
    if (v > 0) above += v;
  }
  let k = 0;
  return values.map((row) =>
    row.map((c) => {
      const i = k++;
      if (isErr(c)) return { code: errCode(c) };
      if (isBlank(c)) return "";
      return cls.get(i) ?? { code: "#VALUE!" };
    }),
  );
}

// ---------- §3 BANT ----------

function bantCore(args: unknown[], minBudget: unknown, withinDays: unknown, required: unknown, asOfV: unknown) {
  const mb = isBlank(minBudget) ? null : optNum(minBudget, 0);
  if (mb !== null && mb < 0) fail("#NUM!", "min_budget");
  const wd = optNum(withinDays, 90);
  if (wd < 0) fail("#NUM!", "within_days");
  const req = optNum(required, 4);
  if (!Number.isInteger(req) || req < 1 || req > 4) fail("#NUM!", "required");
  const asOf = asOfArg(asOfV);
  const mats = args.map((a) => (Array.isArray(a) ? (a as unknown[][]) : [[a]]));
  const cells = mats.map((m) => flat(m));
  const shapeFrom = mats.find((m) => flat(m).length > 1) ?? mats[0];
  const n = flat(shapeFrom).length;
  for (const c of cells) if (c.length !== 1 && c.length !== n) fail("#VALUE!", "shape");
  const at = (c: unknown[], i: number) => (c.length === 1 ? c[0] : c[i]);
  const results: ({ met: boolean[] } | { code: Code })[] = [];
  for (let i = 0; i < n; i++) {
    const vals = cells.map((c) => at(c, i));
    const bad = vals.find((v) => isErr(v));
    if (bad) {
      results.push({ code: errCode(bad as any) });
      continue;
    }
    const [B, A, N, T] = vals;
    const yB = yesNo(B);
    const nB = typeof B === "boolean" ? null : parseNum(B);
    const budget = yB === "yes" || (nB !== null && (mb !== null ? nB >= mb : nB > 0));
    const an = (v: unknown): boolean => {
      if (isBlank(v)) return false;
      const y = yesNo(v);
      if (y === "yes") return true;
      if (y === "no" || y === "unknown") return false;
      // "0" is a number by rule 3, and a zero number does not meet Authority/Need
      const n = typeof v === "boolean" ? null : parseNum(v);
      if (n !== null) return n !== 0;
      return typeof v === "string";
    };
    let timeline = yesNo(T) === "yes";
    if (!timeline && typeof T !== "boolean") {
      const d = parseDate(T);
      if (d !== null) timeline = asOf <= d && d <= asOf + wd;
    }
    results.push({ met: [budget, an(A), an(N), timeline] });
  }
  return { results, shape: shapeFrom, req };
}
function reshape(shape: unknown[][], values: unknown[]): any[][] {
  let k = 0;
  return shape.map((row) => row.map(() => values[k++]));
}
type BantArgs = [unknown, unknown, unknown, unknown, unknown?, unknown?, unknown?, unknown?];
export function BANT(...a: BantArgs): any[][] {
  const { results, shape, req } = bantCore(a.slice(0, 4), a[4], a[5], a[6], a[7]);
  return reshape(
    shape,
    results.map((r) => ("code" in r ? r : r.met.filter(Boolean).length >= req)),
  );
}
export function BANTSCORE(...a: BantArgs): any[][] {
  const { results, shape } = bantCore(a.slice(0, 4), a[4], a[5], a[6], a[7]);
  return reshape(
    shape,
    results.map((r) => ("code" in r ? r : r.met.filter(Boolean).length)),
  );
}
export function BANTMISSING(...a: BantArgs): any[][] {
  const { results, shape } = bantCore(a.slice(0, 4), a[4], a[5], a[6], a[7]);
  return reshape(
    shape,
    results.map((r) => ("code" in r ? r : ["B", "A", "N", "T"].filter((_, i) => !r.met[i]).join(","))),
  );
}

// ---------- §4 funnel ----------

interface FunnelData {
  order: unknown[];
  count: number[];
  reached: number[];
  lost: number[];
  amount: number[];
  won: number;
  wonAmount: number;
  unmatched: number;
  unmatchedAmount: number;
}
function stageOrderOf(stageOrder: unknown): { names: unknown[]; cellIdx: number[] } {
  const cells = flat(stageOrder);
  const names: unknown[] = [];
  const cellIdx: number[] = [];
  cells.forEach((c, i) => {
    if (isErr(c)) fail("#VALUE!", "error in stage_order");
    if (isTextBlank(c)) return;
    if (names.some((n) => textEq(n, c))) fail("#VALUE!", "duplicate stage");
    names.push(c);
    cellIdx.push(i);
  });
  if (names.length === 0) fail("#VALUE!", "empty stage_order");
  return { names, cellIdx };
}
function funnelData(stages: unknown, stageOrder: unknown, amounts: unknown, outcomes: unknown): FunnelData {
  const { names } = stageOrderOf(stageOrder);
  const st = flat(stages);
  const am = isBlank(amounts) ? null : flat(amounts);
  const oc = isBlank(outcomes) ? null : flat(outcomes);
  if ((am && am.length !== st.length) || (oc && oc.length !== st.length)) fail("#VALUE!", "sizes");
  const n = names.length;
  const d: FunnelData = {
    order: names,
    count: Array(n).fill(0),
    reached: Array(n).fill(0),
    lost: Array(n).fill(0),
    amount: Array(n).fill(0),
    won: 0,
    wonAmount: 0,
    unmatched: 0,
    unmatchedAmount: 0,
  };
  for (const c of st) if (isErr(c)) fail("#VALUE!", "error cell");
  const amt = (am ?? []).map((c) => {
    if (isErr(c)) fail("#VALUE!", "error cell");
    if (isBlank(c)) return 0;
    const x = parseNum(c);
    return x === null ? fail("#VALUE!", "amount") : x;
  });
  const outs = oc ? oc.map(outcomeOf) : null;
  st.forEach((s, i) => {
    const o: Outcome = outs ? outs[i] : "open";
    const a = am ? amt[i] : 0;
    if (o === "won") {
      d.won++;
      d.wonAmount += a;
      for (let k = 0; k < n; k++) d.reached[k]++;
      return;
    }
    if (isTextBlank(s)) return;
    const k = names.findIndex((nm) => textEq(nm, s));
    if (k < 0) {
      d.unmatched++;
      d.unmatchedAmount += a;
      return;
    }
    for (let j = 0; j <= k; j++) d.reached[j]++;
    if (o === "lost") d.lost[k]++;
    else {
      d.count[k]++;
      d.amount[k] += a;
    }
  });
  return d;
}
export function FUNNEL(
  stages: unknown,
  stageOrder: unknown,
  amounts?: unknown,
  outcomes?: unknown,
  showHeaders?: unknown,
): any[][] {
  scalarCheck(showHeaders);
  let headers = true;
  if (!isBlank(showHeaders)) {
    const y = yesNo(showHeaders);
    if (y === "yes") headers = true;
    else if (y === "no") headers = false;
    else if (parseNum(showHeaders) !== null) headers = parseNum(showHeaders) !== 0;
    else fail("#VALUE!", "show_headers");
  }
  const d = funnelData(stages, stageOrder, amounts, outcomes);
  const hasO = !isBlank(outcomes);
  const hasA = !isBlank(amounts);
  const rows: any[][] = [];
  if (headers) {
    const h = ["Stage", "Count", "Reached", "Step conversion", "Cumulative conversion"];
    if (hasO) h.push("Lost");
    if (hasA) h.push("Amount");
    rows.push(h);
  }
  const r0 = d.reached[0];
  d.order.forEach((name, i) => {
    const step = i === 0 || d.reached[i - 1] === 0 ? "" : d.reached[i] / d.reached[i - 1];
    const cum = r0 === 0 ? "" : d.reached[i] / r0;
    const row: any[] = [name, d.count[i], d.reached[i], step, cum];
    if (hasO) row.push(d.lost[i]);
    if (hasA) row.push(d.amount[i]);
    rows.push(row);
  });
  if (hasO) {
    const last = d.reached[d.order.length - 1];
    const row: any[] = ["Won", d.won, d.won, last === 0 ? "" : d.won / last, r0 === 0 ? "" : d.won / r0, ""];
    if (hasA) row.push(d.wonAmount);
    rows.push(row);
  }
  if (d.unmatched > 0) {
    const row: any[] = ["(unmatched)", d.unmatched, "", "", ""];
    if (hasO) row.push("");
    if (hasA) row.push(d.unmatchedAmount);
    rows.push(row);
  }
  return rows;
}
export function CONVERSION(
  stages: unknown,
  stageOrder: unknown,
  from: unknown,
  to: unknown,
  outcomes?: unknown,
): number {
  scalarCheck(from);
  scalarCheck(to);
  const d = funnelData(stages, stageOrder, null, outcomes);
  const hasO = !isBlank(outcomes);
  const idx = (v: unknown, allowWon: boolean): number => {
    if (isTextBlank(v)) return fail("#VALUE!", "blank stage");
    const k = d.order.findIndex((nm) => textEq(nm, v));
    if (k >= 0) return k;
    if (allowWon && hasO && typeof v === "string" && WON.includes(norm(v))) return d.order.length;
    return fail("#VALUE!", "unknown stage");
  };
  const f = idx(from, false);
  const t = idx(to, true);
  if (f > t) fail("#VALUE!", "from after to");
  const reached = (k: number) => (k === d.order.length ? d.won : d.reached[k]);
  if (reached(f) === 0) fail("#DIV/0!");
  return reached(t) / reached(f);
}
export function BOTTLENECK(stages: unknown, stageOrder: unknown, outcomes?: unknown): string {
  const d = funnelData(stages, stageOrder, null, outcomes);
  const labels = d.order.map(asText);
  const reached = [...d.reached];
  if (!isBlank(outcomes)) {
    labels.push("Won");
    reached.push(d.won);
  }
  let best = -1;
  let bestRate = Infinity;
  for (let i = 1; i < reached.length; i++) {
    if (reached[i - 1] === 0) continue;
    const r = reached[i] / reached[i - 1];
    if (r < bestRate) {
      bestRate = r;
      best = i;
    }
  }
  if (best < 0) fail("#N/A");
  return `${labels[best - 1]} → ${labels[best]}`;
}
export function WINRATE(outcomes: unknown): number {
  const o = flat(outcomes).map(outcomeOf);
  const won = o.filter((x) => x === "won").length;
  const lost = o.filter((x) => x === "lost").length;
  if (won + lost === 0) fail("#DIV/0!");
  return won / (won + lost);
}
export function PIPELINE(
  stages: unknown,
  amounts: unknown,
  stageOrder: unknown,
  probabilities: unknown,
  outcomes?: unknown,
): number {
  const { names, cellIdx } = stageOrderOf(stageOrder);
  const orderCells = flat(stageOrder);
  const pc = flat(probabilities);
  let probCells: unknown[];
  if (pc.length === orderCells.length) probCells = cellIdx.map((i) => pc[i]);
  else if (pc.length === names.length) probCells = pc;
  else return fail("#VALUE!", "probabilities count");
  const probs = probCells.map((p) => {
    if (isErr(p)) fail("#VALUE!", "error cell");
    if (isBlank(p)) fail("#VALUE!", "blank probability");
    const x = parseNum(p);
    if (x === null) fail("#VALUE!", "probability");
    if ((x as number) < 0 || (x as number) > 1) fail("#NUM!", "probability");
    return x as number;
  });
  const st = flat(stages);
  const am = flat(amounts);
  const oc = isBlank(outcomes) ? null : flat(outcomes);
  if (am.length !== st.length || (oc && oc.length !== st.length)) fail("#VALUE!", "sizes");
  for (const c of st) if (isErr(c)) fail("#VALUE!", "error cell");
  const amt = am.map((c) => {
    if (isErr(c)) fail("#VALUE!", "error cell");
    if (isBlank(c)) return 0;
    const x = parseNum(c);
    return x === null ? fail("#VALUE!", "amount") : x;
  });
  const outs = oc ? oc.map(outcomeOf) : null;
  let sum = 0;
  st.forEach((s, i) => {
    if (outs && outs[i] !== "open") return;
    if (isTextBlank(s)) return;
    const k = names.findIndex((nm) => textEq(nm, s));
    if (k < 0) return;
    sum += amt[i] * probs[k];
  });
  return sum;
}

// ---------- §5 targets ----------

const PERIODS: Record<string, string[]> = {
  M: ["m", "month", "月", "月度"],
  Q: ["q", "quarter", "季", "季度"],
  W: ["w", "week", "周"],
};
const pad = (n: number) => String(n).padStart(2, "0");
export interface PlanResult {
  header: string[];
  labels: string[];
  periodUnits: bigint[];
  ownerUnits: bigint[] | null;
  ownerNames: unknown[];
  decimals: number;
  totalUnits: bigint;
}
/** The deterministic part of TARGETPLAN; the owner matrix is only constrained, so it is checked by properties. */
export function TARGETPLAN_PARTS(
  total: unknown,
  startDate: unknown,
  period?: unknown,
  seasonality?: unknown,
  owners?: unknown,
  ownerWeights?: unknown,
  decimals?: unknown,
  holidays?: unknown,
): PlanResult {
  scalarCheck(total);
  scalarCheck(startDate);
  scalarCheck(period);
  const t = isBlank(total) ? 0 : parseNum(total);
  if (t === null) fail("#VALUE!", "total");
  if (isBlank(startDate)) fail("#VALUE!", "start");
  const sd = parseDate(startDate);
  if (sd === null) fail("#VALUE!", "start");
  let p = "M";
  if (!isTextBlank(period)) {
    const n = norm(asText(period));
    const hit = Object.entries(PERIODS).find(([, al]) => al.includes(n));
    if (!hit) fail("#VALUE!", "period");
    p = (hit as [string, string[]])[0];
  }
  let monthly: Frac[];
  if (isBlank(seasonality) || (Array.isArray(seasonality) && flat(seasonality).every((c) => c === null))) {
    monthly = Array(12).fill([1n, 1n]);
  } else {
    const w = weightFracs(flat(seasonality));
    if (w.length === 12) monthly = w;
    else if (w.length === 4) monthly = w.flatMap((q) => [q, q, q]);
    else return fail("#VALUE!", "seasonality");
  }
  const ownerNames: unknown[] = [];
  let ownerW: Frac[] | null = null;
  if (!(isBlank(owners) || (Array.isArray(owners) && flat(owners).every(isTextBlank)))) {
    const oc = flat(owners);
    const idx: number[] = [];
    oc.forEach((c, i) => {
      if (isErr(c)) fail("#VALUE!", "error cell");
      if (isTextBlank(c)) return;
      if (ownerNames.some((o) => textEq(o, c))) fail("#VALUE!", "duplicate owner");
      ownerNames.push(c);
      idx.push(i);
    });
    if (isBlank(ownerWeights)) ownerW = ownerNames.map(() => [1n, 1n] as Frac);
    else {
      const wc = flat(ownerWeights);
      let cells: unknown[];
      if (wc.length === oc.length) cells = idx.map((i) => wc[i]);
      else if (wc.length === ownerNames.length) cells = wc;
      else return fail("#VALUE!", "owner_weights count");
      ownerW = weightFracs(cells);
    }
  }
  const d = decimalsArg(decimals);
  const hol = new Set<number>();
  if (!isBlank(holidays)) {
    for (const h of flat(holidays)) {
      if (isErr(h)) fail("#VALUE!", "error cell");
      if (isBlank(h)) continue;
      const x = parseDate(h);
      if (x === null) fail("#VALUE!", "holiday");
      hol.add(x as number);
    }
  }
  const T = toUnits(t as number, d);
  const monthUnits = splitUnits(T, monthly);
  const [y0, m0] = ymdOf(sd as number);
  const months = Array.from({ length: 12 }, (_, i) => {
    const y = y0 + Math.floor((m0 - 1 + i) / 12);
    const m = ((m0 - 1 + i) % 12) + 1;
    return { y, m, first: serialOf(y, m, 1), next: serialOf(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) };
  });
  let labels: string[];
  let periodUnits: bigint[];
  if (p === "M") {
    labels = months.map((mo) => `${mo.y}-${pad(mo.m)}`);
    periodUnits = monthUnits;
  } else if (p === "Q") {
    labels = ["Q1", "Q2", "Q3", "Q4"];
    periodUnits = [0, 1, 2, 3].map((q) => monthUnits[3 * q] + monthUnits[3 * q + 1] + monthUnits[3 * q + 2]);
  } else {
    const weeks = new Map<number, bigint>();
    // serial s: weekday via Date; Monday of its week
    const mondayOf = (s: number) => s - ((new Date((s - 25569) * DAY).getUTCDay() + 6) % 7);
    months.forEach((mo, i) => {
      const days: number[] = [];
      for (let s = mo.first; s < mo.next; s++) {
        const wd = new Date((s - 25569) * DAY).getUTCDay();
        if (wd >= 1 && wd <= 5 && !hol.has(s)) days.push(s);
      }
      const use = days.length > 0 ? days : Array.from({ length: mo.next - mo.first }, (_, k) => mo.first + k);
      const wk: number[] = [];
      const cnt: bigint[] = [];
      for (const s of use) {
        const mon = mondayOf(s);
        const j = wk.indexOf(mon);
        if (j < 0) {
          wk.push(mon);
          cnt.push(1n);
        } else cnt[j] += 1n;
      }
      const parts = splitUnits(
        monthUnits[i],
        cnt.map((c) => [c, 1n] as Frac),
      );
      wk.forEach((mon, j) => weeks.set(mon, (weeks.get(mon) ?? 0n) + parts[j]));
    });
    const keys = [...weeks.keys()].sort((a, b) => a - b);
    labels = keys.map((k) => {
      const [y, m, dd] = ymdOf(k);
      return `${y}-${pad(m)}-${pad(dd)}`;
    });
    periodUnits = keys.map((k) => weeks.get(k) as bigint);
  }
  const ownerUnits = ownerW ? splitUnits(T, ownerW) : null;
  const header = ownerW ? ["Period", ...ownerNames.map(asText), "Total"] : ["Period", "Target"];
  return { header, labels, periodUnits, ownerUnits, ownerNames, decimals: d, totalUnits: T };
}
/** TARGETPLAN without owners (fully determined by the spec). */
export function TARGETPLAN(...args: Parameters<typeof TARGETPLAN_PARTS>): any[][] {
  const r = TARGETPLAN_PARTS(...args);
  if (r.ownerUnits) throw new Error("owner matrix is not unique: use TARGETPLAN_PARTS and check properties");
  return [
    r.header,
    ...r.labels.map((l, i) => [l, fromUnits(r.periodUnits[i], r.decimals)]),
    ["Total", fromUnits(r.totalUnits, r.decimals)],
  ];
}
export { fromUnits as unitsToNumber };

export function ACTIVITYPLAN(
  revenue: unknown,
  avgDeal: unknown,
  conversions: unknown,
  periods?: unknown,
  owners?: unknown,
): any[][] {
  scalarCheck(revenue);
  scalarCheck(avgDeal);
  // No precedence between faults in the spec; checked in argument order, each cell parsed then range-checked.
  // a blank argument is 0, as Excel passes an empty cell (then a blank deal size is #NUM!)
  const R = isBlank(revenue) ? 0 : parseNum(revenue);
  if (R === null) fail("#VALUE!", "revenue");
  if ((R as number) < 0) fail("#NUM!", "revenue");
  const A = isBlank(avgDeal) ? 0 : parseNum(avgDeal);
  if (A === null) fail("#VALUE!", "deal size");
  if ((A as number) <= 0) fail("#NUM!", "deal size");
  const rates = flat(conversions).map((c) => {
    if (isErr(c)) fail("#VALUE!", "error cell");
    const x = isBlank(c) ? 0 : parseNum(c);
    if (x === null) fail("#VALUE!", "rate");
    if (!((x as number) > 0 && (x as number) <= 1)) fail("#NUM!", "rate");
    return x as number;
  });
  const p = optNum(periods, 1);
  const o = optNum(owners, 1);
  if (!Number.isInteger(p) || p < 1 || !Number.isInteger(o) || o < 1) fail("#NUM!", "periods/owners");
  const [rn, rd] = fracOfDecimal(R as number);
  const [an, ad] = fracOfDecimal(A as number);
  let need = ceilDiv(rn * ad, rd * an);
  const out: bigint[] = [need];
  for (let i = rates.length - 1; i >= 0; i--) {
    const [n, d] = fracOfDecimal(rates[i]);
    need = ceilDiv(need * d, n);
    out.unshift(need);
  }
  const div = BigInt(p * o);
  return out.map((x) => [Number(ceilDiv(x, div))]);
}

export function COMMISSION(amounts: unknown[][], tiers: unknown[][], method?: unknown): any[][] {
  // The spec gives no precedence between faults; like the engine, tiers are checked row by row before method.
  if (!Array.isArray(tiers) || tiers.length === 0 || tiers[0].length !== 2) fail("#VALUE!", "tiers width");
  const ts: [number, number][] = [];
  tiers.forEach((row, i) => {
    const [t, r] = row;
    if (isErr(t) || isErr(r)) fail("#VALUE!", "error cell");
    if (isBlank(t) && isBlank(r)) return;
    const tn = parseNum(t);
    if (i === 0 && tn === null) return;
    const rn = parseNum(r);
    if (tn === null || rn === null) fail("#VALUE!", "tier");
    if ((tn as number) < 0 || (rn as number) < 0) fail("#NUM!", "tier");
    if (ts.length > 0 && !((tn as number) > ts[ts.length - 1][0])) fail("#VALUE!", "ascending");
    ts.push([tn as number, rn as number]);
  });
  if (ts.length === 0) fail("#VALUE!", "no tiers");
  scalarCheck(method);
  let flatMethod = false;
  if (!isTextBlank(method)) {
    const n = norm(asText(method));
    if (["marginal", "progressive", "累进"].includes(n)) flatMethod = false;
    else if (["flat", "全额"].includes(n)) flatMethod = true;
    else fail("#VALUE!", "method");
  }
  const earn = (a: number): number => {
    if (flatMethod) {
      let rate = 0;
      for (const [t, r] of ts) if (a >= t) rate = r;
      return a * rate;
    }
    let s = 0;
    ts.forEach(([t, r], i) => {
      const hi = i + 1 < ts.length ? Math.min(a, ts[i + 1][0]) : a;
      if (hi > t) s += (hi - t) * r;
    });
    return s;
  };
  return amounts.map((row) =>
    row.map((c) => {
      if (isErr(c)) return { code: errCode(c) };
      const a = isBlank(c) ? 0 : parseNum(c);
      if (a === null) return { code: "#VALUE!" };
      return a < 0 ? -earn(-a) : earn(a);
    }),
  );
}

export function RUNRATE(actual: unknown, start: unknown, end: unknown, asOf?: unknown): number {
  scalarCheck(actual);
  scalarCheck(start);
  scalarCheck(end);
  const a = isBlank(actual) ? 0 : parseNum(actual);
  if (a === null) fail("#VALUE!", "actual");
  const s = parseDate(start);
  const e = parseDate(end);
  if (s === null || e === null || isBlank(start) || isBlank(end)) fail("#VALUE!", "dates");
  const t = asOfArg(asOf);
  if ((e as number) < (s as number)) fail("#VALUE!", "end before start");
  if (t < (s as number)) fail("#N/A");
  const total = (e as number) - (s as number) + 1;
  const elapsed = Math.min(t, e as number) - (s as number) + 1;
  return ((a as number) * total) / elapsed;
}

// re-exported for tests that want exact arithmetic
export const exact = { toUnits, splitUnits, fracOfDouble, floorDiv, ceilDiv };
