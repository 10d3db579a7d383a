/**
 * Generates both Prisma clients offline:
 *   prisma/sqlite/schema.prisma     → app/generated/sqlite
 *   prisma/postgresql/schema.prisma → app/generated/postgresql
 * The PostgreSQL schema is first re-derived from the SQLite one (scripts/sync-schema.ts logic).
 *
 *   tsx scripts/db/generate.ts [--root <dir>]
 *
 * `prisma generate` needs PRISMA_SCHEMA_ENGINE_BINARY to point at an executable (the native engine cannot be
 * downloaded here); prisma.config.ts sets it, and we set it too in case the config is not picked up.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { defaultSchemaPath, REPO_ROOT } from "./migrations.ts";
import { checkSync } from "./schema.ts";

export function prismaCli(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("prisma/package.json")), "build", "index.js");
}

/** Runs `prisma generate --schema <path>`; throws with Prisma's output on failure. */
export function generateClient(schemaPath: string, cwd = REPO_ROOT, quiet = false): void {
  const result = spawnSync(process.execPath, [prismaCli(), "generate", "--schema", schemaPath], {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY:
        process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? join(REPO_ROOT, "scripts", "prisma-schema-engine-stub.sh"),
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  if (result.status !== 0) {
    throw new Error(`prisma generate --schema ${schemaPath} failed:\n${result.stdout ?? ""}${result.stderr ?? ""}`);
  }
  if (!quiet) process.stdout.write(`${result.stdout.trim().replace(/\n\s*\n/g, "\n")}\n`);
}

function main(): number {
  const { values } = parseArgs({ options: { root: { type: "string" } } });
  const root = values.root ? resolve(values.root) : REPO_ROOT;
  const sqlitePath = defaultSchemaPath("sqlite", root);
  const postgresPath = defaultSchemaPath("postgresql", root);
  const state = checkSync({ sqlitePath, postgresPath });
  if (!state.inSync) {
    mkdirSync(dirname(postgresPath), { recursive: true });
    writeFileSync(postgresPath, state.expected);
    console.log(`${state.reason === "missing" ? "Created" : "Updated"} ${relative(process.cwd(), postgresPath) || postgresPath} from the SQLite schema.`);
  }
  generateClient(sqlitePath);
  generateClient(postgresPath);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  let code = 1;
  try {
    code = main();
  } catch (error) {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(code);
}
