import { describe, expect, it } from "vitest";
import { organisationToday } from "~/modules/organisations/organisations.server";
import { action as newParcelAction } from "~/routes/parcels.new";
import { action as timeZoneAction, loader as timeZoneLoader } from "~/routes/settings.time-zone";
import { addDays, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

// UTC+14 and UTC−11: 25 hours apart, so their todays are never the same calendar date.
const EARLIEST = "Pacific/Kiritimati";
const LATEST = "Pacific/Pago_Pago";

async function adminSession(timeZone?: string, state?: string) {
  const { organisation, user } = await createOrganisation(db(), { timeZone, state });
  return { organisation, cookie: await sessionCookieFor(user.id, organisation.id) };
}

describe("the trust's time zone", () => {
  it("is set at creation, from the state when not given", async () => {
    expect((await createOrganisation(db(), { timeZone: "America/Denver" })).organisation.timeZone).toBe("America/Denver");
    expect((await createOrganisation(db(), { state: "CA" })).organisation.timeZone).toBe("America/Los_Angeles");
    expect((await createOrganisation(db(), { state: "Vermont" })).organisation.timeZone).toBe("America/New_York");
    expect((await createOrganisation(db(), { state: "" })).organisation.timeZone).toBe("America/New_York");
  });

  it("gives the trust's today at an instant", async () => {
    const { organisation } = await adminSession("America/Chicago");
    // 03:00 UTC on 2025-07-04 is 22:00 on July 3 in Chicago
    expect(await organisationToday(db(), organisation.id, new Date("2025-07-04T03:00:00Z"))).toBe("2025-07-03");
    expect(await organisationToday(db(), organisation.id, new Date("2025-07-04T06:00:00Z"))).toBe("2025-07-04");
  });

  it("decides what is in the future: the same acquisition date is today in one trust and tomorrow in another", async () => {
    const ahead = await adminSession(EARLIEST);
    const behind = await adminSession(LATEST);
    const date = todayIn(EARLIEST);
    expect(date > todayIn(LATEST)).toBe(true);
    const form = (parcelNumber: string) => ({ parcelNumber, streetAddress: "1 Date Line Road", status: "acquired", landAreaUnit: "acres", acquisitionDate: date });
    const accepted = await unwrap(await run(newParcelAction, postRequest("/parcels/new", form("TZ-1"), { cookie: ahead.cookie })));
    expect(accepted.status).toBe(302);
    const refused = await unwrap(await run(newParcelAction, postRequest("/parcels/new", form("TZ-2"), { cookie: behind.cookie })));
    expect(refused.status).toBe(400);
    expect((refused.body as { error: Record<string, string[]> }).error.acquisitionDate).toEqual(["The acquisition date cannot be in the future"]);
    expect(await db().parcel.count({ where: { organisationId: behind.organisation.id } })).toBe(0);
    // the day before is fine for both
    const yesterday = { ...form("TZ-3"), acquisitionDate: addDays(todayIn(LATEST), -1) };
    expect((await unwrap(await run(newParcelAction, postRequest("/parcels/new", yesterday, { cookie: behind.cookie })))).status).toBe(302);
  });

  it("is changed by an admin in settings, audited; an unknown zone is a field error and nothing changes", async () => {
    const { organisation, cookie } = await adminSession("America/New_York");
    const page = await unwrap(await run(timeZoneLoader, getRequest("/settings/time-zone", cookie)));
    expect(page.body).toMatchObject({ timeZone: "America/New_York", today: todayIn("America/New_York") });
    const bad = await unwrap(await run(timeZoneAction, postRequest("/settings/time-zone", { timeZone: "Mars/Olympus_Mons" }, { cookie })));
    expect(bad.status).toBe(400);
    expect((bad.body as { error: Record<string, string[]> }).error.timeZone![0]).toMatch(/not a time zone/);
    const saved = await unwrap(await run(timeZoneAction, postRequest("/settings/time-zone", { timeZone: "america/chicago" }, { cookie })));
    expect(saved.status).toBe(302);
    expect((await db().organisation.findUniqueOrThrow({ where: { id: organisation.id } })).timeZone).toBe("America/Chicago");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { organisationId: organisation.id, entity: "Organisation", action: "update" } });
    expect(audit.changes).toEqual({ before: { timeZone: "America/New_York" }, after: { timeZone: "America/Chicago" } });
  });

  it("can be changed only by admins", async () => {
    const { organisation } = await adminSession();
    const { user } = await createMember(db(), organisation.id, "staff");
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const response = await unwrap(await run(timeZoneAction, postRequest("/settings/time-zone", { timeZone: "America/Chicago" }, { cookie })));
    expect(response.status).toBe(403);
    expect((await db().organisation.findUniqueOrThrow({ where: { id: organisation.id } })).timeZone).toBe("America/New_York");
  });
});
