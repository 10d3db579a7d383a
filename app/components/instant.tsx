import { useRouteLoaderData } from "@remix-run/react";
import { formatInstant } from "~/utils/format";

/**
 * `formatInstant` in the signed-in trust's time zone (from the root loader), for pages that show when something
 * happened: "Dec 1, 2026, 3:11 PM EST". Signed out, instants are shown in UTC.
 */
export function useFormatInstant(): (value: string | Date) => string {
  const timeZone = useRouteLoaderData<{ user: { timeZone: string } | null }>("root")?.user?.timeZone ?? "UTC";
  return (value) => formatInstant(value, timeZone);
}
