import { systemActor } from "~/modules/audit/audit.server";
import { recordPurchase } from "~/modules/households/households.server";
import { PurchaseSchema } from "~/modules/households/schemas";
import type { Db } from "~/utils/db.server";
import { seedDemoCoherence } from "./demo-coherence";
import { seedDemoHouseholds } from "./households";
import { seedDemoFees } from "./demo-fees";
import { seedDemoLeases } from "./leases";
import { seedDemoFormulaPresets } from "./formula-presets";
import { seedDemoParcels } from "./parcels";
import { seedDemoCalculations } from "./resale";
import { seedDemoHomeInputs } from "./home-inputs";
import { seedDemoStewardship } from "./stewardship";
import { seedDemoTransfers } from "./demo-transfers";

/**
 * Purchases that make demo households the owners of demo homes (price, date, mortgage at purchase), each
 * after the household's income certification (the demo certifications are from 2023).
 */
const DEMO_PURCHASES = [
  { price: "152000", date: "2024-01-15", lender: "Green Mountain Community Bank", mortgage: "144400", rate: "4.125", term: 30 },
  { price: "168500", date: "2024-10-01", lender: "Vermont Housing Finance Agency", mortgage: "160000", rate: "6.5", term: 30 },
  { price: "174000", date: "2025-03-01", lender: "Opportunities Credit Union", mortgage: "165300", rate: "6.25", term: 30 },
  { price: "139000", date: "2024-02-20", lender: "Vermont Housing Finance Agency", mortgage: "132050", rate: "3.75", term: 30 },
  { price: "145500", date: "2024-04-03", lender: "Green Mountain Community Bank", mortgage: "138225", rate: "4.0", term: 30 },
  { price: "158000", date: "2024-05-28", lender: "Opportunities Credit Union", mortgage: "150100", rate: "4.625", term: 30 },
  { price: "121000", date: "2024-06-12", lender: "Vermont Housing Finance Agency", mortgage: "114950", rate: "4.5", term: 30 },
  { price: "133000", date: "2024-08-30", lender: "Green Mountain Community Bank", mortgage: "126350", rate: "4.25", term: 30 },
  { price: "176000", date: "2025-01-10", lender: "Vermont Housing Finance Agency", mortgage: "167200", rate: "3.0", term: 30 },
  { price: "149000", date: "2025-02-26", lender: "Opportunities Credit Union", mortgage: "141550", rate: "2.875", term: 30 },
];

async function seedDemoOwnerships(db: Db, organisationId: string): Promise<void> {
  const actor = systemActor(organisationId, "Demo data");
  const homes = await db.home.findMany({ where: { organisationId }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const households = await db.household.findMany({
    where: { organisationId, incomeCertifications: { some: {} } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  for (const [index, purchase] of DEMO_PURCHASES.entries()) {
    const home = homes[index];
    const household = households[index];
    if (!home || !household) break;
    const input = PurchaseSchema.parse({
      homeId: home.id,
      purchasePrice: purchase.price,
      purchaseDate: purchase.date,
      mortgageLender: purchase.lender,
      mortgageAmount: purchase.mortgage,
      mortgageRate: purchase.rate,
      mortgageTermYears: purchase.term,
      mortgageType: "fixed",
    });
    const result = await recordPurchase(db, actor, household.id, input);
    if (!result.ok) throw new Error(`Demo purchase failed: ${JSON.stringify(result)}`);
  }
}

/**
 * The demo organisation's portfolio, built from the same factories the tests use: a dozen parcels with
 * homes and funding, households with income certifications, owners for most homes, formula presets,
 * leases in every status, appraisals and index values for the resale calculator, a closed resale and an open
 * resale case (./demo-transfers.ts), lease-fee ledgers, a couple of saved resale calculations and monitoring events.
 */
export async function seedDemoPortfolio(db: Db, organisationId: string): Promise<void> {
  await seedDemoParcels(db, organisationId);
  await seedDemoHouseholds(db, organisationId);
  await seedDemoOwnerships(db, organisationId);
  await seedDemoFormulaPresets(db, organisationId);
  await seedDemoLeases(db, organisationId);
  await seedDemoCoherence(db, organisationId);
  await seedDemoHomeInputs(db, organisationId);
  await seedDemoTransfers(db, organisationId);
  await seedDemoFees(db, organisationId);
  await seedDemoCalculations(db, organisationId);
  await seedDemoStewardship(db, organisationId);
}
