/** Display helpers shared by pages. Money formatting lives in ~/utils/money; calendar dates on a screen: formatScreenDate in ~/utils/calendar-date. */
const dateTimes = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant (ISO string or Date) for display in the trust's time zone, with the zone's abbreviation:
 * "Dec 1, 2026, 3:11 PM EST". The zone is explicit, so the server and the browser render the same text. Pages get
 * the trust's zone from `useFormatInstant` (~/components/instant).
 */
export function formatInstant(value: string | Date, timeZone: string): string {
  let format = dateTimes.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone });
    dateTimes.set(timeZone, format);
  }
  return format.format(new Date(value));
}

export function humanise(value: string): string {
  const spaced = value.replace(/_/g, " ").replace(/-/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
