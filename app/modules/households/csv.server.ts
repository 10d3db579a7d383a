import type { AuditActor } from "~/modules/audit/audit.server";
import type { Db } from "~/utils/db.server";
import { householdsToCsv, planHouseholdImport, type HouseholdImportPlan } from "./csv";

// csv-parse must stay out of browser bundles: routes import the CSV helpers from here.
export { planHouseholdImport } from "./csv";
import { createHousehold, listHouseholdsForExport, type HouseholdFilters } from "./households.server";

export type HouseholdImportResult = { ok: true; created: number } | { ok: false; plan: HouseholdImportPlan };

/** Commits a household import all-or-nothing: one invalid row and nothing is written. */
export async function commitHouseholdImport(db: Db, actor: AuditActor, text: string): Promise<HouseholdImportResult> {
  const plan = planHouseholdImport(text);
  if (plan.errors.length > 0) return { ok: false, plan };
  await db.$transaction(
    async (tx) => {
      for (const row of plan.rows) await createHousehold(tx, actor, row.household, row.members);
    },
    { timeout: 60_000 },
  );
  return { ok: true, created: plan.rows.length };
}

export async function exportHouseholdsCsv(db: Db, organisationId: string, filters: HouseholdFilters): Promise<string> {
  const households = await listHouseholdsForExport(db, organisationId, filters);
  return householdsToCsv(
    households.map((h) => {
      const home = h.ownerships[0]?.home;
      return {
        ...h,
        currentHome: home ? [home.parcel.streetAddress, home.parcel.city, home.label].filter(Boolean).join(", ") : "",
      };
    }),
  );
}
