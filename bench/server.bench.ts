/**
 * The production server under load. Run: `npm run bench:server` (needs `wrk`; Debian: apt-get install wrk).
 * Prints figures; asserts nothing. Run it on a quiet machine (the project runs it under flock /tmp/cg-heavy.lock).
 *
 * On a fresh SQLite file with the demo organisation, against `node build/server.js` on 127.0.0.1:
 * 1. restart to first response: spawn → first answer of /healthz and of /login (a Remix page), 3 restarts;
 * 2. server memory (RSS of the node process, from /proc): idle after start, and after the load below;
 * 3. every main page, signed in, against the bare route (a signed-out page: the sign-in redirect), each for
 *    DURATION seconds with 10 connections, in the same run: requests/second and the ratio (target ≥ 0.5),
 *    and the server process's CPU time per request (from /proc) with the same ratio — the figure that a
 *    machine busy with other work distorts least;
 * 4. 50 connections on a mix of the pages for 30 s: requests/second, p50/p99 latency, errors
 *    (target p99 ≤ 300 ms, 0 errors).
 *
 * Options (environment): BENCH_PORT (default 4373), BENCH_SECONDS (per page, default 5),
 * BENCH_MIX_SECONDS (default 30), NODE_FLAGS (the server's node flags; default: those `npm start` uses,
 * scripts/server-flags.mjs; NODE_FLAGS="" for node's defaults), BENCH_SETTLE_SECONDS (also report the server's RSS
 * that many seconds after the "5 s later" figure, to see what V8's memory reducer gives back when the server is idle).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serverNodeFlags } from "../scripts/server-flags.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 4373);
const PER_PAGE_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const MIX_SECONDS = Number(process.env.BENCH_MIX_SECONDS ?? 30);
// the production start's node flags (scripts/server-flags.mjs, SERVER_NODE_FLAGS) unless NODE_FLAGS is set
const NODE_FLAGS = process.env.NODE_FLAGS === undefined ? serverNodeFlags() : process.env.NODE_FLAGS.split(" ").filter(Boolean);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = "bench-demo-password-0123456789";
const work = mkdtempSync(join(tmpdir(), "cg-bench-"));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  PORT: String(PORT),
  DATABASE_URL: `file:${join(work, "bench.db")}`,
  SESSION_SECRET: "bench-session-secret-0123456789-abcdefghijklmnop",
  COOKIE_SECURE: "false",
  SEED_DEMO: "true",
  DEMO_PASSWORD: PASSWORD,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** CPU time (user + system) the process has used, in ms, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
  // after "pid (comm) ": state is field 3, utime field 14, stime field 15
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function start(): Promise<{ child: ChildProcess; healthzMs: number; loginMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, "build/server.js"], { env, stdio: ["ignore", "ignore", "inherit"] });
  let healthzMs = 0;
  for (;;) {
    if (child.exitCode !== null) throw new Error("the server exited");
    const ok = await fetch(`${BASE}/healthz`).then((r) => r.ok, () => false);
    if (ok) {
      healthzMs = performance.now() - started;
      break;
    }
    await sleep(10);
  }
  await fetch(`${BASE}/login`);
  return { child, healthzMs, loginMs: performance.now() - started };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

function wrk(args: string[]): string {
  return execFileSync("wrk", args, { encoding: "utf8", timeout: (MIX_SECONDS + 60) * 1000 });
}

function parse(out: string) {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const ms = (label: string) => {
    const m = new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!m) return NaN;
    const value = Number(m[1]);
    return m[2] === "us" ? value / 1000 : m[2] === "s" ? value * 1000 : value;
  };
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  return { rps, requests, p50: ms("50"), p99: ms("99"), errors: non2xx + socketErrors };
}

execFileSync(process.execPath, ["scripts/build.mjs", "--if-stale"], { stdio: "inherit" });
console.log(
  `node ${process.version}, server flags: ${NODE_FLAGS.join(" ") || "none"}, ` +
    `load average ${(await import("node:os")).loadavg().map((n) => n.toFixed(2)).join(" ")}`,
);

// first start creates the database and the demo; the restarts are what an operator sees
let server = await start();
await stop(server.child);
const restarts: { healthzMs: number; loginMs: number }[] = [];
for (let i = 0; i < 3; i += 1) {
  server = await start();
  restarts.push(server);
  if (i < 2) await stop(server.child);
}
console.log(
  `restart → first /healthz: median ${median(restarts.map((r) => r.healthzMs)).toFixed(0)} ms (${restarts.map((r) => r.healthzMs.toFixed(0)).join(" / ")}); ` +
    `→ first /login page: median ${median(restarts.map((r) => r.loginMs)).toFixed(0)} ms (${restarts.map((r) => r.loginMs.toFixed(0)).join(" / ")})`,
);
const pid = server.child.pid!;
await sleep(5_000);
console.log(`memory idle (5 s after start, document warm-up done): ${rssMb(pid).toFixed(0)} MB RSS (target ≤ 200 MB)`);

// sign in
const login = await fetch(`${BASE}/login`, {
  method: "POST",
  redirect: "manual",
  headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE },
  body: new URLSearchParams({ email: "admin@riverbend-clt.example", password: PASSWORD }),
});
const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
if (!cookie.startsWith("cg_session=")) throw new Error(`sign-in failed: ${login.status}`);
const page = async (path: string) => (await fetch(`${BASE}${path}`, { headers: { Cookie: cookie } })).text();
const firstLink = async (list: string, prefix: string) => {
  const html = await page(list);
  const match = new RegExp(`href="(${prefix}/[a-z0-9]{20,})"`).exec(html);
  if (!match) throw new Error(`no ${prefix} link on ${list}`);
  return match[1]!;
};

const pages = [
  "/",
  "/parcels",
  await firstLink("/parcels", "/parcels"),
  "/households",
  await firstLink("/households", "/households"),
  "/leases",
  await firstLink("/leases", "/leases"),
  "/resale",
  "/reports",
  "/settings",
];
const bare = "/settings/users"; // signed out: the sign-in redirect, no database work beyond reading no cookie

// the server's CPU time per request: on a machine shared with other work, req/s measures the machine's
// load as much as the server; CPU ms per request is what the server itself spends on a page
const per = (path: string, withCookie: boolean) => {
  const before = cpuMs(pid);
  const figures = parse(wrk(["-t1", "-c10", `-d${PER_PAGE_SECONDS}s`, "--latency", ...(withCookie ? ["-H", `Cookie: ${cookie}`] : []), `${BASE}${path}`]));
  return { ...figures, cpuPerRequest: (cpuMs(pid) - before) / Math.max(1, figures.requests) };
};

const bareFigures = per(bare, false);
console.log(
  `\nbare route (GET ${bare} signed out → 302): ${bareFigures.rps.toFixed(0)} req/s, p99 ${bareFigures.p99.toFixed(1)} ms, ` +
    `server CPU ${bareFigures.cpuPerRequest.toFixed(2)} ms per request`,
);
console.log(
  "| page | req/s | ratio to bare route | server CPU ms per request | CPU ratio (bare ÷ page) | p50 ms | p99 ms | errors |\n" +
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
);
for (const path of pages) {
  const f = per(path, true);
  console.log(
    `| ${path} | ${f.rps.toFixed(0)} | ${(f.rps / bareFigures.rps).toFixed(2)} | ${f.cpuPerRequest.toFixed(2)} | ` +
      `${(bareFigures.cpuPerRequest / f.cpuPerRequest).toFixed(2)} | ${f.p50.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.errors} |`,
  );
}

const script = join(work, "mix.lua");
writeFileSync(
  script,
  `local paths = {${pages.map((p) => JSON.stringify(p)).join(", ")}}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i], { ["Cookie"] = ${JSON.stringify(cookie)} })\nend\n`,
);
const mixCpuBefore = cpuMs(pid);
const mix = parse(wrk(["-t2", "-c50", `-d${MIX_SECONDS}s`, "--timeout", "10s", "--latency", "-s", script, BASE]));
console.log(
  `\npage mix, 50 connections, ${MIX_SECONDS} s: ${mix.rps.toFixed(0)} req/s, p50 ${mix.p50.toFixed(1)} ms, p99 ${mix.p99.toFixed(1)} ms, errors ${mix.errors}, ` +
    `server CPU ${((cpuMs(pid) - mixCpuBefore) / Math.max(1, mix.requests)).toFixed(2)} ms per request`,
);
console.log(`memory after the load: ${rssMb(pid).toFixed(0)} MB RSS (target ≤ 200 MB)`);
await sleep(5_000);
console.log(`memory 5 s later: ${rssMb(pid).toFixed(0)} MB RSS`);
if (process.env.BENCH_SETTLE_SECONDS) {
  await sleep(Number(process.env.BENCH_SETTLE_SECONDS) * 1000);
  console.log(`memory ${Number(process.env.BENCH_SETTLE_SECONDS) + 5} s later: ${rssMb(pid).toFixed(0)} MB RSS`);
}
await stop(server.child);
rmSync(work, { recursive: true, force: true });
