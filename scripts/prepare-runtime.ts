/**
 * What `npm start` does before it serves: make sure a session secret exists, validate the environment,
 * apply pending migrations, and on an empty database create the demo organisation (unless SEED_DEMO=false).
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { backupBeforeMigrations } from "./db/backup.ts";
import { deployMigrations, parseDatabaseUrl } from "./db/engine.ts";
import { pendingMigrations } from "./server/operations.ts";
import { backfillHouseholdSearchTokens } from "~/modules/households/households.server";
import { backfillParcelSearchTokens } from "~/modules/parcels/parcels.server";
import { db } from "~/utils/db.server";
import { databaseUrl, EnvError, env, isPostgresUrl } from "~/utils/env.server";

const SECRET_FILE = resolve("data/session-secret");

export function ensureSessionSecret(log: (line: string) => void): void {
  if (process.env.SESSION_SECRET) return;
  if (!existsSync(SECRET_FILE)) {
    mkdirSync(dirname(SECRET_FILE), { recursive: true });
    writeFileSync(SECRET_FILE, randomBytes(32).toString("hex"), { mode: 0o600 });
    chmodSync(SECRET_FILE, 0o600);
    log(`No SESSION_SECRET set: created one in ${SECRET_FILE}. Set SESSION_SECRET yourself when you run several app servers.`);
  }
  process.env.SESSION_SECRET = readFileSync(SECRET_FILE, "utf8").trim();
}

export async function prepareRuntime(log: (line: string) => void = console.log): Promise<void> {
  ensureSessionSecret(log);
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const url = databaseUrl();
  log(`Database: ${isPostgresUrl(url) ? "PostgreSQL" : `SQLite (${url.replace(/^file:/, "")})`}`);
  // Checking with the app's own client first skips loading the migration engine when nothing is pending.
  const target = parseDatabaseUrl(url);
  const pending =
    target.provider === "postgresql" || existsSync(target.file) ? await pendingMigrations().catch(() => ["(not checked)"]) : ["(new database)"];
  if (pending.length) {
    await backupBeforeMigrations(url, env().BACKUP_KEEP, log);
    const { applied } = await deployMigrations(url);
    log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database schema is up to date.");
  } else {
    log("Database schema is up to date.");
  }
  const indexed = (await backfillParcelSearchTokens(db())) + (await backfillHouseholdSearchTokens(db()));
  if (indexed) log(`Indexed ${indexed} parcel(s) and household(s) for search.`);
  if (env().SEED_DEMO === "true") {
    const { seedDemoIfEmpty } = await import("./seed/demo.ts");
    const created = await seedDemoIfEmpty();
    if (created) {
      const line = "─".repeat(64);
      const accounts = created.logins.map((login) => `    ${login.role.padEnd(9)} ${login.email.padEnd(30)} ${login.password}`).join("\n");
      log(`\n${line}\n  Demo organisation created: ${created.organisationName}\n  Sign in at http://localhost:${env().PORT}/login\n${accounts}\n  (each password is shown once — change it under “Your settings” after signing in)\n${line}\n`);
    }
  }
}
