import { describe, expect, it } from "vitest";
import { attentionThisWeek } from "~/modules/organisations/attention.server";
import { db } from "~/utils/db.server";
import { createLease } from "~/modules/demo/leases";
import { createOrganisation } from "~/modules/demo/organisations";
import { createHomeUnderLease } from "~/modules/demo/transfers";
import { openTransferCase } from "~/modules/transfers/transfers.server";

describe("the dashboard's to-do list", () => {
  it("lists leases owing lease-fee charges more than 30 days old, and the draft leases, of this trust only", { timeout: 120_000 }, async () => {
    const { organisation } = await createOrganisation(db());
    const other = await createOrganisation(db());
    const late = await createLease(db(), organisation.id, { status: "active" });
    const paidUp = await createLease(db(), organisation.id, { status: "active" });
    const draft = await createLease(db(), organisation.id, { status: "draft" });
    const foreign = await createLease(db(), other.organisation.id, { status: "active" });
    const entry = (organisationId: string, leaseId: string, kind: string, date: string, amountCents: bigint) =>
      db().leaseFeeEntry.create({ data: { organisationId, leaseId, kind, date, amountCents, entryKey: kind === "charge" ? `charge:${date}` : null, createdByLabel: "test" } });
    // today 2026-12-01, cut-off 30 days earlier: 2026-11-01
    // late: charges of $50 on Oct 1 and Nov 1 (both on or before the cut-off), $50 on Dec 1 (not yet 30 days old),
    // one payment of $30 on Nov 20 → owed more than 30 days: 50 + 50 − 30 = $70.00
    await entry(organisation.id, late.id, "charge", "2026-10-01", 5_000n);
    await entry(organisation.id, late.id, "charge", "2026-11-01", 5_000n);
    await entry(organisation.id, late.id, "charge", "2026-12-01", 5_000n);
    await entry(organisation.id, late.id, "payment", "2026-11-20", -3_000n);
    // paid up: a $50 charge on Oct 1 paid on Oct 5 → 0, not listed; a later charge (Nov 15) is not 30 days old yet
    await entry(organisation.id, paidUp.id, "charge", "2026-10-01", 5_000n);
    await entry(organisation.id, paidUp.id, "payment", "2026-10-05", -5_000n);
    await entry(organisation.id, paidUp.id, "charge", "2026-11-15", 5_000n);
    // another trust's arrears are not this trust's business
    await entry(other.organisation.id, foreign.id, "charge", "2026-09-01", 9_900n);

    const attention = await attentionThisWeek(db(), organisation.id, "2026-12-01");
    expect(attention.until).toBe("2026-12-08");
    expect(attention.arrears).toEqual([expect.objectContaining({ leaseId: late.id, overdueCents: 7_000 })]);
    expect(attention.drafts.map((d) => d.id)).toEqual([draft.id]);
    expect(attention.draftCount).toBe(1);
    expect(attention.caseDeadlines).toEqual([]);
  });

  it("lists open resale cases whose next deadline is overdue or falls in the week, linked to the case; not later ones", async () => {
    const { organisation } = await createOrganisation(db());
    // each lease gives 30 days for the price notice (the default); today 2026-12-01, the week through 2026-12-08
    const soon = await createHomeUnderLease(db(), organisation.id, { streetAddress: "12 Soon Street" });
    const late = await createHomeUnderLease(db(), organisation.id, { streetAddress: "4 Late Lane" });
    const later = await createHomeUnderLease(db(), organisation.id, { streetAddress: "9 Later Road" });
    // notice 2026-11-05 → price notice due 2026-12-05 (in the week); 2026-10-20 → 2026-11-19 (overdue); 2026-11-15 → 2026-12-15 (not yet)
    const open = (made: typeof soon, noticeDate: string) => openTransferCase(db(), made.actor, { homeId: made.home.id, kind: "sale", noticeDate, noticeMethod: "mail" }, "2026-12-01");
    const soonCase = await open(soon, "2026-11-05");
    const lateCase = await open(late, "2026-10-20");
    await open(later, "2026-11-15");

    const attention = await attentionThisWeek(db(), organisation.id, "2026-12-01");
    expect(attention.caseDeadlines.map((c) => [c.id, c.due, c.overdue, c.home])).toEqual(
      expect.arrayContaining([
        [soonCase.id, "2026-12-05", false, expect.stringContaining("12 Soon Street")],
        [lateCase.id, "2026-11-19", true, expect.stringContaining("4 Late Lane")],
      ]),
    );
    expect(attention.caseDeadlines).toHaveLength(2);
    expect(attention.caseDeadlines.every((c) => /price/i.test(c.label))).toBe(true);
  });
});
