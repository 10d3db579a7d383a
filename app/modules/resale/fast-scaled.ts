/**
 * Scaled-BigInt decimals for the resale engine's fast path (fast-path.ts).
 *
 * A `Scaled` is the exact value `c × 10^−s` (`c` a BigInt, `s` the number of decimals, negative
 * for multiples of 10, 100, …). The operations reproduce, digit for digit, what the application's
 * decimal.js clone (`~/utils/money`: precision 50, ROUND_HALF_UP) returns for the same operands:
 * the exact result when it has at most 50 significant digits, otherwise the exact result
 * correctly rounded half-up (away from zero) to 50 significant digits — which is what decimal.js
 * guarantees for plus, minus, times and div. fast-scaled.test.ts checks every operation against
 * decimal.js on random operands of all sizes.
 *
 * No JavaScript floating point is involved: values are BigInts; the only `number`s are decimal
 * counts, digit counts and (in fast-path.ts) integer cents within the safe-integer range.
 */

export type Scaled = { readonly c: bigint; readonly s: number };

/** Significant digits of the application's Decimal clone (money.ts). */
export const PRECISION = 50;

const POW10: bigint[] = [1n];
for (let i = 1; i <= 400; i++) POW10.push(POW10[i - 1]! * 10n);

/** 10^n for n ≥ 0. */
export function pow10(n: number): bigint {
  return n < POW10.length ? POW10[n]! : 10n ** BigInt(n);
}

const LIMIT = POW10[PRECISION]!;
/** HALF[n] = 10^n / 2 (n ≥ 1): adding it before dividing by 10^n rounds half-up. */
const HALF: bigint[] = POW10.map((p) => p / 2n);

export const ZERO: Scaled = { c: 0n, s: 0 };

/** Number of decimal digits of a positive BigInt (binary search on powers of ten, no floats). */
export function digitCount(abs: bigint): number {
  if (abs >= POW10[POW10.length - 1]!) return abs.toString().length;
  // smallest d with abs < 10^d
  let lo = 1;
  let hi = POW10.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (abs < POW10[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `c × 10^−s` rounded half-up to PRECISION significant digits (a no-op for short coefficients). */
export function fit(c: bigint, s: number): Scaled {
  const abs = c < 0n ? -c : c;
  if (abs < LIMIT) return { c, s };
  const drop = digitCount(abs) - PRECISION;
  const p = pow10(drop);
  let q = abs / p;
  if (2n * (abs - q * p) >= p) q += 1n;
  return { c: c < 0n ? -q : q, s: s - drop };
}

/** Parses a plain decimal string ("-12.340", validated by the contract) exactly, without rounding. */
export function parseScaled(text: string): Scaled {
  const dot = text.indexOf(".");
  if (dot < 0) return { c: BigInt(text), s: 0 };
  return { c: BigInt(text.slice(0, dot) + text.slice(dot + 1)), s: text.length - dot - 1 };
}

/** An exact value from integer cents. */
export function fromCents(cents: number): Scaled {
  return { c: BigInt(cents), s: 2 };
}

function align(a: Scaled, b: Scaled): [bigint, bigint, number] {
  if (a.s === b.s) return [a.c, b.c, a.s];
  return a.s > b.s ? [a.c, b.c * pow10(a.s - b.s), a.s] : [a.c * pow10(b.s - a.s), b.c, b.s];
}

/** Decimal#plus. */
export function add(a: Scaled, b: Scaled): Scaled {
  if (b.c === 0n) return fit(a.c, a.s);
  if (a.c === 0n) return fit(b.c, b.s);
  const [x, y, s] = align(a, b);
  return fit(x + y, s);
}

/** Decimal#minus. */
export function sub(a: Scaled, b: Scaled): Scaled {
  return add(a, { c: -b.c, s: b.s });
}

/** Decimal#times. */
export function mul(a: Scaled, b: Scaled): Scaled {
  return fit(a.c * b.c, a.s + b.s);
}

/** Decimal#times with a whole number (as `decimal.times(n)` with a JS integer). */
export function mulInt(a: Scaled, n: number): Scaled {
  return fit(a.c * BigInt(n), a.s);
}

/** Decimal#div: the quotient correctly rounded half-up to PRECISION significant digits. `b` ≠ 0. */
export function div(a: Scaled, b: Scaled): Scaled {
  if (b.c === 0n) throw new RangeError("Division by zero");
  if (a.c === 0n) return ZERO;
  const negative = a.c < 0n !== b.c < 0n;
  const x = a.c < 0n ? -a.c : a.c;
  const y = b.c < 0n ? -b.c : b.c;
  // Scale the dividend so that the integer quotient has at least PRECISION + 1 digits:
  // x ≥ 10^(dx−1) and y < 10^dy give x·10^k / y > 10^(dx−1+k−dy) ≥ 10^PRECISION.
  const k = Math.max(0, PRECISION + 1 - digitCount(x) + digitCount(y));
  const q = (x * pow10(k)) / y;
  // Round at PRECISION digits: up iff the dropped digits are at least half. The remainder of the
  // division only matters at an exact half, where half-up rounds up whether or not it is zero.
  const drop = digitCount(q) - PRECISION;
  const p = pow10(drop);
  let c = q / p;
  if (2n * (q - c * p) >= p) c += 1n;
  return { c: negative ? -c : c, s: a.s - b.s + k - drop };
}

/** Negative, zero or positive as a < b, a = b, a > b. */
export function compare(a: Scaled, b: Scaled): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The value rounded to `places` decimals (places ≤ s) as an integer count of 10^−places:
 * "half-up" rounds ties away from zero (Decimal.ROUND_HALF_UP), "floor" towards −∞.
 */
export function roundToPlaces(a: Scaled, places: number, mode: "half-up" | "floor"): bigint {
  if (a.s <= places) return a.c * pow10(places - a.s);
  const drop = a.s - places;
  const p = pow10(drop);
  if (a.c >= 0n) return mode === "half-up" ? (a.c + HALF[drop]!) / p : a.c / p;
  // Negative: half-up rounds the magnitude; floor moves away from zero unless exact.
  const abs = -a.c;
  if (mode === "half-up") return -((abs + HALF[drop]!) / p);
  const q = abs / p;
  return q * p === abs ? -q : -q - 1n;
}

/** True when the value has more than `places` decimals (trailing zeros do not count). */
export function hasMoreDecimalsThan(a: Scaled, places: number): boolean {
  return a.s > places && a.c % pow10(a.s - places) !== 0n;
}

/** Decimal#decimalPlaces: decimals without trailing zeros (0 for whole numbers). */
export function decimalPlaces(a: Scaled): number {
  if (a.c === 0n || a.s <= 0) return 0;
  let c = a.c;
  let s = a.s;
  while (s > 0 && c % 10n === 0n) {
    c /= 10n;
    s -= 1;
  }
  return s;
}

/** Decimal#toFixed(places, ROUND_DOWN) (truncation towards zero), for places ≥ 1. */
export function toFixedDown(a: Scaled, places: number): string {
  const negative = a.c < 0n;
  const abs = negative ? -a.c : a.c;
  const units = a.s <= places ? abs * pow10(places - a.s) : abs / pow10(a.s - places);
  const digits = units.toString().padStart(places + 1, "0");
  const text = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}
