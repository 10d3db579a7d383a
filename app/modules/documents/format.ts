import { formatLegalProse, isCalendarDate } from "~/utils/calendar-date";
import { centsToString, formatUsd, isDecimalString } from "~/utils/money";

/**
 * How documents (PDFs and letters) write dates, amounts and names. Pure and client-safe, so a page that
 * previews a document's wording can use the same text.
 */

/** "2025-01-01" → "January 1, 2025" (~/utils/calendar-date: never through a Date, so no time zone can shift it). */
export const formatLegalDate = formatLegalProse;

/**
 * Text that carries calendar dates as `YYYY-MM-DD` (the resale engine's explanations, the fee ledger's labels)
 * with each date written as `formatLegalDate` writes it: "due 2025-02-01" → "due February 1, 2025". Digits that
 * are not a real date ("2025-02-30") are left as they are.
 */
export function withLegalDates(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => (isCalendarDate(date) ? formatLegalDate(date) : date));
}

/** Integer cents → "$1,234.56". Throws a RangeError on a fraction of a cent. */
export function formatCents(cents: number): string {
  return formatUsd(centsToString(cents));
}

/** A decimal string ("245000", "-1200.5") → "$245,000.00" / "-$1,200.50"; anything else is shown as given. */
export function formatMoney(amount: string): string {
  const trimmed = amount.trim();
  return isDecimalString(trimmed) ? formatUsd(trimmed) : trimmed;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
