import { describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "~/routes/_index";
import { db } from "~/utils/db.server";
import { createHousehold } from "~/modules/demo/households";
import { createLease } from "~/modules/demo/leases";
import { createOrganisation } from "~/modules/demo/organisations";
import { createParcel } from "~/modules/demo/parcels";
import { getRequest, run, sessionCookieFor, unwrap } from "./helpers";

/** The dashboard's counts (one SQL statement since issue 13's page work): this trust's records only, archived ones left out. */
describe("dashboard", () => {
  it("counts parcels, homes, households and leases of the signed-in trust", { timeout: 120_000 }, async () => {
    const { organisation, user } = await createOrganisation(db());
    const other = await createOrganisation(db());
    // each lease comes with its own parcel, home and household (createLeasableHome)
    for (const status of ["draft", "active", "executed", "ended"] as const) await createLease(db(), organisation.id, { status });
    await createLease(db(), other.organisation.id, { status: "draft" });
    const kept = await createParcel(db(), organisation.id);
    const archived = await createParcel(db(), organisation.id);
    await db().parcel.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    await db().home.update({ where: { id: kept.homes[0]!.id }, data: { archivedAt: new Date() } });
    await createHousehold(db(), organisation.id, { name: "Kept household", members: ["Ana Kept"] });
    const gone = await createHousehold(db(), organisation.id, { name: "Archived household", members: ["Bo Gone"] });
    await db().household.update({ where: { id: gone.id }, data: { archivedAt: new Date() } });

    const cookie = await sessionCookieFor(user.id, organisation.id);
    const { status, body } = await unwrap(await run(dashboardLoader, getRequest("/", cookie)));
    expect(status).toBe(200);
    const summary = (body as { summary: Record<string, unknown> }).summary;
    // worked out by hand: 4 lease parcels + 2 more − 1 archived; 4 lease homes + 2 − 1 archived; 4 lease households + 2 − 1
    // archived; active leases: the active one and the executed one whose term has commenced (status by date; not draft, not
    // ended), so none signed but not yet commenced; drafts: 1 (the other trust's is not counted)
    expect({ ...summary, recentActivity: undefined }).toEqual({
      parcels: 5,
      homes: 5,
      households: 5,
      activeLeases: 2,
      signedLeases: 0,
      draftLeases: 1,
      recentActivity: undefined,
    });
    expect((summary.recentActivity as unknown[]).length).toBe(8);
  });
});
