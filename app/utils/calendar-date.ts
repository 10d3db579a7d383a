/**
 * Calendar dates — the one module for legal dates in Commonground (decision record 004).
 *
 * A legal date (acquisition, purchase, certification, lease execution, commencement and expiry, recording…)
 * is a day on the calendar, written `YYYY-MM-DD`, not an instant: it never goes through `Date`, so no time zone
 * can move it by a day. Pure functions on strings and integers; the only clock is `todayIn`, which takes the
 * instant as a parameter (default: now).
 *
 * Rules:
 * - **Valid**: `YYYY-MM-DD`, a real day (2024-02-29 yes, 2023-02-29 no), year MIN_YEAR…MAX_YEAR.
 * - **Adding** months or years keeps the day of the month; when the target month lacks that day (31 April,
 *   29 February in a common year) the result is the first day of the following month — the day the
 *   month or year is complete. So 2020-02-29 + 1 year = 2021-03-01 and 2025-01-31 + 1 month = 2025-03-01,
 *   and `fullMonthsBetween(d, addMonths(d, n)) === n` for every date d.
 * - **Full months** between two dates: a month is complete when the same day of the month is reached again
 *   (Jan 31 → Feb 28 = 0, Jan 31 → Mar 1 = 1). Full years = floor(full months / 12), so a year that starts
 *   on 29 February is complete on 1 March of a common year.
 * - **Today** is the trust's local date: `todayIn(organisation.timeZone)`.
 */

export type CalendarDate = { year: number; month: number; day: number };

/** The range of years a legal date may fall in: from the oldest deed a trust may hold to beyond any renewed 99-year term. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2999;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** "YYYY-MM-DD" → parts; null when it is not a real calendar date in MIN_YEAR…MAX_YEAR. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True when `text` is a real calendar date written `YYYY-MM-DD` in MIN_YEAR…MAX_YEAR. */
export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== null;
}

/** Parts → "YYYY-MM-DD". */
export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function requireDate(text: string): CalendarDate {
  const date = parseCalendarDate(text);
  if (!date) throw new RangeError(`Expected a calendar date YYYY-MM-DD (years ${MIN_YEAR}–${MAX_YEAR}), got "${text}"`);
  return date;
}

/** Negative, zero or positive as `a` is before, equal to or after `b` (string order is calendar order). */
export function compareCalendarDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later (or earlier) of two dates. */
export function latestDate(a: string, b: string): string {
  return a >= b ? a : b;
}

function dayNumber({ year, month, day }: CalendarDate): number {
  return dayNumberOf(year, month, day);
}

/**
 * Days since 0000-03-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil) of a date given by
 * its parts: consecutive days differ by one (for arithmetic on many dates at once, as the lease-fee ledger's fast
 * path does; no object per date).
 */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}

function fromDayNumber(n: number): CalendarDate {
  const era = Math.floor(n / 146097);
  const doe = n - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function checked(date: CalendarDate): string {
  const text = formatCalendarDate(date);
  if (date.year < MIN_YEAR || date.year > MAX_YEAR) throw new RangeError(`The date ${text} is outside the years ${MIN_YEAR}–${MAX_YEAR}`);
  return text;
}

/** `date` plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number, got ${days}`);
  return checked(fromDayNumber(dayNumber(requireDate(date)) + days));
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(requireDate(to)) - dayNumber(requireDate(from));
}

/**
 * `date` plus `months` (negative to go back), keeping the day of the month; when the target month lacks
 * that day, the first day of the month after it (2025-01-31 + 1 month = 2025-03-01).
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be a whole number, got ${months}`);
  const start = requireDate(date);
  const index = start.year * 12 + (start.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (start.day <= daysInMonth(year, month)) return checked({ year, month, day: start.day });
  return checked(month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 });
}

/** `date` plus `years`: the anniversary. 29 February + 1 year = 1 March (the day the year is complete). */
export function addYears(date: string, years: number): string {
  if (!Number.isInteger(years)) throw new RangeError(`Years must be a whole number, got ${years}`);
  return addMonths(date, years * 12);
}

/**
 * Full calendar months from `from` to `to`: a month is complete when the same day of the month is
 * reached again. Jan 31 → Feb 28 (or 29) = 0, Jan 31 → Mar 1 = 1, Jan 15 → Feb 15 = 1.
 * Negative when `to` is before `from`.
 */
export function fullMonthsBetween(from: string, to: string): number {
  if (to < from) return -fullMonthsBetween(to, from);
  const a = requireDate(from);
  const b = requireDate(to);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  return b.day < a.day ? months - 1 : months;
}

/** Full years from `from` to `to` (anniversary reached): floor(full months / 12); negative when `to` is earlier. */
export function fullYearsBetween(from: string, to: string): number {
  const months = fullMonthsBetween(from, to);
  return months >= 0 ? Math.floor(months / 12) : -Math.floor(-months / 12);
}

const LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** For legal prose: "2034-01-15" → "January 15, 2034". Throws on anything that is not a calendar date. Documents write it as
 * formatLegalDate (~/modules/documents/format); screens use formatScreenDate. */
export function formatLegalProse(date: string): string {
  const { year, month, day } = requireDate(date);
  return `${LONG_MONTHS[month - 1]} ${day}, ${year}`;
}

/** For screens: "2025-06-01" → "Jun 1, 2025"; empty → "—"; text that is not a date is shown as it is. */
export function formatScreenDate(date: string | null | undefined): string {
  if (!date) return "—";
  const parsed = parseCalendarDate(date);
  if (!parsed) return date;
  return `${SHORT_MONTHS[parsed.month - 1]} ${parsed.day}, ${parsed.year}`;
}

/**
 * Text that carries calendar dates as `YYYY-MM-DD` (the resale engine's explanations, the fee ledger's labels,
 * a monitoring event's subject) with each date written as `formatScreenDate` writes it: "Lease fee due 2025-02-01"
 * → "Lease fee due Feb 1, 2025". The screens' counterpart of the documents' `withLegalDates`; digits that are not
 * a real date ("2025-02-30") and dates inside a longer token (a payment reference "ACH-2025-02-01") are left as
 * they are.
 */
export function withScreenDates(text: string): string {
  return text.replace(/(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])/g, (date) => formatScreenDate(date));
}

// ---------------------------------------------------------------------------------------------------------
// Time zones and today
// ---------------------------------------------------------------------------------------------------------

/** The time zone a new trust gets when none is given. */
export const DEFAULT_TIME_ZONE = "America/New_York";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", calendar: "gregory", numberingSystem: "latn" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The canonical IANA name of a time zone ("america/new_york" → "America/New_York"), or null when it is not
 * one the runtime knows. Only region names (with a "/") and "UTC" are accepted, not abbreviations like "EST".
 */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed || (trimmed.toUpperCase() !== "UTC" && !trimmed.includes("/"))) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function isTimeZone(name: string): boolean {
  return canonicalTimeZone(name) !== null;
}

/** Every IANA time zone the runtime knows, for a select (UTC first). */
export function timeZoneNames(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}

/** The calendar date at instant `now` in `timeZone` (an IANA name): the trust's "today". */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = formatterFor(timeZone).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The year of a calendar date, as a number. */
export function yearOf(date: string): number {
  return requireDate(date).year;
}
