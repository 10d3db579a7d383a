/**
 * Commonground's migrate tool (offline; drives Prisma's WebAssembly schema engine, see
 * docs/decisions/002-databases-and-migrations.md).
 *
 * Each command is also an npm script of the same name (`npm run db:create -- --name x`, `db:deploy`, …):
 *
 *   tsx scripts/db.ts create --name <name> [--empty]   new migration for SQLite AND PostgreSQL
 *   tsx scripts/db.ts deploy                          apply pending migrations to DATABASE_URL
 *   tsx scripts/db.ts status                          compare DATABASE_URL with the migrations folder
 *   tsx scripts/db.ts reset [--force]                 drop everything in DATABASE_URL, re-apply all
 *   tsx scripts/db.ts diff [--provider <p>]           SQL from the migrations to the schema (empty = in sync)
 *   tsx scripts/db.ts resolve --applied <name> | --rolled-back <name>
 *
 * Options: --url <DATABASE_URL>, --root <project dir>. Environment: DATABASE_URL (default
 * file:./data/commonground.db), MIGRATE_POSTGRES_URL (server for create/diff temporary databases, default
 * postgresql://postgres@127.0.0.1:5432/postgres), MIGRATE_DEBUG=1 (engine logs, stack traces).
 */
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import {
  createMigrations,
  DEFAULT_DATABASE_URL,
  deployMigrations,
  diffMigrationsToSchema,
  MigrateError,
  migrationStatus,
  parseDatabaseUrl,
  resetDatabase,
  resolveMigration,
} from "./db/engine.ts";
import { generateClient } from "./db/generate.ts";
import { defaultMigrationsDir, defaultSchemaPath, REPO_ROOT } from "./db/migrations.ts";
import { redactUrl, type Provider } from "./db/url.ts";

const USAGE = `Usage: npm run db:<command> -- [options]     (the same as: tsx scripts/db.ts <command> [options])

Commands (npm run db:create, db:deploy, db:status, db:reset, db:diff, db:resolve):
  create --name <name> [--empty]   Create the next migration for both SQLite and PostgreSQL from
                                   prisma/sqlite/schema.prisma (uses temporary databases only)
  deploy                           Apply pending migrations to the database of DATABASE_URL
  status                           Show whether DATABASE_URL is up to date (exit 1 if not)
  reset [--force]                  Drop all data and schema in DATABASE_URL, then apply all migrations
  diff [--provider sqlite|postgresql]
                                   Print the SQL between the migrations folder and the schema
  resolve --applied <name>         Record a migration as applied without running it
  resolve --rolled-back <name>     Record a failed migration as rolled back

Options:
  --url <url>     Database URL (default: $DATABASE_URL, else ${DEFAULT_DATABASE_URL})
  --root <dir>    Project directory holding prisma/ (default: the repository)
  -h, --help      Show this help
`;

function fail(message: string): never {
  throw new MigrateError(message);
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(question);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

function rel(path: string): string {
  const r = relative(process.cwd(), path);
  return r.startsWith("..") ? path : r || ".";
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      empty: { type: "boolean" },
      force: { type: "boolean" },
      provider: { type: "string" },
      applied: { type: "string" },
      "rolled-back": { type: "string" },
      url: { type: "string" },
      root: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const command = positionals[0];
  if (values.help || command === undefined || command === "help") {
    process.stdout.write(USAGE);
    return command === undefined && !values.help ? 1 : 0;
  }
  if (positionals.length > 1) fail(`unexpected argument "${positionals[1]}"\n\n${USAGE}`);

  const root = values.root ? resolve(values.root) : REPO_ROOT;
  if (!values.url && !process.env.DATABASE_URL && existsSync(resolve(".env"))) process.loadEnvFile(resolve(".env"));
  const databaseUrl = values.url ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const log = (msg: string) => console.log(msg);
  const target = () => {
    try {
      return parseDatabaseUrl(databaseUrl);
    } catch (error) {
      return fail(`DATABASE_URL: ${(error as Error).message}`);
    }
  };
  const where = () => {
    const t = target();
    return `${t.provider === "sqlite" ? `SQLite database ${rel(t.file)}` : `PostgreSQL database ${redactUrl(t.url)}`}`;
  };

  switch (command) {
    case "create": {
      if (!values.name) fail("create needs --name <name>, e.g. --name add_households");
      const result = await createMigrations({
        name: values.name,
        empty: values.empty,
        sqliteSchemaPath: defaultSchemaPath("sqlite", root),
        postgresSchemaPath: defaultSchemaPath("postgresql", root),
        sqliteMigrationsDir: defaultMigrationsDir("sqlite", root),
        postgresMigrationsDir: defaultMigrationsDir("postgresql", root),
        log,
      });
      for (const plan of result.plans) {
        for (const w of plan.warnings) console.warn(`Warning (${plan.provider}): ${w.message}`);
        for (const w of plan.unexecutableSteps) console.warn(`Warning (${plan.provider}, may fail on existing data): ${w.message}`);
      }
      if (result.name === null) {
        log("No schema changes: the migrations already match prisma/sqlite/schema.prisma. Nothing created.");
        return 0;
      }
      log(`Created migration ${result.name}:`);
      for (const file of result.files) log(`  ${rel(file)}`);
      generateClient(defaultSchemaPath("sqlite", root), root, true);
      generateClient(defaultSchemaPath("postgresql", root), root, true);
      log("Regenerated both Prisma clients. Review the SQL, then apply it with: npm run db:deploy");
      return 0;
    }
    case "deploy": {
      log(`Applying migrations to ${where()}`);
      const { applied } = await deployMigrations(databaseUrl, {
        migrationsDir: defaultMigrationsDir(target().provider, root),
        log,
      });
      log(applied.length ? `${applied.length} migration(s) applied.` : "Database is up to date.");
      return 0;
    }
    case "status": {
      const status = await migrationStatus(databaseUrl, { migrationsDir: defaultMigrationsDir(target().provider, root), log });
      log(`${where()}`);
      log(`${status.migrations.length} migration(s) in ${rel(status.migrationsDir)}`);
      if (status.pending.length) log(`Not yet applied:\n${status.pending.map((n) => `  ${n}`).join("\n")}`);
      if (status.missingLocally.length) {
        log(`Applied to the database but missing from the migrations folder:\n${status.missingLocally.map((n) => `  ${n}`).join("\n")}`);
      }
      if (status.failed.length) {
        log(
          `Failed (fix the database, then \`resolve --rolled-back <name>\` or \`resolve --applied <name>\`):\n` +
            status.failed.map((n) => `  ${n}`).join("\n"),
        );
      }
      if (status.edited.length) log(`Edited after being applied (checksum differs):\n${status.edited.map((n) => `  ${n}`).join("\n")}`);
      if (status.upToDate) log("Database schema is up to date.");
      else if (status.pending.length && !status.failed.length && !status.missingLocally.length) log("Run: npm run db:deploy");
      return status.upToDate ? 0 : 1;
    }
    case "reset": {
      const description = where();
      if (!values.force && !(await confirm(`Drop ALL data and schema in the ${description} and re-apply all migrations? [y/N] `))) {
        fail(`reset refused: pass --force (or answer "y" on a terminal) to drop everything in the ${description}`);
      }
      const { applied } = await resetDatabase(databaseUrl, { migrationsDir: defaultMigrationsDir(target().provider, root), log });
      log(`Reset done: ${applied.length} migration(s) applied.`);
      return 0;
    }
    case "diff": {
      const provider = values.provider;
      if (provider !== undefined && provider !== "sqlite" && provider !== "postgresql") {
        fail(`--provider must be "sqlite" or "postgresql", not "${provider}"`);
      }
      const providers: Provider[] = provider ? [provider] : ["sqlite", "postgresql"];
      let changes = false;
      for (const p of providers) {
        const sql = await diffMigrationsToSchema(p, {
          sqliteSchemaPath: defaultSchemaPath("sqlite", root),
          postgresSchemaPath: defaultSchemaPath("postgresql", root),
          migrationsDir: defaultMigrationsDir(p, root),
          log: (m) => console.error(m),
        });
        if (providers.length > 1) log(`-- ${p}: ${sql ? "changes not yet in a migration" : "migrations match the schema"}`);
        if (sql) {
          changes = true;
          log(sql.trimEnd());
        }
        if (providers.length > 1) log("");
      }
      if (!changes && providers.length === 1) console.error("-- migrations match the schema");
      return 0;
    }
    case "resolve": {
      const applied = values.applied;
      const rolledBack = values["rolled-back"];
      if ((applied === undefined) === (rolledBack === undefined)) {
        fail("resolve needs exactly one of --applied <migration> or --rolled-back <migration>");
      }
      const migrationsDir = defaultMigrationsDir(target().provider, root);
      await resolveMigration(databaseUrl, applied !== undefined ? { applied } : { rolledBack: rolledBack! }, { migrationsDir, log });
      log(applied !== undefined ? `Marked ${applied} as applied.` : `Marked ${rolledBack} as rolled back.`);
      return 0;
    }
    default:
      fail(`unknown command "${command}"\n\n${USAGE}`);
  }
}

let exitCode = 1;
try {
  exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof MigrateError) {
    console.error(`Error${error.code ? ` ${error.code}` : ""}: ${error.message}`);
  } else if (error instanceof Error && "code" in error && String((error as { code: unknown }).code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`Error: ${error.message}\n\n${USAGE}`);
  } else {
    console.error(process.env.MIGRATE_DEBUG ? error : `Error: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (process.env.MIGRATE_DEBUG && error instanceof Error) console.error(error.stack);
  exitCode = 1;
}
// The engine may leave timers behind (advisory lock timeout on PostgreSQL): exit explicitly.
process.exit(exitCode);
