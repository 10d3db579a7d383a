import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { REPO_ROOT } from "./migrations.ts";
import { checkSync, derivePostgresSchema, GENERATED_HEADER, schemaProvider } from "./schema.ts";
import { SMALL_SCHEMA, tempProject } from "./test-helpers.ts";

const project = tempProject();
afterAll(() => rmSync(project.root, { recursive: true, force: true }));

function syncCli(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", join(REPO_ROOT, "scripts/sync-schema.ts"), "--root", project.root, ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
}

describe("derivePostgresSchema", () => {
  test("changes only the provider and the generator output, and adds the generated header", () => {
    const pg = derivePostgresSchema(SMALL_SCHEMA);
    expect(pg.startsWith(GENERATED_HEADER)).toBe(true);
    expect(schemaProvider(pg)).toBe("postgresql");
    expect(pg.slice(GENERATED_HEADER.length)).toBe(
      SMALL_SCHEMA.replace('provider = "sqlite"', 'provider = "postgresql"').replace(
        '"../../app/generated/sqlite"',
        '"../../app/generated/postgresql"',
      ),
    );
  });

  test("rejects schemas it cannot derive from", () => {
    expect(() => derivePostgresSchema(SMALL_SCHEMA.replace('"sqlite"', '"mysql"'))).toThrow(/provider = "sqlite"/);
    expect(() => derivePostgresSchema(SMALL_SCHEMA.replace("generated/sqlite", "generated/client"))).toThrow(
      /should end in "\/sqlite"/,
    );
  });
});

describe("scripts/sync-schema.ts", () => {
  test("--check fails when the PostgreSQL schema is missing, sync writes it, --check passes", () => {
    const missing = syncCli("--check");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/is missing/);

    const write = syncCli();
    expect(write.status).toBe(0);
    expect(write.stdout).toMatch(/Created/);
    expect(checkSync({ sqlitePath: project.sqliteSchema, postgresPath: project.postgresSchema })).toEqual({ inSync: true });

    const ok = syncCli("--check");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/in sync/);
  });

  test("--check detects drift in either file", () => {
    writeFileSync(project.sqliteSchema, `${SMALL_SCHEMA}\nmodel Extra {\n  id Int @id\n}\n`);
    const drift = syncCli("--check");
    expect(drift.status).toBe(1);
    expect(drift.stderr).toMatch(/out of sync/);
    expect(drift.stderr).toMatch(/npm run db:sync-schema/);
    expect(syncCli().status).toBe(0);
    expect(readFileSync(project.postgresSchema, "utf8")).toContain("model Extra");

    writeFileSync(project.postgresSchema, `${readFileSync(project.postgresSchema, "utf8")}\n// hand edit\n`);
    expect(syncCli("--check").status).toBe(1);
  });
});
