/**
 * Builds what the production server runs (docs/decisions/008-production-server.md):
 *   build/index.js      the Remix server build (`remix build`, also public/build/ for the browser)
 *   build/server.js     scripts/serve.ts and what it imports, compiled by esbuild (packages stay in node_modules)
 *   build/.inputs-hash  a hash of every input file, so `npm start` rebuilds only when something changed
 *
 *   node scripts/build.mjs             build now (npm run build)
 *   node scripts/build.mjs --if-stale  build only when the inputs changed since the last build (npm start)
 *
 * Plain JavaScript on purpose: it runs before anything is compiled. Several processes may call it at once
 * (test files, two checkouts' servers): a lock directory makes the others wait for the first one's build.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const BUILD = join(ROOT, "build");
const STAMP = join(BUILD, ".inputs-hash");
const LOCK = join(ROOT, ".build.lock");
const OUTPUTS = [join(BUILD, "index.js"), join(BUILD, "server.js"), join(ROOT, "public", "build")];

/** Everything the two builds read from the project (package contents are pinned by package-lock.json). */
const INPUT_DIRS = ["app", "scripts", "public"];
const INPUT_FILES = ["package.json", "package-lock.json", "remix.config.js", "tsconfig.json"];
const SKIP = new Set(["node_modules", "build", ".cache"]);

function walk(dir, files) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, files);
    else if (entry.isFile() && !/\.test\.tsx?$/.test(entry.name)) files.push(path);
  }
}

export function inputsHash() {
  const files = INPUT_FILES.map((file) => join(ROOT, file)).filter((file) => existsSync(file));
  for (const dir of INPUT_DIRS) walk(join(ROOT, dir), files);
  files.sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

export function buildIsCurrent() {
  return OUTPUTS.every((output) => existsSync(output)) && existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === inputsHash();
}

async function withLock(run) {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      // a build that crashed leaves the lock behind: ignore one older than 10 minutes
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > 10 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`another build holds ${LOCK}; remove it if no build is running`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

async function buildAll(log) {
  const hash = inputsHash();
  const started = Date.now();
  rmSync(STAMP, { force: true });
  const require = createRequire(import.meta.url);
  // always a production build: a test or dev environment must not leave a development React build behind
  const remix = spawnSync(process.execPath, [require.resolve("@remix-run/dev/dist/cli.js"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (remix.status !== 0) throw new Error(`remix build failed (exit ${remix.status})`);
  const esbuild = await import("esbuild");
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ["scripts/serve.ts"],
    outfile: "build/server.js",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "warning",
  });
  writeFileSync(STAMP, `${hash}\n`);
  log(`Built build/index.js and build/server.js in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Builds unless `ifStale` and the build is current. */
export async function ensureBuild({ ifStale = true, log = (line) => console.log(line) } = {}) {
  if (ifStale && buildIsCurrent()) return false;
  return withLock(async () => {
    if (ifStale && buildIsCurrent()) return false; // another process built it while this one waited
    await buildAll(log);
    return true;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const built = await ensureBuild({ ifStale: process.argv.includes("--if-stale") });
    if (!built) console.log("The build is current (build/.inputs-hash): nothing to do.");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
