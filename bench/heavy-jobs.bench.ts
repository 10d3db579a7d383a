/**
 * The heavy jobs under the production server's node flags (docs/decisions/024-production-heap-settings.md).
 * Run: `npm run bench:heavy` (minutes: it seeds 100,000 parcels first). Prints figures and whether each job
 * succeeded; asserts nothing, but exits 1 when a job failed or the server died.
 *
 * On a fresh SQLite file: an organisation with PARCELS parcels (each with a home and an owner household, the
 * scale seed) and 100 executed leases on the first 100 homes. Then `node <flags> build/server.js` — the flags `npm start` uses
 * (scripts/server-flags.mjs; SERVER_NODE_FLAGS replaces them, as for `npm start`) — and, signed in as the
 * trust's administrator, one after the other:
 * 1. the parcel export (every parcel, streamed in pages) — all PARCELS rows read back;
 * 2. the household export — all PARCELS households read back;
 * 3. the largest parcel import the page accepts (20,000 rows, at most 5 MB: the export's rows under new parcel numbers),
 *    checked and then committed — the redirect with the success message, and a second export with the new rows;
 *    /healthz is asked every 100 ms during the commit (its answers and the longest wait are printed);
 * 4. the bulk lease ZIP of 100 ground leases — 100 PDFs in the ZIP.
 * The server's resident memory (RSS from /proc) is sampled every 50 ms: the peak during each job, the
 * kernel's high-water mark (VmHWM) at the end, and RSS 10 s after the last job.
 *
 *   npm run bench:heavy [-- --parcels 100000 --commit-rows 2000 --seeded /tmp/heavy.db]
 *   --commit-rows N: commit only the first N rows of the import (before the set-based commit, 20,000 rows ran for
 *   more than 13 minutes holding the event loop: docs/benchmarks.md, sixth and eighth passes)
 *   --seeded FILE: keep the seeded database in FILE and start from a copy of it when it exists (seeding
 *   100,000 parcels takes minutes)
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { unzipSync } from "fflate";
import { serverNodeFlags } from "../scripts/server-flags.mjs";

const { values } = parseArgs({ options: { parcels: { type: "string", default: "100000" }, seeded: { type: "string" }, "commit-rows": { type: "string" } } });
const PARCELS = Number(values.parcels);
const LEASES = 100;
// the largest import the parcel import page accepts: 5 MB for the whole request (less the form's overhead) and at
// most 20,000 rows (app/routes/parcels.import.tsx, app/modules/parcels/csv.server.ts)
const IMPORT_BYTES = 5 * 1024 * 1024 - 4096;
const IMPORT_ROWS = 20_000;
const PORT = Number(process.env.BENCH_PORT ?? 4374);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = "heavy-jobs-password-0123456789";
const EMAIL = "heavy-admin@example.org";
const FLAGS = serverNodeFlags();

const work = mkdtempSync(join(tmpdir(), "cg-heavy-"));
const file = join(work, "heavy.db");
Object.assign(process.env, {
  DATABASE_URL: `file:${file}`,
  SESSION_SECRET: "heavy-bench-session-secret-0123456789-abcdefghijkl",
  COOKIE_SECURE: "false",
  SEED_DEMO: "false",
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const load = () => loadavg().map((n) => n.toFixed(1)).join(", ");

/** A figure (kB) from /proc/PID/status; 0 once the process is gone. */
function status(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Seeds the database file (in this process, with the app's own modules), or copies the kept one. */
async function seed(): Promise<void> {
  if (values.seeded && existsSync(values.seeded)) {
    copyFileSync(values.seeded, file);
    console.log(`seeded database copied from ${values.seeded}`);
    return;
  }
  const started = performance.now();
  const { deployMigrations } = await import("../scripts/db/engine.ts");
  await deployMigrations(process.env.DATABASE_URL!);
  const { db, disconnectDb } = await import("~/utils/db.server");
  const { createOrganisation } = await import("~/modules/demo/organisations");
  const { seedScale } = await import("~/modules/demo/scale");
  const { organisation } = await createOrganisation(db(), { name: "Heavy Jobs Land Trust", adminEmail: EMAIL, password: PASSWORD });
  await seedScale(db(), organisation.id, PARCELS);
  // 100 executed leases on the first 100 homes (the demo factory: a complete organisation, the default template, a formula preset)
  const { createLease } = await import("~/modules/demo/leases");
  const homes = await db().home.findMany({
    where: { organisationId: organisation.id },
    select: { id: true, ownerships: { select: { householdId: true, household: { select: { name: true } } } } },
    orderBy: { id: "asc" },
    take: LEASES,
  });
  for (const home of homes) {
    const owner = home.ownerships[0]!;
    await createLease(db(), organisation.id, { status: "executed", homeId: home.id, householdId: owner.householdId, values: { lesseeNames: [owner.household.name.replace(/ household$/, "")] } });
  }
  await disconnectDb();
  if (values.seeded) copyFileSync(file, values.seeded);
  console.log(`seeded ${PARCELS.toLocaleString("en-US")} parcels and ${LEASES} leases in ${((performance.now() - started) / 1000).toFixed(0)} s (not timed below)`);
}

/** The seeded leases' ids (the ZIP form posts them). */
async function leaseIds(): Promise<string[]> {
  const { db, disconnectDb } = await import("~/utils/db.server");
  const ids = (await db().lease.findMany({ select: { id: true }, orderBy: { reference: "asc" } })).map((lease) => lease.id);
  await disconnectDb();
  return ids;
}

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...FLAGS, "build/server.js"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(PORT) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    if (await fetch(`${BASE}/healthz`).then((r) => r.ok, () => false)) return child;
    await sleep(50);
  }
}

type Outcome = { job: string; ok: boolean; detail: string; seconds: number; peakKb: number };

execFileSync(process.execPath, ["scripts/build.mjs", "--if-stale"], { stdio: "inherit" });
console.log(`node ${process.version}, server flags: ${FLAGS.join(" ") || "none (node's defaults)"}, load average ${load()}`);
await seed();
const leases = await leaseIds();
const server = await startServer();
const pid = server.pid!;
let died = "";
server.once("exit", (code, signal) => (died = `the server exited during the jobs (code ${code}, signal ${signal})`));
await sleep(5_000); // the document warm-up
const idleKb = status(pid, "VmRSS");

let peakKb = 0;
const sampler = setInterval(() => {
  if (!died) peakKb = Math.max(peakKb, status(pid, "VmRSS"));
}, 50);

const login = await fetch(`${BASE}/login`, {
  method: "POST",
  redirect: "manual",
  headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE },
  body: new URLSearchParams({ email: EMAIL, password: PASSWORD }),
});
const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
if (!cookie.startsWith("cg_session=")) throw new Error(`sign-in failed: ${login.status}`);
const headers = { Cookie: cookie, Origin: BASE };

const outcomes: Outcome[] = [];
async function job(name: string, run: () => Promise<{ ok: boolean; detail: string }>): Promise<void> {
  peakKb = 0;
  const started = performance.now();
  let result: { ok: boolean; detail: string };
  try {
    result = await run();
  } catch (error) {
    result = { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  if (died) result = { ok: false, detail: `${result.detail}; ${died}` };
  outcomes.push({ job: name, ...result, seconds: (performance.now() - started) / 1000, peakKb });
  console.log(`${name}: ${result.ok ? "succeeded" : "FAILED"} — ${result.detail} (${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${mb(peakKb)})`);
}

/** Reads a CSV download whole; the number of data rows (lines after the header; no field in these exports holds a line break). */
async function csv(path: string): Promise<{ status: number; text: string; rows: number }> {
  const response = await fetch(`${BASE}${path}`, { headers });
  const text = await response.text();
  return { status: response.status, text, rows: text.split("\n").filter(Boolean).length - 1 };
}

let exported = "";
await job(`parcel export (${PARCELS.toLocaleString("en-US")} parcels)`, async () => {
  const result = await csv("/parcels/export.csv");
  exported = result.text;
  return { ok: result.status === 200 && result.rows === PARCELS, detail: `HTTP ${result.status}, ${result.rows.toLocaleString("en-US")} rows, ${(result.text.length / 1048576).toFixed(1)} MB` };
});
await job(`household export (${PARCELS.toLocaleString("en-US")} households)`, async () => {
  const result = await csv("/households/export.csv");
  return { ok: result.status === 200 && result.rows === PARCELS, detail: `HTTP ${result.status}, ${result.rows.toLocaleString("en-US")} rows, ${(result.text.length / 1048576).toFixed(1)} MB` };
});

// the import: the export's own rows under new parcel numbers (S-0000001 → I-0000001), as many as fit in 5 MB
const lines = exported.split("\n").filter(Boolean);
const importLines = [`${lines[0]}\n`];
let importBytes = Buffer.byteLength(importLines[0]!);
let importRows = 0;
for (const line of lines.slice(1)) {
  const row = `${line.replace(/^"?S-/, (m) => m.replace("S-", "I-"))}\n`;
  // the size counted row by row (measuring the whole text again for every row took minutes)
  if (importRows === IMPORT_ROWS || importBytes + Buffer.byteLength(row) > IMPORT_BYTES) break;
  importLines.push(row);
  importBytes += Buffer.byteLength(row);
  importRows += 1;
}
const importCsv = importLines.join("");
const importForm = (intent: string, asFile: boolean, text = importCsv) => {
  const form = new FormData();
  form.set("intent", intent);
  if (asFile) form.set("file", new Blob([text], { type: "text/csv" }), "parcels.csv");
  else form.set("csv", text);
  return form;
};
await job(`parcel import, check (${importRows.toLocaleString("en-US")} rows, ${(Buffer.byteLength(importCsv) / 1048576).toFixed(2)} MB)`, async () => {
  const response = await fetch(`${BASE}/parcels/import`, { method: "POST", headers, body: importForm("preview", true) });
  const html = await response.text();
  const valid = new RegExp(`The file is valid: ${importRows} parcels`).test(html.replace(/<!-- -->/g, ""));
  return { ok: response.status === 200 && valid, detail: `HTTP ${response.status}, ${valid ? `"The file is valid: ${importRows} parcels…"` : "no validity message"}` };
});
/** POST without a client-side time limit (fetch gives up after 300 s without response headers; the commit of a large import takes longer). */
async function postWithoutTimeout(path: string, form: FormData): Promise<{ status: number; location: string | undefined }> {
  const encoded = new Request(BASE, { method: "POST", body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${BASE}${path}`, { method: "POST", headers: { ...headers, "Content-Type": encoded.headers.get("content-type")!, "Content-Length": body.length } }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }));
    });
    request.on("error", reject);
    request.end(body);
  });
}
const commitRows = Math.min(importRows, Number(values["commit-rows"] ?? importRows));
/** Asks /healthz every 100 ms until stopped: how many answers, and the longest wait for one (what a process manager's health check sees). */
function pollHealth(): { stop: () => Promise<string> } {
  let running = true;
  let answers = 0;
  let longest = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const ok = await fetch(`${BASE}/healthz`).then((r) => r.ok, () => false);
      if (ok) answers += 1;
      longest = Math.max(longest, performance.now() - started);
      await sleep(100);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return `/healthz asked every 100 ms meanwhile: ${answers} answers, the longest took ${(longest / 1000).toFixed(2)} s`;
    },
  };
}
await job(`parcel import, commit (${commitRows.toLocaleString("en-US")} rows)`, async () => {
  const committed = commitRows === importRows ? importCsv : `${importCsv.split("\n").slice(0, commitRows + 1).join("\n")}\n`;
  const health = pollHealth();
  const posted = performance.now();
  const response = await postWithoutTimeout("/parcels/import", importForm("commit", false, committed));
  const answeredIn = `answered in ${((performance.now() - posted) / 1000).toFixed(1)} s`;
  const healthDetail = await health.stop();
  const after = await csv("/parcels/export.csv");
  const ok = response.status === 302 && after.rows === PARCELS + commitRows;
  return { ok, detail: `HTTP ${response.status} → ${response.location}, ${answeredIn}; the export now has ${after.rows.toLocaleString("en-US")} rows; ${healthDetail}` };
});
await job(`bulk lease ZIP (${LEASES} ground leases)`, async () => {
  const body = new URLSearchParams({ kind: "lease" });
  for (const id of leases) body.append("leaseId", id);
  const response = await fetch(`${BASE}/leases/documents.zip`, { method: "POST", headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" }, body, redirect: "manual" });
  if (response.status !== 200) return { ok: false, detail: `HTTP ${response.status} → ${response.headers.get("location")}` };
  const bytes = new Uint8Array(await response.arrayBuffer());
  const entries = unzipSync(bytes);
  const pdfs = Object.keys(entries).filter((name) => name.endsWith(".pdf"));
  // a lease without a document is listed in a text file in the ZIP
  const notes = Object.entries(entries).filter(([name]) => !name.endsWith(".pdf")).map(([, text]) => new TextDecoder().decode(text).slice(0, 600).replace(/\n/g, " "));
  return { ok: pdfs.length === LEASES, detail: `HTTP ${response.status}, ${pdfs.length} PDFs, ${(bytes.length / 1048576).toFixed(1)} MB${notes.length ? `; ${notes.join(" ")}` : ""}` };
});

clearInterval(sampler);
await sleep(10_000);
const alive = !died && server.exitCode === null;
const afterKb = alive ? status(pid, "VmRSS") : 0;
const hwmKb = alive ? status(pid, "VmHWM") : 0;
if (alive) {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}
rmSync(work, { recursive: true, force: true });

console.log(`\nserver flags: ${FLAGS.join(" ") || "none"}; load average at the end ${load()}`);
console.log("| job | result | time | peak RSS during the job |\n| --- | --- | --- | --- |");
for (const o of outcomes) console.log(`| ${o.job} | ${o.ok ? "succeeded" : `FAILED: ${o.detail}`} | ${o.seconds.toFixed(1)} s | ${mb(o.peakKb)} |`);
console.log(`server RSS: idle ${mb(idleKb)}, high-water mark ${alive ? mb(hwmKb) : "—"}, 10 s after the last job ${alive ? mb(afterKb) : "— (the server died)"}`);
const failed = outcomes.some((o) => !o.ok) || !alive;
console.log(failed ? "==> NOT every heavy job succeeded under these flags" : "==> every heavy job succeeded under these flags");
process.exit(failed ? 1 : 0);
