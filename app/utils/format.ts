/** Display helpers shared by pages. Money formatting lives in ~/utils/money; calendar dates on a screen: formatScreenDate in ~/utils/calendar-date. */
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** An instant (ISO string or Date) for display, in UTC so server and browser render the same text. */
export function formatInstant(value: string | Date): string {
  return `${dateTime.format(new Date(value))} UTC`;
}

export function humanise(value: string): string {
  const spaced = value.replace(/_/g, " ").replace(/-/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
