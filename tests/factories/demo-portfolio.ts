import type { Db } from "~/utils/db.server";

/** The demo organisation's portfolio. Grows with each area of the app (parcels, households, leases). */
export async function seedDemoPortfolio(_db: Db, _organisationId: string): Promise<void> {}
