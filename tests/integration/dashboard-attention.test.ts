import { describe, expect, it } from "vitest";
import { attentionThisWeek } from "~/modules/dashboard/attention.server";
import { db } from "~/utils/db.server";
import { createLease } from "~/modules/demo/leases";
import { createOrganisation } from "~/modules/demo/organisations";

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
});
