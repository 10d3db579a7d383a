import DecimalBase from "decimal.js";

/**
 * Exact decimal arithmetic for money, rates and index values.
 *
 * One configured clone for the whole application: 50 significant digits (far more than any
 * amount of money needs, so intermediate results of divisions and fractional powers are exact to
 * well below a millionth of a cent) and half-up rounding, the rounding people expect on paper.
 * Never use JavaScript numbers for money: the database stores integer cents, the JSON contract
 * uses decimal strings in dollars ("250000.00"), and everything in between is a `Decimal`.
 */
export const Decimal = DecimalBase.clone({
  precision: 50,
  rounding: DecimalBase.ROUND_HALF_UP,
  // Never switch to exponential notation in toString().
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Decimal = DecimalBase;

/** Anything we accept where a decimal value is expected (never a JS number for money). */
export type DecimalInput = string | Decimal;

/** A plain decimal literal: optional minus, digits, optional fraction. No exponent, no "+", no spaces. */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

export class InvalidDecimalError extends Error {
  constructor(text: string) {
    super(`Not a plain decimal string: ${JSON.stringify(text)} (expected e.g. "250000.00" or "-3.5")`);
    this.name = "InvalidDecimalError";
  }
}

/** True when `text` is a plain decimal literal such as "250000.00" or "-3.5" ("1e5", "1.", ".5" are not). */
export function isDecimalString(text: string): boolean {
  return DECIMAL_PATTERN.test(text);
}

/** Parses a plain decimal string strictly (see `DECIMAL_PATTERN`); throws `InvalidDecimalError` otherwise. */
export function parseDecimal(text: string): Decimal {
  if (typeof text !== "string" || !DECIMAL_PATTERN.test(text)) throw new InvalidDecimalError(String(text));
  return new Decimal(text);
}

/** Parses a dollar amount such as "250000.00" or "-3.5"; strict like `parseDecimal`. */
export function parseDollars(text: string): Decimal {
  return parseDecimal(text);
}

function toDecimal(value: DecimalInput): Decimal {
  return typeof value === "string" ? parseDecimal(value) : value;
}

/** A decimal string that already has at most two decimals: formatted by string operations alone. */
const CENT_STRING_PATTERN = /^(-?)0*(\d+?)(?:\.(\d{1,2}))?$/;

function centStringFastPath(text: string): string | null {
  const match = CENT_STRING_PATTERN.exec(text);
  if (!match) return null;
  const digits = match[2]!;
  const fraction = (match[3] ?? "").padEnd(2, "0");
  if (digits === "0" && fraction === "00") return "0.00";
  return `${match[1]}${digits}.${fraction}`;
}

/** Rounds half-up to the cent and formats with exactly two decimals: "1234.5" -> "1234.50". Never "-0.00". */
export function toMoneyString(value: DecimalInput): string {
  if (typeof value === "string") {
    const fast = centStringFastPath(value);
    if (fast !== null) return fast;
  }
  // toFixed rounds (half-up here) in one step; it is on the hot path of the portfolio revaluation.
  const fixed = toDecimal(value).toFixed(2, Decimal.ROUND_HALF_UP);
  return fixed === "-0.00" ? "0.00" : fixed;
}

/** Integer cents (as stored in the database) -> Decimal dollars. Throws on a non-integer. */
export function centsToDecimal(cents: number | bigint): Decimal {
  if (typeof cents === "number" && !Number.isSafeInteger(cents)) {
    throw new RangeError(`Cents must be a safe integer, got ${cents}`);
  }
  return new Decimal(cents.toString()).div(100);
}

/** Integer cents -> two-decimal dollar string: 123450 -> "1234.50" (integer arithmetic only). */
export function centsToString(cents: number | bigint): string {
  if (typeof cents === "number" && !Number.isSafeInteger(cents)) {
    throw new RangeError(`Cents must be a safe integer, got ${cents}`);
  }
  const negative = cents < 0;
  const digits = (negative ? -BigInt(cents) : BigInt(cents)).toString().padStart(3, "0");
  const text = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return negative ? `-${text}` : text;
}

/**
 * Two-decimal dollar string -> integer cents, exactly: "1234.50" -> 123450. Accepts 0–2 decimals;
 * throws on more (use `toCents` to round) or on an amount beyond the safe-integer range.
 */
export function stringToCents(text: string): number {
  const normalised = centStringFastPath(text);
  if (normalised === null) throw new InvalidDecimalError(text);
  const cents = Number(normalised.replace(".", ""));
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Amount out of range for cents: ${text}`);
  return cents === 0 ? 0 : cents;
}

/**
 * Dollars -> integer cents for the database. A value with more than two decimals is rounded
 * half-up to the cent (the caller has already applied any lease rounding). Throws when the
 * result would not be a safe integer.
 */
export function toCents(value: DecimalInput): number {
  const cents = toDecimal(value).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const asNumber = cents.toNumber();
  if (!Number.isSafeInteger(asNumber)) throw new RangeError(`Amount out of range for cents: ${cents.toString()}`);
  return asNumber === 0 ? 0 : asNumber; // never -0
}

/** Inserts thousands separators into a string of digits. */
function groupThousands(digits: string): string {
  const firstGroup = digits.length % 3 || 3;
  let out = digits.slice(0, firstGroup);
  for (let i = firstGroup; i < digits.length; i += 3) out += "," + digits.slice(i, i + 3);
  return out;
}

/** US dollar display: "1234.5" -> "$1,234.50", "-3.5" -> "-$3.50". Rounds half-up to the cent. */
export function formatUsd(value: DecimalInput): string {
  const fixed = toMoneyString(value);
  const negative = fixed.startsWith("-");
  const unsigned = negative ? fixed.slice(1) : fixed;
  const dot = unsigned.indexOf(".");
  return `${negative ? "-" : ""}$${groupThousands(unsigned.slice(0, dot))}${unsigned.slice(dot)}`;
}

/** Whole US dollars for averages in reports: "1234.5" -> "$1,235", "-3.5" -> "-$4" (half up, once). */
export function formatWholeUsd(value: DecimalInput): string {
  const fixed = (typeof value === "string" ? parseDecimal(value) : value).toFixed(0);
  const negative = fixed.startsWith("-");
  return `${negative ? "-" : ""}$${groupThousands(negative ? fixed.slice(1) : fixed)}`;
}

/**
 * A stored decimal (an index value) as people read it: thousands separated, every digit kept as stored, no
 * rounding: "1234.5" -> "1,234.5", "-98000" -> "-98,000". For display only; text that is not a plain decimal is
 * returned as it is.
 */
export function formatDecimal(value: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(value);
  if (!match) return value;
  return `${match[1]}${groupThousands(match[2]!)}${match[3] ?? ""}`;
}

/** A rate as a percentage without trailing zeros: "0.015" -> "1.5%", "0.3" -> "30%". */
export function formatPercent(rate: DecimalInput): string {
  if (typeof rate !== "string") return `${rate.times(100).toFixed()}%`;
  let text = percentCache.get(rate);
  if (text === undefined) {
    text = `${parseDecimal(rate).times(100).toFixed()}%`;
    if (percentCache.size > 1_000) percentCache.clear();
    percentCache.set(rate, text);
  }
  return text;
}

const percentCache = new Map<string, string>();

/** A rate as a percentage number for a form field, exactly: "0.015" -> "1.5", "0.3" -> "30". */
export function rateToPercent(rate: string): string {
  return parseDecimal(rate).times(100).toFixed();
}
