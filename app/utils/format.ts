import { formatScreenDate } from "./calendar-date";

/** Display helpers shared by pages. Money formatting lives in ~/utils/money. */
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** An instant (ISO string or Date) for display, in UTC so server and browser render the same text. */
export function formatInstant(value: string | Date): string {
  return `${dateTime.format(new Date(value))} UTC`;
}

/** A legal calendar date "YYYY-MM-DD" on a screen: "Jun 1, 2025" (~/utils/calendar-date, never through Date). */
export const formatLegalDate = formatScreenDate;

export function humanise(value: string): string {
  const spaced = value.replace(/_/g, " ").replace(/-/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
