/** The browser tests' server: a fresh database file, the build (only if out of date), then the production server. */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
if (!file) throw new Error("DATABASE_URL must be a file: URL for the browser tests");
mkdirSync("test-results", { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
execFileSync(process.execPath, ["scripts/build.mjs", "--if-stale"], { stdio: "inherit" });
await import(pathToFileURL(resolve("build/server.js")).href);
