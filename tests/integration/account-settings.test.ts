import { describe, expect, it } from "vitest";
import { queueDueReminders } from "~/modules/reminders/reminders.server";
import { action as accountAction, loader as accountLoader } from "~/routes/account._index";
import { db } from "~/utils/db.server";
import { createLeasableHome, createLease } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/** Your settings (issue 15): a signed-in person changes their own name and chooses which email reminders they receive. */
describe("your settings", () => {
  it("your name: saved and audited; an empty name is a 400 next to the field and changes nothing", async () => {
    const { organisation } = await createOrganisation(db());
    const staff = await createMember(db(), organisation.id, "staff", { name: "Sam Steward" });
    const cookie = await sessionCookieFor(staff.user.id, organisation.id);

    const bad = await unwrap(await run(accountAction, postRequest("/account", { intent: "name", name: "   " }, { cookie })));
    expect(bad.status).toBe(400);
    expect((bad.body as { error: Record<string, string[]> }).error.name).toEqual(["Enter your name"]);
    expect((await db().user.findUniqueOrThrow({ where: { id: staff.user.id } })).name).toBe("Sam Steward");

    const saved = (await run(accountAction, postRequest("/account", { intent: "name", name: "  Samira Steward " }, { cookie }))) as Response;
    expect(saved.status).toBe(302);
    expect((await db().user.findUniqueOrThrow({ where: { id: staff.user.id } })).name).toBe("Samira Steward");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { organisationId: organisation.id, entity: "User", entityId: staff.user.id } });
    expect(audit.changes).toMatchObject({ before: { name: "Sam Steward" }, after: { name: "Samira Steward" } });

    const page = await unwrap(await run(accountLoader, getRequest("/account", cookie)));
    expect(page.body).toMatchObject({ settings: { name: "Samira Steward", email: staff.user.email, noticesOff: [] } });
  });

  it("email notices: a homeowner who unticks the monthly statement gets the other reminders, not the statement", async () => {
    const { organisation } = await createOrganisation(db());
    // commenced 2024-01-15: on 2026-01-05 the 2025 certification is overdue, the 2026 one due in 10 days, December's statement ready
    const home = await createLeasableHome(db(), organisation.id, { members: ["Grace Adeyemi"], streetAddress: "12 Orchard Lane", purchasePriceCents: 18_500_000 });
    await createLease(db(), organisation.id, { status: "active", homeId: home.home.id, householdId: home.household.id, values: { commencementDate: "2024-01-15", lesseeNames: home.members } });
    const owner = await createMember(db(), organisation.id, "homeowner", { householdId: home.household.id, name: "Grace Adeyemi" });
    const cookie = await sessionCookieFor(owner.user.id, organisation.id);

    const chosen = ["certificationDueSoon", "certificationOverdue", "insuranceDueSoon", "insuranceOverdue", "caseDeadline"];
    const saved = (await run(accountAction, postRequest("/account", { intent: "notices", notice: chosen }, { cookie }))) as Response;
    expect(saved.status).toBe(302);
    const page = await unwrap(await run(accountLoader, getRequest("/account", cookie)));
    expect(page.body).toMatchObject({ settings: { noticesOff: ["feeStatementReady"] } });

    expect(await queueDueReminders(db(), organisation.id, "2026-01-05", "https://clt.example.org")).toEqual({ queued: 2 });
    const mail = await db().emailMessage.findMany({ where: { organisationId: organisation.id }, orderBy: { subject: "asc" }, select: { toAddress: true, subject: true } });
    expect(mail).toEqual([
      { toAddress: owner.user.email, subject: "Due January 15, 2026: your annual occupancy certification" },
      { toAddress: owner.user.email, subject: "Overdue: your annual occupancy certification (due January 15, 2025)" },
    ]);

    // ticked again: the next month's statement reaches them
    await run(accountAction, postRequest("/account", { intent: "notices", notice: [...chosen, "feeStatementReady"] }, { cookie }));
    await queueDueReminders(db(), organisation.id, "2026-02-02", "https://clt.example.org");
    expect(await db().emailMessage.count({ where: { organisationId: organisation.id, subject: "Your lease-fee statement for January 2026 is ready" } })).toBe(1);
  });

  it("only for a signed-in person", async () => {
    const response = await run(accountAction, postRequest("/account", { intent: "name", name: "Nobody" }));
    expect((response as Response).status).toBe(302);
    expect((response as Response).headers.get("Location")).toMatch(/^\/login/);
  });
});
