/** Display helpers shared by pages. Money formatting lives in ~/utils/money. */
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** An instant (ISO string or Date) for display, in UTC so server and browser render the same text. */
export function formatInstant(value: string | Date): string {
  return `${dateTime.format(new Date(value))} UTC`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A legal calendar date "YYYY-MM-DD" as "Jun 1, 2025" — never through Date, so no time zone can move it. */
export function formatLegalDate(value: string | null | undefined): string {
  if (!value) return "—";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  return `${MONTHS[Number(match[2]) - 1]} ${Number(match[3])}, ${match[1]}`;
}

export function humanise(value: string): string {
  const spaced = value.replace(/_/g, " ").replace(/-/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
