import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { createOrganisation } from "~/modules/demo/organisations";
import { updateStewardshipPolicy } from "~/modules/stewardship-decisions/requests.server";
import type { StewardshipSettingsValues } from "~/modules/stewardship-decisions/schemas";
import { updateMonitoringSettings } from "~/modules/stewardship/events.server";
import { STALE_RECORD_MESSAGE } from "~/utils/concurrency.server";
import { createDb, db, type Db } from "~/utils/db.server";

/**
 * The first save of a trust's stewardship settings, made by two people at the same moment (PostgreSQL: two
 * app servers with their own connection pools; SQLite: the one server's client). Both forms carry version 0
 * (no settings saved yet); one save wins, the other is told someone else changed the record (409) and nothing
 * of it is stored — not a 500 from the settings row's unique key.
 */
async function race(save: (client: Db) => Promise<void>) {
  const url = process.env.DATABASE_URL!;
  const postgres = process.env.TEST_DATABASE === "postgresql";
  const serverA = postgres ? createDb(url) : db();
  const serverB = postgres ? createDb(url) : db();
  try {
    return await Promise.allSettled([save(serverA), save(serverB)]);
  } finally {
    if (postgres) await Promise.all([serverA.$disconnect(), serverB.$disconnect()]);
  }
}

function oneSavedOneConflict(results: PromiseSettledResult<void>[]) {
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
  expect(refused.reason).toMatchObject({ status: 409, message: STALE_RECORD_MESSAGE });
}

describe("the first save of the stewardship settings, twice at once", () => {
  it("monitoring settings: one is saved, the other answers 409, one row and one audit entry", async () => {
    for (let round = 0; round < 3; round++) {
      const { organisation } = await createOrganisation(db());
      const actor = systemActor(organisation.id, "Dana Staff");
      const values = { intent: "monitoring" as const, version: 0, graceDays: 21, occupancyFixedDate: null, taxProofDate: null, monitoringStartsOn: null };
      oneSavedOneConflict(await race((client) => updateMonitoringSettings(client, actor, values)));
      expect(await db().stewardshipSettings.count({ where: { organisationId: organisation.id } })).toBe(1);
      expect(await db().auditEntry.count({ where: { organisationId: organisation.id, entity: "StewardshipSettings" } })).toBe(1);
      expect((await db().stewardshipSettings.findUnique({ where: { organisationId: organisation.id } }))?.graceDays).toBe(21);
    }
  });

  it("refinance policy: one is saved, the other answers 409", async () => {
    for (let round = 0; round < 3; round++) {
      const { organisation } = await createOrganisation(db());
      const actor = systemActor(organisation.id, "Dana Staff");
      const values: StewardshipSettingsValues = { version: 0, calculationMaxAgeDays: 90, refinanceMaxSharePercent: "80", cashOutLimitCents: 1_000_000 };
      oneSavedOneConflict(await race((client) => updateStewardshipPolicy(client, actor, values)));
      expect(await db().stewardshipSettings.count({ where: { organisationId: organisation.id } })).toBe(1);
    }
  });
});
