/** The browser tests' server: a fresh database file, a fresh build, then the production server. */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";

const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
if (!file) throw new Error("DATABASE_URL must be a file: URL for the browser tests");
mkdirSync("test-results", { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
execFileSync("npx", ["remix", "build"], { stdio: "inherit" });
await import("./serve.ts");
