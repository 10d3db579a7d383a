import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Projects: pure unit tests (beside the code); the integration suite run twice — against a fresh SQLite file
 * per test file, and against a fresh PostgreSQL database per test file; the migrate tool's tests, split the
 * same way ("tooling" on SQLite always runs, "tooling-postgresql" needs the server).
 * Browser tests live in tests/e2e and run with Playwright (playwright.config.ts).
 */
const integration = ["tests/integration/**/*.test.ts"];

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    environment: "node",
    pool: "forks",
    // Two test files at a time: Vitest's default on a 2-core machine is one, and a file spends much of its time
    // waiting on a database. Each file has its own database (tests/setup/database.ts), so files never share state.
    maxWorkers: 2,
    // generous: a timeout only stops a hung test; the demo-seeding tests take 5–20 s when the machine is busy
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ["tests/setup/console.ts"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["app/**/*.test.ts", "app/**/*.test.tsx"] },
      },
      {
        // the migrate tool's own tests on SQLite: scratch files, no server needed — they always run
        extends: true,
        test: { name: "tooling", include: ["scripts/**/*.test.ts"], exclude: ["scripts/**/*.postgresql.test.ts"] },
      },
      {
        // the migrate tool's tests that need a PostgreSQL server (scratch databases created and dropped)
        extends: true,
        test: { name: "tooling-postgresql", include: ["scripts/**/*.postgresql.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "sqlite",
          include: integration,
          setupFiles: ["tests/setup/console.ts", "tests/setup/database.ts"],
          globalSetup: ["tests/setup/template.ts"],
          env: { TEST_DATABASE: "sqlite" },
        },
      },
      {
        extends: true,
        test: {
          name: "postgresql",
          include: integration,
          setupFiles: ["tests/setup/console.ts", "tests/setup/database.ts"],
          globalSetup: ["tests/setup/template.ts"],
          env: { TEST_DATABASE: "postgresql" },
        },
      },
    ],
  },
});
