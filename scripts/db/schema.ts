/**
 * The PostgreSQL schema is derived from the SQLite one (the source of truth, edited by hand):
 * only the datasource provider and the generator output folder differ.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Provider } from "./url.ts";

export const GENERATED_HEADER =
  "// GENERATED from prisma/sqlite/schema.prisma by scripts/sync-schema.ts: do not edit.\n" +
  "// Edit the SQLite schema, then run `npm run db:sync-schema`.\n\n";

const BLOCK_RE = /^[ \t]*(datasource|generator)[ \t]+(\w+)[ \t]*\{[^}]*\}/gm;

interface Block {
  kind: "datasource" | "generator";
  name: string;
  text: string;
}

function blocks(schema: string): Block[] {
  return [...schema.matchAll(BLOCK_RE)].map((m) => ({ kind: m[1] as Block["kind"], name: m[2]!, text: m[0] }));
}

function stringProperty(block: string, key: string): string | undefined {
  return new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`, "m").exec(block)?.[1];
}

/** The datasource provider named in a schema ("sqlite", "postgresql", …). */
export function schemaProvider(schema: string): string | undefined {
  const ds = blocks(schema).find((b) => b.kind === "datasource");
  return ds ? stringProperty(ds.text, "provider") : undefined;
}

export function readSchema(path: string, expected: Provider): string {
  if (!existsSync(path)) throw new Error(`schema not found: ${path}`);
  const schema = readFileSync(path, "utf8");
  const provider = schemaProvider(schema);
  if (provider !== expected) {
    throw new Error(`${path}: datasource provider is "${provider ?? "(none)"}", expected "${expected}"`);
  }
  return schema;
}

/** Derives the PostgreSQL schema text from the SQLite schema text. Throws with a clear message if it can't. */
export function derivePostgresSchema(sqliteSchema: string): string {
  const all = blocks(sqliteSchema);
  const datasources = all.filter((b) => b.kind === "datasource");
  if (datasources.length !== 1) {
    throw new Error(`the SQLite schema must have exactly one datasource block (found ${datasources.length})`);
  }
  if (stringProperty(datasources[0]!.text, "provider") !== "sqlite") {
    throw new Error('the SQLite schema\'s datasource must say provider = "sqlite"');
  }
  let out = sqliteSchema.replace(datasources[0]!.text, datasources[0]!.text.replace(
    /^(\s*provider\s*=\s*)"sqlite"/m,
    '$1"postgresql"',
  ));
  for (const gen of all.filter((b) => b.kind === "generator")) {
    const output = stringProperty(gen.text, "output");
    if (output === undefined) continue;
    if (!/(^|\/)sqlite\/?$/.test(output)) {
      throw new Error(
        `generator "${gen.name}": output "${output}" should end in "/sqlite" (the PostgreSQL client goes to the sibling "/postgresql")`,
      );
    }
    const pgOutput = output.replace(/sqlite(\/?)$/, "postgresql$1");
    out = out.replace(gen.text, gen.text.replace(/^(\s*output\s*=\s*)"[^"]*"/m, `$1"${pgOutput}"`));
  }
  return GENERATED_HEADER + out;
}

export interface SchemaPair {
  sqlitePath: string;
  postgresPath: string;
}

export type SyncState = { inSync: true } | { inSync: false; reason: "missing" | "different"; expected: string };

export function checkSync({ sqlitePath, postgresPath }: SchemaPair): SyncState {
  const expected = derivePostgresSchema(readSchema(sqlitePath, "sqlite"));
  if (!existsSync(postgresPath)) return { inSync: false, reason: "missing", expected };
  return readFileSync(postgresPath, "utf8") === expected ? { inSync: true } : { inSync: false, reason: "different", expected };
}
