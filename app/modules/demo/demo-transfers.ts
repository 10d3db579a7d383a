import { systemActor, type AuditActor } from "~/modules/audit/audit.server";
import { recordAppraisal } from "~/modules/home-inputs/home-inputs.server";
import { createCertification } from "~/modules/households/certification.server";
import { BINDING_STATUSES } from "~/modules/leases/leases.server";
import { getLeaseTermsOn } from "~/modules/leases/terms.server";
import { addInterestedBuyer } from "~/modules/transfers/buyer-pool.server";
import { calculateFormulaPrice, chooseBuyer, closeTransferCase, decideOption, openTransferCase } from "~/modules/transfers/transfers.server";
import { addDays, compareCalendarDates, todayIn } from "~/utils/calendar-date";
import type { Db } from "~/utils/db.server";
import { payDemoLedger } from "./demo-fees";
import { advanceLease } from "./leases";

/**
 * The demo's resale and transfer cases (issue 9), run through the real case functions step by step, each step
 * with the date it happened as the trust's today, so every stored figure (the formula price, the buyer's
 * verdict, the closing statement, the outcome measures) is what the app computes:
 *
 * - a CLOSED resale of 40 North Avenue, Unit 3 (the Raghunathan household, bought 2024-08-30 for $133,000 with a
 *   $126,350 mortgage; they need more room): notice 2026-03-02 by mail; formula price from the lease's frozen
 *   formula and the home's stored appraisal, sent 2026-03-13; the option assigned 2026-04-10; Ingrid Sæther
 *   (in the buyer pool since 2026-01-12, recertified 2026-02-09) chosen 2026-04-14; closed 2026-06-05 at
 *   $135,900 (mortgage payoff $122,600, seller's closing costs $1,850, the trust's fee $750, lease fees paid up);
 *   her new lease from the closing is signed and active (a current owner holds a binding lease), and the home was
 *   appraised again on 2026-09-15 ($231,000: the resale calculator of her home has a value after her purchase);
 * - an OPEN sale of 7 Barlow Street, South half (the Volkov household) whose option deadline is four days after
 *   the trust's today at seed time ("due soon" on the dashboard, the home and the case list), formula price sent;
 * - one more household waiting in the buyer pool.
 * Idempotent: does nothing when the organisation already has a case. Call after the ownerships, the coherence
 * leases and the home inputs, before the lease-fee ledgers (./demo-fees.ts).
 */
export async function seedDemoTransfers(db: Db, organisationId: string): Promise<void> {
  if ((await db.transferCase.count({ where: { organisationId } })) > 0) return;
  const actor = systemActor(organisationId, "Demo data");
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { timeZone: true } });
  const today = todayIn(organisation.timeZone);
  const household = async (name: string) => db.household.findFirst({ where: { organisationId, name }, select: { id: true } });
  const ownedHome = async (streetAddress: string, label: string) =>
    db.ownership.findFirst({ where: { organisationId, saleDate: null, home: { label, parcel: { streetAddress } } }, select: { homeId: true, householdId: true, purchaseDate: true } });

  const seller = await ownedHome("40 North Avenue", "Unit 3");
  const buyer = await household("Ingrid Sæther");
  if (seller && buyer && compareCalendarDates(today, CLOSED.appraisalReceivedOn) >= 0) await seedClosedResale(db, actor, seller.homeId, buyer.id);

  const waiting = await household("Washington household");
  if (waiting) await addInterestedBuyer(db, actor, { householdId: waiting.id, addedOn: "2025-11-03", bedroomsWanted: 2, note: "Two bedrooms near the schools." }, today);

  const open = await ownedHome("7 Barlow Street", "South half");
  if (open) await seedOpenCase(db, actor, open.homeId, today);
}

/** The closed resale's dates and figures (what staff typed; everything else is computed by the case functions). */
const CLOSED = {
  poolAddedOn: "2026-01-12",
  recertifiedOn: "2026-02-09",
  noticeDate: "2026-03-02",
  priceNoticeOn: "2026-03-13",
  optionAssignedOn: "2026-04-10",
  buyerChosenOn: "2026-04-14",
  closingDate: "2026-06-05",
  /** the home appraised again after the sale (the buyer's calculator needs a value after her purchase) */
  appraisedOn: "2026-09-15",
  appraisalReceivedOn: "2026-09-22",
  priceCents: 13_590_000,
  mortgagePayoffCents: 12_260_000,
  sellerClosingCostsCents: 185_000,
  trustFeesCents: 75_000,
} as const;

async function caseVersion(db: Db, organisationId: string, id: string): Promise<number> {
  return (await db.transferCase.findFirstOrThrow({ where: { id, organisationId }, select: { version: true } })).version;
}

async function seedClosedResale(db: Db, actor: AuditActor, homeId: string, buyerId: string): Promise<void> {
  const { organisationId } = actor;
  // the buyer joined the pool, and recertified her income (same wages) for the purchase
  await addInterestedBuyer(db, actor, { householdId: buyerId, addedOn: CLOSED.poolAddedOn, bedroomsWanted: 1, note: "A one-bedroom home in Middlebury." }, CLOSED.poolAddedOn);
  const certified = await createCertification(db, actor, buyerId, {
    certifiedOn: CLOSED.recertifiedOn,
    householdSize: 1,
    targetLevel: 80,
    incomeItems: [{ memberName: "Ingrid Sæther", source: "wages", annualAmountCents: 3_640_000 }],
  });
  if (!certified.ok) throw new Error(`Demo recertification failed: ${certified.message}`);

  const { id } = await openTransferCase(db, actor, { homeId, kind: "sale", noticeDate: CLOSED.noticeDate, noticeMethod: "mail", noticeNote: "The Raghunathans need a larger home for their growing family." }, CLOSED.noticeDate);
  await calculateFormulaPrice(db, actor, id, { priceNoticeOn: CLOSED.priceNoticeOn, version: await caseVersion(db, organisationId, id) });
  await decideOption(db, actor, id, { decision: "assigned", decidedOn: CLOSED.optionAssignedOn, note: "Assigned to a buyer from the pool of interested buyers.", version: await caseVersion(db, organisationId, id) }, CLOSED.optionAssignedOn);
  await chooseBuyer(db, actor, id, { householdId: buyerId, version: await caseVersion(db, organisationId, id) }, CLOSED.buyerChosenOn);
  // the seller paid the lease fees up to the closing (nothing unpaid on the closing statement)
  const sellerLease = await db.lease.findFirstOrThrow({ where: { organisationId, bindingHomeId: homeId, status: { in: BINDING_STATUSES } }, select: { id: true } });
  await payDemoLedger(db, actor, sellerLease.id, CLOSED.closingDate);
  const { buyerLeaseId } = await closeTransferCase(
    db,
    { ...actor, role: "staff" },
    id,
    {
      closingDate: CLOSED.closingDate,
      price: CLOSED.priceCents,
      mortgagePayoff: CLOSED.mortgagePayoffCents,
      sellerClosingCosts: CLOSED.sellerClosingCostsCents,
      trustFees: CLOSED.trustFeesCents,
      leaseDisposition: "new-lease",
      version: await caseVersion(db, organisationId, id),
    },
    CLOSED.closingDate,
  );
  // the buyer signed her new lease at the closing: executed, recorded and in force from that day
  if (buyerLeaseId) await advanceLease(db, actor, buyerLeaseId, "active", { executionDate: CLOSED.closingDate });
  await recordAppraisal(db, actor, homeId, {
    appraiser: "Champlain Valley Appraisal",
    orderedOn: CLOSED.appraisedOn,
    receivedOn: CLOSED.appraisalReceivedOn,
    effectiveDate: CLOSED.appraisedOn,
    value: 23_100_000,
    source: "Appraisal after the resale (demo)",
  });
}

/** A sale whose option deadline is four days after `today`; its formula price was sent a week after the notice. */
async function seedOpenCase(db: Db, actor: AuditActor, homeId: string, today: string): Promise<void> {
  const lease = await db.lease.findFirst({ where: { organisationId: actor.organisationId, bindingHomeId: homeId, status: { in: BINDING_STATUSES } }, select: { id: true } });
  const terms = lease ? await getLeaseTermsOn(db, actor.organisationId, lease.id, today) : null;
  if (!terms) return;
  const noticeDate = addDays(today, 4 - terms.purchaseOptionDays);
  const { id } = await openTransferCase(db, actor, { homeId, kind: "sale", noticeDate, noticeMethod: "email", noticeNote: "The Volkovs are moving closer to family." }, today);
  await calculateFormulaPrice(db, actor, id, { priceNoticeOn: addDays(noticeDate, 7), version: await caseVersion(db, actor.organisationId, id) });
}
