import type { AuditActor } from "~/modules/audit/audit.server";
import type { Db } from "~/utils/db.server";
import { householdCsvRows, planHouseholdImport, type HouseholdImportPlan } from "./csv";

// csv-parse must stay out of browser bundles: routes import the CSV helpers from here.
export { planHouseholdImport } from "./csv";
import { createHousehold, householdExportPages, type HouseholdFilters } from "./households.server";

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

/** The export's records, page by page (app/utils/export-stream.server.ts): constant memory for any number of households. */
export async function* householdCsvPages(db: Db, organisationId: string, filters: HouseholdFilters) {
  for await (const households of householdExportPages(db, organisationId, filters)) {
    yield householdCsvRows(
      households.map((h) => {
        const home = h.ownerships[0]?.home;
        return {
          ...h,
          currentHome: home ? [home.parcel.streetAddress, home.parcel.city, home.label].filter(Boolean).join(", ") : "",
        };
      }),
    );
  }
}
