import { z } from "zod";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/utils/calendar-date";

/**
 * The time zone most of a US state or territory keeps (its largest population), so a new trust starts on the
 * right "today". States split across zones (Florida's panhandle, West Texas…) get the zone of most people;
 * an admin changes it in Settings → Organisation.
 */
const STATE_ZONES: Record<string, { name: string; zone: string }> = {
  AL: { name: "Alabama", zone: "America/Chicago" },
  AK: { name: "Alaska", zone: "America/Anchorage" },
  AZ: { name: "Arizona", zone: "America/Phoenix" },
  AR: { name: "Arkansas", zone: "America/Chicago" },
  CA: { name: "California", zone: "America/Los_Angeles" },
  CO: { name: "Colorado", zone: "America/Denver" },
  CT: { name: "Connecticut", zone: "America/New_York" },
  DE: { name: "Delaware", zone: "America/New_York" },
  DC: { name: "District of Columbia", zone: "America/New_York" },
  FL: { name: "Florida", zone: "America/New_York" },
  GA: { name: "Georgia", zone: "America/New_York" },
  HI: { name: "Hawaii", zone: "Pacific/Honolulu" },
  ID: { name: "Idaho", zone: "America/Boise" },
  IL: { name: "Illinois", zone: "America/Chicago" },
  IN: { name: "Indiana", zone: "America/Indiana/Indianapolis" },
  IA: { name: "Iowa", zone: "America/Chicago" },
  KS: { name: "Kansas", zone: "America/Chicago" },
  KY: { name: "Kentucky", zone: "America/New_York" },
  LA: { name: "Louisiana", zone: "America/Chicago" },
  ME: { name: "Maine", zone: "America/New_York" },
  MD: { name: "Maryland", zone: "America/New_York" },
  MA: { name: "Massachusetts", zone: "America/New_York" },
  MI: { name: "Michigan", zone: "America/Detroit" },
  MN: { name: "Minnesota", zone: "America/Chicago" },
  MS: { name: "Mississippi", zone: "America/Chicago" },
  MO: { name: "Missouri", zone: "America/Chicago" },
  MT: { name: "Montana", zone: "America/Denver" },
  NE: { name: "Nebraska", zone: "America/Chicago" },
  NV: { name: "Nevada", zone: "America/Los_Angeles" },
  NH: { name: "New Hampshire", zone: "America/New_York" },
  NJ: { name: "New Jersey", zone: "America/New_York" },
  NM: { name: "New Mexico", zone: "America/Denver" },
  NY: { name: "New York", zone: "America/New_York" },
  NC: { name: "North Carolina", zone: "America/New_York" },
  ND: { name: "North Dakota", zone: "America/Chicago" },
  OH: { name: "Ohio", zone: "America/New_York" },
  OK: { name: "Oklahoma", zone: "America/Chicago" },
  OR: { name: "Oregon", zone: "America/Los_Angeles" },
  PA: { name: "Pennsylvania", zone: "America/New_York" },
  RI: { name: "Rhode Island", zone: "America/New_York" },
  SC: { name: "South Carolina", zone: "America/New_York" },
  SD: { name: "South Dakota", zone: "America/Chicago" },
  TN: { name: "Tennessee", zone: "America/Chicago" },
  TX: { name: "Texas", zone: "America/Chicago" },
  UT: { name: "Utah", zone: "America/Denver" },
  VT: { name: "Vermont", zone: "America/New_York" },
  VA: { name: "Virginia", zone: "America/New_York" },
  WA: { name: "Washington", zone: "America/Los_Angeles" },
  WV: { name: "West Virginia", zone: "America/New_York" },
  WI: { name: "Wisconsin", zone: "America/Chicago" },
  WY: { name: "Wyoming", zone: "America/Denver" },
  PR: { name: "Puerto Rico", zone: "America/Puerto_Rico" },
  GU: { name: "Guam", zone: "Pacific/Guam" },
  VI: { name: "U.S. Virgin Islands", zone: "America/St_Thomas" },
  AS: { name: "American Samoa", zone: "Pacific/Pago_Pago" },
  MP: { name: "Northern Mariana Islands", zone: "Pacific/Saipan" },
};

/** The usual time zone of a state given as "VT" or "Vermont"; the default (America/New_York) when unknown. */
export function timeZoneForState(state: string | null | undefined): string {
  const key = (state ?? "").trim().toLowerCase();
  if (!key) return DEFAULT_TIME_ZONE;
  const match = Object.entries(STATE_ZONES).find(([code, { name }]) => code.toLowerCase() === key || name.toLowerCase() === key);
  return match ? match[1].zone : DEFAULT_TIME_ZONE;
}

/** Every state mapping, for the migration that set existing trusts' zones (and its test). */
export function stateTimeZones(): { code: string; name: string; zone: string }[] {
  return Object.entries(STATE_ZONES).map(([code, { name, zone }]) => ({ code, name, zone }));
}

export type TimeZoneCheck = { ok: true; timeZone: string } | { ok: false; message: string };

/** Validates a time zone typed or chosen by a person; the canonical IANA name when it is one. */
export function checkTimeZone(name: string): TimeZoneCheck {
  const canonical = canonicalTimeZone(name);
  return canonical
    ? { ok: true, timeZone: canonical }
    : { ok: false, message: `"${name.trim()}" is not a time zone; use an IANA name such as America/New_York or America/Chicago` };
}

/** The Settings → Time zone form. */
export const TimeZoneSettingsSchema = z.object({
  timeZone: z
    .string({ required_error: "Choose the trust's time zone" })
    .transform((value, ctx) => {
      const check = checkTimeZone(value);
      if (!check.ok) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: check.message });
        return z.NEVER;
      }
      return check.timeZone;
    }),
});
