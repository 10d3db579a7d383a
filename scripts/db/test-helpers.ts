/** Helpers for the migrate tool's integration tests (temporary projects and PostgreSQL databases). */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { createPgDatabase, dropPgDatabase } from "./adapters.ts";
import { parseDatabaseUrl, type PgConnectionConfig } from "./url.ts";

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export const SMALL_SCHEMA = `generator client {
  provider     = "prisma-client"
  output       = "../../app/generated/sqlite"
  runtime      = "nodejs"
  moduleFormat = "esm"
}

datasource db {
  provider = "sqlite"
}

enum Role {
  admin
  member
}

model Organisation {
  id        String   @id @default(cuid())
  name      String
  createdAt DateTime @default(now())
  users     User[]
}

model User {
  id             Int          @id @default(autoincrement())
  email          String       @unique
  role           Role         @default(member)
  balance        Decimal      @default(0)
  organisation   Organisation @relation(fields: [organisationId], references: [id], onDelete: Cascade)
  organisationId String

  @@index([organisationId])
}
`;

export interface TempProject {
  root: string;
  sqliteSchema: string;
  postgresSchema: string;
  sqliteMigrations: string;
  postgresMigrations: string;
}

export function tempProject(schema = SMALL_SCHEMA): TempProject {
  const root = mkdtempSync(join(tmpdir(), "cg-migrate-test-"));
  mkdirSync(join(root, "prisma", "sqlite"), { recursive: true });
  writeFileSync(join(root, "prisma", "sqlite", "schema.prisma"), schema);
  return {
    root,
    sqliteSchema: join(root, "prisma", "sqlite", "schema.prisma"),
    postgresSchema: join(root, "prisma", "postgresql", "schema.prisma"),
    sqliteMigrations: join(root, "prisma", "sqlite", "migrations"),
    postgresMigrations: join(root, "prisma", "postgresql", "migrations"),
  };
}

function serverConfig(): PgConnectionConfig {
  const target = parseDatabaseUrl(TEST_POSTGRES_URL);
  if (target.provider !== "postgresql") throw new Error("TEST_POSTGRES_URL must be a postgresql:// URL");
  return target.pg;
}

/** Creates a uniquely named empty database; returns its URL and a function that drops it. */
export async function tempPgDatabase(label: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const cfg = serverConfig();
  const name = `cg_test_${label}_${process.pid}_${randomBytes(3).toString("hex")}`;
  await createPgDatabase(cfg, name);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => dropPgDatabase(cfg, name) };
}
