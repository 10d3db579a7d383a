/**
 * Derives prisma/postgresql/schema.prisma from prisma/sqlite/schema.prisma (the hand-edited source):
 * only the datasource provider and the generator output folder differ.
 *
 *   tsx scripts/sync-schema.ts           write the PostgreSQL schema
 *   tsx scripts/sync-schema.ts --check   exit 1 if the checked-in PostgreSQL schema is out of date (CI)
 *
 * Options: --root <project dir> (default: the repository).
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { defaultSchemaPath, REPO_ROOT } from "./db/migrations.ts";
import { checkSync } from "./db/schema.ts";

function main(): number {
  const { values } = parseArgs({
    options: { check: { type: "boolean" }, root: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log("Usage: tsx scripts/sync-schema.ts [--check] [--root <dir>]");
    return 0;
  }
  const root = values.root ? resolve(values.root) : REPO_ROOT;
  const sqlitePath = defaultSchemaPath("sqlite", root);
  const postgresPath = defaultSchemaPath("postgresql", root);
  const rel = (p: string) => relative(process.cwd(), p) || p;

  const state = checkSync({ sqlitePath, postgresPath });
  if (state.inSync) {
    console.log(`${rel(postgresPath)} is in sync with ${rel(sqlitePath)}.`);
    return 0;
  }
  if (values.check) {
    console.error(
      state.reason === "missing"
        ? `${rel(postgresPath)} is missing.`
        : `${rel(postgresPath)} is out of sync with ${rel(sqlitePath)} (it must be derived, never edited by hand).`,
    );
    console.error("Run `npm run db:sync-schema` and commit the result (create a migration too if the models changed).");
    return 1;
  }
  mkdirSync(dirname(postgresPath), { recursive: true });
  const existed = existsSync(postgresPath);
  writeFileSync(postgresPath, state.expected);
  console.log(`${existed ? "Updated" : "Created"} ${rel(postgresPath)} from ${rel(sqlitePath)}.`);
  return 0;
}

let code = 1;
try {
  code = main();
} catch (error) {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
}
process.exit(code);
