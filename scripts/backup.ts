/**
 * Backups (README "Operations"):
 *
 *   npm run db:backup -- --out <file>     a consistent copy of DATABASE_URL's database, safe while the app runs
 *                                         (SQLite: a database file; PostgreSQL: pg_dump custom format)
 *   npm run db:restore -- <file>          replace DATABASE_URL's database with a backup (stop the app first;
 *                                         SQLite keeps the current database in the backup folder)
 *
 * Options: --url <DATABASE_URL> (default $DATABASE_URL, else file:./data/commonground.db).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { BackupError, backupDatabase, backupFileName, restoreDatabase } from "./db/backup.ts";
import { DEFAULT_DATABASE_URL, isPostgresUrl } from "~/utils/env.server";

const USAGE = `Usage:
  npm run db:backup -- [--out <file>] [--url <DATABASE_URL>]
  npm run db:restore -- <file> [--url <DATABASE_URL>]
`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: "string" }, url: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const [command, ...rest] = positionals;
  if (values.help || (command !== "backup" && command !== "restore")) {
    process.stdout.write(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  if (!values.url && !process.env.DATABASE_URL && existsSync(resolve(".env"))) process.loadEnvFile(resolve(".env"));
  const url = values.url ?? (process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
  const log = (line: string) => console.log(line);
  if (command === "backup") {
    if (rest.length) throw new BackupError(`unexpected argument "${rest[0]}" (the file goes after --out)\n\n${USAGE}`);
    const out = values.out ?? `data/backups/${backupFileName("manual", isPostgresUrl(url) ? "dump" : "db")}`;
    await backupDatabase(url, out, log);
  } else {
    if (rest.length !== 1) throw new BackupError(`restore needs exactly one backup file\n\n${USAGE}`);
    await restoreDatabase(url, rest[0]!, log);
    log("Start the app (npm start) to apply any migrations newer than the backup.");
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
