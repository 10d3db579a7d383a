import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { generateAllCharges, recordPayment } from "~/modules/lease-fees/ledger.server";
import { attentionThisWeek } from "~/modules/organisations/attention.server";
import { db } from "~/utils/db.server";
import { createLease } from "~/modules/demo/leases";
import { createOrganisation } from "~/modules/demo/organisations";

describe("the dashboard's to-do list", () => {
  it("lists leases owing lease-fee charges more than 30 days old, and the draft leases, of this trust only", { timeout: 120_000 }, async () => {
    const { organisation } = await createOrganisation(db());
    const other = await createOrganisation(db());
    const values = { commencementDate: "2026-10-01", monthlyFeeCents: 5_000, escalationKind: "none" as const, feeDueDay: 1, lateChargeCents: 0 };
    const actor = systemActor(organisation.id, "Test");
    const late = await createLease(db(), organisation.id, { status: "active", values });
    const paidUp = await createLease(db(), organisation.id, { status: "active", values });
    const draft = await createLease(db(), organisation.id, { status: "draft" });
    await createLease(db(), other.organisation.id, { status: "active", values });
    // today 2026-12-01, cut-off 30 days earlier: 2026-11-01. Leases of $50.00 a month due on the 1st from
    // 2026-10-01, no late charge; charges posted up to today (Oct 1, Nov 1, Dec 1).
    // late: Oct 1 and Nov 1 are on or before the cut-off, Dec 1 is not yet 30 days old; one payment of $30 on
    // Nov 20 → owed more than 30 days: 50 + 50 − 30 = $70.00
    await recordPayment(db(), actor, late.id, { date: "2026-11-20", amount: 3_000 }, "2026-12-01");
    // paid up: $100 on Oct 5 pays Oct 1 and Nov 1 → 0, not listed; Dec 1 is not 30 days old yet
    await recordPayment(db(), actor, paidUp.id, { date: "2026-10-05", amount: 10_000 }, "2026-12-01");
    await generateAllCharges(db(), actor, "2026-12-01");
    // another trust's arrears are not this trust's business
    await generateAllCharges(db(), systemActor(other.organisation.id, "Test"), "2026-12-01");

    const attention = await attentionThisWeek(db(), organisation.id, "2026-12-01");
    expect(attention.until).toBe("2026-12-08");
    expect(attention.arrears).toEqual([expect.objectContaining({ leaseId: late.id, overdueCents: 7_000 })]);
    expect(attention.drafts.map((d) => d.id)).toEqual([draft.id]);
    expect(attention.draftCount).toBe(1);
    expect(attention.caseDeadlines).toEqual([]);
  });
});
