import type { ResaleRequest, ResaleResult } from "./contract";
import { fastCalculateResale } from "./fast-path";
import { calculateResaleWithDecimals } from "./fast-reference";

/**
 * The resale formula engine (DOMAIN.md §4). Pure: a validated `ResaleRequest` in, a `ResaleResult`
 * out, no I/O, no clock, exact decimals throughout (50 significant digits), one rounding step at the end.
 *
 * Order of work:
 *   1. formula price  = base (purchase price, or the affordable price for the affordability formula)
 *                       + formula adjustment + improvement credits − deductions   (never below zero)
 *   2. floor          = if the lease has a purchase-price floor, the price is raised to P0
 *   3. caps           = the lowest cap below the price binds (market value wins over the floor)
 *   4. rounding       = once, to the lease's increment ("nearest" half-up, or "down")
 *
 * Decisions on points the issue left open (also in docs/resale-contract.md):
 *   - Elapsed time counts full calendar months: a month is full when the day-of-month is reached
 *     again (Jan 31 → Feb 28 is 0 months, Jan 31 → Mar 1 is 1). A purchase on Feb 29 completes its
 *     year on Mar 1 of a common year. Full years = floor(full months / 12).
 *   - Compound growth with a fractional exponent uses Decimal.pow at 50 significant digits
 *     (ln/exp internally, correctly rounded), which is exact to far below a cent.
 *   - Improvements: only approved ones completed between the purchase date and the valuation date
 *     count. Without an `improvementCredit` on the formula they are credited at cost (100 %, not
 *     depreciated). With one, those below `minimumCost` are excluded, and the credit is
 *     cost × creditRate × remaining life, straight-line over `depreciationYears` (0 = no
 *     depreciation) in full months from completion to the valuation date. For an appraisal formula
 *     with `creditImprovementValue`, listed improvements are not credited again (the appraiser's
 *     improvement value already covers them).
 *   - Ties: a cap binds only when strictly below the price; between equal caps the first listed wins;
 *     the floor applies only when the formula price is strictly below P0.
 *   - Rounding "nearest" never lifts the price above the lowest cap: if it would, the price is
 *     rounded down to the increment instead (the rounding line says so).
 *   - Every line amount is shown rounded to the cent; when the shown adjustment lines do not add up
 *     to the shown formula price a "Rounding of the lines above" line shows the difference. The
 *     final "Rounding" line shows final price − the price before rounding (to the cent).
 */

// ---------------------------------------------------------------------------------------------
// Calendar dates (YYYY-MM-DD), without Date objects so no time zone can move a day
// ---------------------------------------------------------------------------------------------

export type CalendarDate = { year: number; month: number; day: number };

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Parses "YYYY-MM-DD" into integers; null when the text is not a real calendar date (2023-02-29). */
export function parseCalendarDate(text: string): CalendarDate | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== null;
}

/** Negative, zero or positive as `a` is before, equal to or after `b` (both valid YYYY-MM-DD). */
export function compareCalendarDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function requireDate(text: string): CalendarDate {
  const date = parseCalendarDate(text);
  if (!date) throw new RangeError(`Not a calendar date: ${text}`);
  return date;
}

/**
 * Full calendar months from `from` to `to`: a month is complete when the same day-of-month is
 * reached again. Jan 31 → Feb 28 (or 29) = 0, Jan 31 → Mar 1 = 1, Jan 15 → Feb 15 = 1.
 * Negative when `to` is before `from`.
 */
export function fullMonthsBetween(from: string, to: string): number {
  if (to < from) return -fullMonthsBetween(to, from);
  const a = requireDate(from);
  const b = requireDate(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (b.day < a.day) months -= 1;
  return months;
}

/** Full years from `from` to `to` (anniversary reached): floor(full months / 12). */
export function fullYearsBetween(from: string, to: string): number {
  const months = fullMonthsBetween(from, to);
  return months >= 0 ? Math.floor(months / 12) : -Math.floor(-months / 12);
}

// ---------------------------------------------------------------------------------------------
// Engine
// ---------------------------------------------------------------------------------------------

/**
 * Calculates the maximum resale price of one home. `request` must have passed `parseResaleRequest`.
 *
 * Two implementations give byte-identical results: the fast path (fast-path.ts: integer cents
 * and scaled BigInts that reproduce the 50-digit Decimal operations exactly) covers every request
 * whose amounts fit in safe-integer cents, and anything else goes to the straightforward Decimal
 * implementation (fast-reference.ts). fast-path.test.ts compares the two on random requests.
 */
export function calculateResale(request: ResaleRequest): ResaleResult {
  return fastCalculateResale(request) ?? calculateResaleWithDecimals(request);
}
