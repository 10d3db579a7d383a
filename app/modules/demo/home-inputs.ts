import { systemActor } from "~/modules/audit/audit.server";
import { recordAppraisal } from "~/modules/home-inputs/home-inputs.server";
import { recordIndexValue } from "~/modules/lease-fees/ledger.server";
import { addYears } from "~/utils/calendar-date";
import type { Db } from "~/utils/db.server";
import { fromDbCents } from "~/utils/cents";
import { DEMO_PRESETS } from "./formula-presets";

/** The demo "AMI indexed" preset's index, with a value each April (illustrative figures, not HUD's). */
const AMI_INDEX = (DEMO_PRESETS[2]!.spec as { formula: { indexName: string } }).formula.indexName;
const AMI_VALUES = [
  { date: "2011-04-01", value: "78300" },
  { date: "2023-04-01", value: "99600" },
  { date: "2024-04-01", value: "104300" },
  { date: "2025-04-01", value: "108400" },
  { date: "2026-04-01", value: "111900" },
];

/** Whole thousands of dollars, in cents. */
const thousands = (cents: number, factor: number) => Math.round((cents * factor) / 100_000) * 100_000;

/**
 * What the resale calculator reads for each owned demo home (issue 15: the first Calculate works on every demo
 * home), through the real functions: an appraisal effective on the purchase date (1.6 × the price: the market
 * value the trust's subsidy bought down) and one a year later (1.7 × the price), and the AMI index each April.
 * Idempotent: does nothing when the organisation already has appraisals.
 */
export async function seedDemoHomeInputs(db: Db, organisationId: string): Promise<void> {
  if ((await db.homeAppraisal.count({ where: { organisationId } })) > 0) return;
  const actor = systemActor(organisationId, "Demo data");
  for (const { date, value } of AMI_VALUES) {
    const exists = await db.indexValue.count({ where: { organisationId, indexName: AMI_INDEX, date } });
    if (!exists) await recordIndexValue(db, actor, { indexName: AMI_INDEX, date, value, source: "Demo figures (not HUD's)" });
  }
  const ownerships = await db.ownership.findMany({ where: { organisationId, saleDate: null }, orderBy: { purchaseDate: "asc" } });
  for (const ownership of ownerships) {
    const price = fromDbCents(ownership.purchasePriceCents);
    const later = addYears(ownership.purchaseDate, 1);
    await recordAppraisal(db, actor, ownership.homeId, {
      appraiser: "Champlain Valley Appraisal",
      orderedOn: ownership.purchaseDate,
      receivedOn: ownership.purchaseDate,
      effectiveDate: ownership.purchaseDate,
      value: thousands(price, 1.6),
      source: "Appraisal at purchase (demo)",
    });
    await recordAppraisal(db, actor, ownership.homeId, {
      appraiser: "Champlain Valley Appraisal",
      orderedOn: later,
      receivedOn: later,
      effectiveDate: later,
      value: thousands(price, 1.7),
      source: "Annual appraisal (demo)",
    });
  }
}
