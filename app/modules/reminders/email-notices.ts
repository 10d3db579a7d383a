/**
 * Which email reminders a person receives (Your settings → Email notices). The trust decides which reminders are
 * sent at all (Settings → Reminders); each person may turn off the ones they do not want. Stored on the user as
 * the turned-off kinds, comma-separated ("" = every reminder on), so a kind added later is on for everyone.
 */
import { REMINDER_KIND_KEYS, type ReminderKind } from "./reminders";

export function parseNoticesOff(stored: string): Set<ReminderKind> {
  return new Set(stored.split(",").filter((kind): kind is ReminderKind => (REMINDER_KIND_KEYS as string[]).includes(kind)));
}

/** The kinds left unticked on the form → the stored value (in the kinds' own order). */
export function noticesOffFromChosen(chosen: readonly string[]): string {
  return REMINDER_KIND_KEYS.filter((kind) => !chosen.includes(kind)).join(",");
}
