import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

/**
 * Browser tests in Debian's Chromium (never a downloaded browser: docs/decisions/005-testing.md).
 * The web server is the real production server (`npm start`'s code) on a fresh SQLite file with the demo
 * organisation seeded; DEMO_PASSWORD, DEMO_STAFF_PASSWORD and DEMO_VIEWER_PASSWORD fix the demo passwords.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3310);
/**
 * The browser tests' database file: in memory (/dev/shm) where the machine has it, so the server's commits do not
 * wait for the disk — the same SQLite, the same semantics (tests/setup/template.ts does the same for the
 * integration tests).
 */
export const E2E_DATABASE_FILE = existsSync("/dev/shm") ? `/dev/shm/commonground-e2e-${E2E_PORT}.db` : "test-results/e2e.db";
/** Each demo account its own password, as in production (scripts/seed/demo.ts). */
export const DEMO_PASSWORD = "riverbend-demo-password";
export const DEMO_STAFF_PASSWORD = "riverbend-staff-password";
export const DEMO_VIEWER_PASSWORD = "riverbend-board-password";
export const DEMO_MEMBER_PASSWORD = "riverbend-member-password";
export const DEMO_HOMEOWNER_PASSWORD = "riverbend-homeowner-password";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  outputDir: "test-results/e2e",
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "tsx scripts/e2e-server.ts",
    url: `http://localhost:${E2E_PORT}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(E2E_PORT),
      DATABASE_URL: `file:${E2E_DATABASE_FILE}`,
      DEMO_PASSWORD,
      DEMO_STAFF_PASSWORD,
      DEMO_VIEWER_PASSWORD,
      DEMO_MEMBER_PASSWORD,
      DEMO_HOMEOWNER_PASSWORD,
      SESSION_SECRET: "e2e-session-secret-0123456789-abcdefghijklmnop",
      COOKIE_SECURE: "false",
      SEED_DEMO: "true",
      // no background lease render while the first pages load (scripts/server/operations.ts warmUp)
      DOCUMENT_WARMUP: "false",
    },
  },
});
