import type { Db } from "~/utils/db.server";
import { seedDemoParcels } from "./parcels";

/** The demo organisation's portfolio, built from the same factories the tests use. */
export async function seedDemoPortfolio(db: Db, organisationId: string): Promise<void> {
  await seedDemoParcels(db, organisationId);
}
