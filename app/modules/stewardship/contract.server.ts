import type { Db } from "~/utils/db.server";
import { stewardshipCalendar } from "./calendar.server";
import { MONITORING_EVENT_STATUSES, MONITORING_EVENT_TYPES } from "./events";
import type { EventReader } from "./events.server";

/**
 * The compliance calendar as JSON — one shape for `clt stewardship` and `GET /api/v1/stewardship`
 * (docs/stewardship.md, "The calendar as JSON"). Items are every scheduled or stored event due on or before
 * `through` (the as-of date + 90 days), oldest first; `eventId` is null for an occurrence nobody has acted on.
 */
export async function calendarJson(db: Db, reader: EventReader, organisationSlug: string, asOf: string) {
  const calendar = await stewardshipCalendar(db, reader, asOf);
  return {
    organisation: organisationSlug,
    asOf: calendar.asOf,
    through: calendar.through,
    graceDays: calendar.graceDays,
    items: calendar.items.map((item) => ({
      lease: item.leaseReference,
      home: item.home,
      household: item.household,
      type: item.type,
      typeLabel: MONITORING_EVENT_TYPES[item.type],
      dueDate: item.dueDate,
      status: item.status,
      statusLabel: MONITORING_EVENT_STATUSES[item.status],
      overdue: item.overdue,
      eventId: item.eventId,
    })),
  };
}
