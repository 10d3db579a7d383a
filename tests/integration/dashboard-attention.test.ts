import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { attentionThisWeek } from "~/modules/dashboard/attention.server";
import { generateAllCharges, recordPayment } from "~/modules/lease-fees/ledger.server";
import { db } from "~/utils/db.server";
import { createLease } from "~/modules/demo/leases";
import { createOrganisation } from "~/modules/demo/organisations";
import { createHomeUnderLease } from "~/modules/demo/transfers";
import { openTransferCase } from "~/modules/transfers/transfers.server";

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
