/**
 * Decimal rounding as Excel does it: on the number's 15-significant-digit decimal form, so ROUND(2.675, 2)
 * is 2.68 and ROUNDUP(0.1+0.2, 1) is 0.3 (binary floating point alone would give 2.67 and 0.4).
 */
export type RoundMode = "near" | "up" | "down";

/** Rounds to `digits` decimals (negative: tens, hundreds …); "near" is half away from zero. */
export function roundDecimal(x: number, digits: number, mode: RoundMode): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const [mantissa, exponent] = Math.abs(x).toExponential(14).split("e");
  const significant = mantissa.replace(".", "");
  const e = Number(exponent);
  const keep = e + 1 + digits;
  if (keep >= 15) return x;
  const pow = (n: number) => 10 ** n;
  if (keep < 0) return mode === "up" ? sign * pow(-digits) : 0;
  const head = keep === 0 ? 0 : Number(significant.slice(0, keep));
  const tail = significant.slice(keep);
  const bump = mode === "near" ? tail[0] >= "5" : mode === "up" ? /[1-9]/.test(tail) : false;
  const n = head + (bump ? 1 : 0);
  const result = digits > 0 ? n / pow(digits) : n * pow(-digits);
  return sign * result;
}
