/**
 * Prisma 7 CLI configuration (used by `prisma generate`, `prisma validate`, `prisma format`).
 *
 * Prisma's native schema-engine binary cannot be downloaded on this project's machines, and the CLI wants
 * one even to generate. We point it at a stub that explains what to use instead: migrations are handled by
 * `scripts/db.ts` (npm run db:create / db:deploy / db:status …), which drives Prisma's WebAssembly schema
 * engine. See docs/decisions/002-databases-and-migrations.md.
 *
 * The PostgreSQL schema (prisma/postgresql/schema.prisma) is derived from the SQLite one by
 * scripts/sync-schema.ts; generate both clients with `npm run db:generate`.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL("./scripts/prisma-schema-engine-stub.sh", import.meta.url),
);

export default defineConfig({
  schema: "prisma/sqlite/schema.prisma",
  migrations: { path: "prisma/sqlite/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/commonground.db" },
});
