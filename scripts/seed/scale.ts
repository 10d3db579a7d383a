/**
 * Adds a synthetic organisation with many parcels (each with a home and an owner household), for trying
 * the app at scale:   npm run seed:scale -- --parcels 100000 [--organisation "Scale Test Land Trust"]
 * Uses DATABASE_URL like the app (default ./data/commonground.db); prints the admin login.
 */
import { parseArgs } from "node:util";
import { db, disconnectDb } from "~/utils/db.server";
import { databaseUrl } from "~/utils/env.server";
import { deployMigrations } from "../db/engine.ts";
import { createOrganisation } from "~/modules/demo/organisations";
import { seedScale } from "~/modules/demo/scale";
import { ensureSessionSecret } from "../prepare-runtime.ts";

const { values } = parseArgs({
  options: { parcels: { type: "string", default: "100000" }, organisation: { type: "string", default: "Scale Test Land Trust" } },
});
const count = Number(values.parcels);
if (!Number.isInteger(count) || count < 1 || count > 2_000_000) {
  console.error("--parcels must be a whole number between 1 and 2,000,000");
  process.exit(2);
}
ensureSessionSecret(() => {});
await deployMigrations(databaseUrl());
const password = "scale-test-password";
const started = Date.now();
const { organisation, user } = await createOrganisation(db(), { name: values.organisation, password });
await seedScale(db(), organisation.id, count, console.log);
console.log(`Created ${count.toLocaleString("en-US")} parcels in "${organisation.name}" in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
console.log(`Sign in as ${user.email} / ${password}`);
await disconnectDb();
process.exit(0);
