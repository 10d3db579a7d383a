/**
 * Operations (README "Operations"), against the compiled production server (build/server.js, built by
 * scripts/build.mjs when out of date) on this file's fresh database:
 * health and readiness, JSON request logs with the request id, a backup of the running instance under
 * writes restored into a fresh database and compared table by table, a request in flight surviving
 * SIGTERM, and `npm start` running the server with the production heap flags.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { backupBeforeMigrations } from "../../scripts/db/backup.ts";
import { createDb, db, type Db } from "~/utils/db.server";

const kind = process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
const databaseUrl = process.env.DATABASE_URL!;
const work = mkdtempSync(join(tmpdir(), "cg-ops-"));
const restoredName = `cg_restore_${process.pid}_${randomBytes(4).toString("hex")}`;
const restoredUrl =
  kind === "postgresql" ? Object.assign(new URL(databaseUrl), { pathname: `/${restoredName}` }).toString() : `file:${join(work, "restored.db")}`;

const accessLogPath = join(work, "access.log");
let server: ChildProcess;
let port = 0;
let output = "";

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port: free } = probe.address() as { port: number };
  probe.close();
  await once(probe, "close");
  return free;
}

function startServer(): ChildProcess {
  const serverEnv: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    SEED_DEMO: "true",
    DEMO_PASSWORD: "operations-test-password-0123",
    DOCUMENT_WARMUP: "false",
    BACKUP_DIR: join(work, "automatic"),
    ACCESS_LOG: accessLogPath,
  };
  // as `node build/server.js` from a shell or a process manager: no NODE_ENV (the build's entry sets it)
  delete serverEnv.NODE_ENV;
  const child = spawn(process.execPath, ["build/server.js"], {
    env: serverEnv as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return child;
}

async function waitUntilListening(): Promise<void> {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${output}`);
    if (output.includes("Commonground is running")) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function get(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest({ host: "127.0.0.1", port, path, agent: false, method: options.method ?? "GET", headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("latin1");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    })
      .on("error", reject)
      .end(options.body);
  });
}

/** Signs in through the sign-in form as a browser on this site would (the form's Origin is checked). */
function signIn(email: string, password: string) {
  return get("/login", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: `http://127.0.0.1:${port}`, Host: `127.0.0.1:${port}` },
    body: new URLSearchParams({ email, password }).toString(),
  });
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale"], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  port = await freePort();
  server = startServer();
  await waitUntilListening();
}, 300_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGKILL");
    await once(server, "exit");
  }
  if (kind === "postgresql") {
    const client = new pg.Client({ connectionString: Object.assign(new URL(databaseUrl), { pathname: "/postgres" }).toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
    await client.end();
  }
  rmSync(work, { recursive: true, force: true });
});

describe("health and logs", () => {
  test("GET /healthz answers while the process is up, without a session cookie", async () => {
    const res = await get("/healthz");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ status: "ok" });
    expect(res.headers["set-cookie"]).toBeUndefined();
  });

  test("GET /readyz: the database answers and every migration is applied", async () => {
    const res = await get("/readyz");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: "ready" });
  });

  test("every request is logged as one JSON line with its request id", async () => {
    const res = await get("/login");
    expect(res.status).toBe(200);
    const id = res.headers["x-request-id"] as string;
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    let line: Record<string, unknown> | undefined;
    while (!line) {
      line = output
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((entry) => entry.requestId === id);
      if (!line) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(line).toMatchObject({ level: "info", msg: "request", method: "GET", path: "/login", status: 200 });
    expect(typeof line.durationMs).toBe("number");
  });
});

describe("production mode without NODE_ENV", () => {
  test("an error answer shows the browser a status message, never a stack trace or the server's file paths", async () => {
    // a page address with broken percent-encoding: Express refuses it before the app sees it, and outside
    // production mode its error page prints the stack
    for (const path of ["/parcels/%E0%A4%A", "/build/%E0%A4%A"]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.body, path).toContain("Bad Request");
      expect(res.body, path).not.toMatch(/URIError|node_modules|build\/serve|\bat [A-Za-z.]+ \(/);
    }
  });
});

describe("Remix's older data format (?_data=)", () => {
  test("is answered 400 with a sentence, signed in or not, and logs no unexpected error", async () => {
    const login = await signIn("admin@riverbend-clt.example", "operations-test-password-0123");
    expect(login.status).toBe(302);
    const signedIn = { Cookie: String(login.headers["set-cookie"]).split(";")[0]! };
    // before the guard each of these logged Remix's "should not be making ?_data requests" warning as an
    // unexpected error, and an unknown route id got a 403, a loader that returns nothing a 500 with a TypeError
    const requests: [string, Record<string, string>][] = [
      ["/?_data=routes/nope", {}],
      ["/login?_data=routes/login", {}],
      ["/login?_data=", {}],
      ["/nope?_data=routes/nope", {}],
      ["/parcels?_data=routes/parcels._index", {}],
      ["/parcels?_data=routes/parcels._index", signedIn],
      ["/parcels?_data=routes/nope", signedIn],
    ];
    const ids: string[] = [];
    for (const [path, headers] of requests) {
      const res = await get(path, { headers });
      expect(res.status, path).toBe(400);
      expect(Buffer.from(res.body, "latin1").toString("utf8"), path).toBe("This address does not answer “?_data=” requests (an older Remix data format). Open it without “?_data=”.");
      ids.push(res.headers["x-request-id"] as string);
    }
    const lines = () =>
      output
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((entry) => ids.includes(entry.requestId as string));
    // each request's own log line is written once it has been answered
    while (lines().filter((entry) => entry.msg === "request").length < ids.length) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines().filter((entry) => entry.level !== "info")).toEqual([]);
    // the app's own data requests (single fetch) still work
    const data = await get("/parcels.data", { headers: signedIn });
    expect(data.status).toBe(200);
    expect(data.headers["content-type"]).toMatch(/^text\/x-script/);
  });
});

describe("the demo organisation", () => {

  test("gives each demo account its own strong random password, printed once, and shows a banner while signed in to it", async () => {
    // the start-up output lists each account as "role  email  password"
    const printed = new Map(
      [...output.matchAll(/^ {4}(admin|staff|viewer|member|homeowner)\s+(\S+@\S+)\s+(\S+)$/gm)].map((m) => [m[1]!, { email: m[2]!, password: m[3]! }]),
    );
    expect([...printed.keys()].sort()).toEqual(["admin", "homeowner", "member", "staff", "viewer"]);
    expect(printed.get("admin")!.password).toBe("operations-test-password-0123"); // fixed by DEMO_PASSWORD in this test
    const others = ["staff", "viewer", "member", "homeowner"].map((role) => printed.get(role)!);
    // 16 random bytes in base64url = 22 characters (128 bits); all different from each other and the admin's
    for (const { password } of others) expect(password).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set([...printed.values()].map((login) => login.password)).size).toBe(5);
    for (const { password } of printed.values()) expect(output.split(password).length - 1).toBe(1);

    const staff = printed.get("staff")!;
    expect((await signIn(staff.email, "operations-test-password-0123")).status).toBe(401); // not the admin's password
    const login = await signIn(staff.email, staff.password);
    expect(login.status).toBe(302);
    const home = await get("/", { headers: { Cookie: String(login.headers["set-cookie"]).split(";")[0]! } });
    expect(home.status).toBe(200);
    expect(home.body).toContain('class="demo-banner"');
    expect(home.body).toContain("Demo organisation.");
    // signed out, no banner
    expect((await get("/login")).body).not.toContain("demo-banner");
  });
});

describe("access log", () => {
  test("every file read (PDF, CSV) is logged in ACCESS_LOG with who read it; pages, refusals and the request log's lines are not", async () => {
    const login = await signIn("admin@riverbend-clt.example", "operations-test-password-0123");
    expect(login.status).toBe(302);
    const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
    const signedIn = { headers: { Cookie: cookie } };
    const leases = await get("/leases", signedIn);
    const leasePath = /href="(\/leases\/[a-z0-9]{20,})"/.exec(leases.body)![1]!;
    const leaseCountBefore = await db().leaseDocument.count();

    const csv = await get("/parcels/export.csv", signedIn);
    expect(csv.status).toBe(200);
    const pdf = await get(`${leasePath}/document.pdf`, signedIn);
    expect(pdf.status).toBe(200);
    expect(pdf.body.startsWith("%PDF-")).toBe(true);
    const signedOut = await get("/parcels/export.csv");
    expect(signedOut.status).toBe(302);
    // a POST download (the lease list's no-JavaScript ZIP) is read inside the request's context too
    const zip = await get("/leases/documents.zip", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: `http://127.0.0.1:${port}`, Host: `127.0.0.1:${port}` },
      body: new URLSearchParams({ leaseId: leasePath.split("/")[2]! }).toString(),
    });
    expect(zip.status).toBe(200);
    expect(zip.body.startsWith("PK")).toBe(true);

    let lines: Record<string, unknown>[] = [];
    for (let attempt = 0; attempt < 100 && lines.length < 3; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      lines = existsSync(accessLogPath)
        ? readFileSync(accessLogPath, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>)
        : [];
    }
    const admin = await db().user.findFirstOrThrow({ where: { email: "admin@riverbend-clt.example" } });
    const organisation = await db().organisation.findFirstOrThrow({ where: { memberships: { some: { userId: admin.id } } } });
    const reference = (await db().lease.findFirstOrThrow({ where: { id: leasePath.split("/")[2]! } })).reference;
    expect(lines.map(({ time: _time, requestId: _id, bytes: _bytes, ...rest }) => rest)).toEqual([
      { level: "info", msg: "access", organisationId: organisation.id, userId: admin.id, email: "admin@riverbend-clt.example", role: "admin", method: "GET", path: "/parcels/export.csv", status: 200, file: expect.stringMatching(/\.csv$/), completed: true },
      { level: "info", msg: "access", organisationId: organisation.id, userId: admin.id, email: "admin@riverbend-clt.example", role: "admin", method: "GET", path: `${leasePath}/document.pdf`, status: 200, file: `${reference} ground lease.pdf`, completed: true },
      { level: "info", msg: "access", organisationId: organisation.id, userId: admin.id, email: "admin@riverbend-clt.example", role: "admin", method: "POST", path: "/leases/documents.zip", status: 200, file: expect.stringMatching(/^ground leases \d{4}-\d{2}-\d{2}\.zip$/), completed: true },
    ]);
    expect(lines[1]!.requestId).toBe(pdf.headers["x-request-id"]);
    expect(lines[1]!.bytes).toBe(Number(pdf.headers["content-length"]));
    // the access log is its own file: stdout keeps only the request log
    expect(output).not.toContain('"msg":"access"');
    // reading is not producing: no lease document was recorded
    expect(await db().leaseDocument.count()).toBe(leaseCountBefore);
  });
});

async function runScript(args: string[], extraEnv: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env: { ...process.env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const [status] = (await once(child, "exit")) as [number | null];
  return { status, stdout, stderr };
}

/** Every table as sorted JSON rows (values made comparable across clients). */
async function dumpTables(client: Db): Promise<Map<string, Record<string, unknown>[]>> {
  const tables = await client.$queryRawUnsafe<{ name: string }[]>(
    kind === "postgresql"
      ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  const result = new Map<string, Record<string, unknown>[]>();
  for (const { name } of tables) {
    const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`);
    const normalised = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          value instanceof Date ? value.toISOString() : typeof value === "bigint" ? value.toString() : value instanceof Uint8Array ? Buffer.from(value).toString("hex") : value,
        ]),
      ),
    );
    normalised.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    result.set(name, normalised);
  }
  return result;
}

describe("backup and restore", () => {
  test("a backup of the running instance under writes restores into a fresh database with every table intact", async () => {
    const source = db();
    // the server seeded the demo organisation on start: many tables have rows
    expect(await source.parcel.count()).toBeGreaterThan(0);
    const writer = await source.organisation.create({ data: { name: "Writer Trust", slug: `writer-${randomBytes(3).toString("hex")}` } });
    let written = 0;
    let writing = true;
    // each write is a transaction of two rows: both or neither may be in the backup
    const writes = (async () => {
      while (writing) {
        const n = written;
        await source.$transaction([
          source.auditEntry.create({
            data: { organisationId: writer.id, actorLabel: "writer", entity: "Write", entityId: `w-${n}`, action: "first", changes: {} },
          }),
          source.auditEntry.create({
            data: { organisationId: writer.id, actorLabel: "writer", entity: "Write", entityId: `w-${n}`, action: "second", changes: {} },
          }),
        ]);
        written += 1;
        // better-sqlite3 answers without I/O: yield, or this loop starves every timer
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    let failure: unknown;
    writes.catch((error: unknown) => (failure = error));
    while (written < 20) {
      if (failure) throw failure;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    const file = join(work, kind === "postgresql" ? "backup.dump" : "backup.db");
    // asynchronously, so the writes go on while it runs
    const backup = await runScript(["scripts/backup.ts", "backup", "--out", file], { DATABASE_URL: databaseUrl });
    const writtenAfterBackup = written;
    writing = false;
    await writes;
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(existsSync(file)).toBe(true);

    const restore = await runScript(["scripts/backup.ts", "restore", file, "--url", restoredUrl]);
    expect(restore.stderr).toBe("");
    expect(restore.status).toBe(0);

    const restoredClient = createDb(restoredUrl);
    try {
      const restored = await dumpTables(restoredClient);
      const original = await dumpTables(source);
      expect([...restored.keys()].sort()).toEqual([...original.keys()].sort());

      // the writes in the backup are a prefix w-0 … w-(k-1), each with both of its rows
      const writes = (restored.get("AuditEntry") ?? []).filter((row) => row.entity === "Write");
      const byWrite = new Map<string, number>();
      for (const row of writes) byWrite.set(row.entityId as string, (byWrite.get(row.entityId as string) ?? 0) + 1);
      const k = byWrite.size;
      expect(k).toBeGreaterThanOrEqual(20);
      expect(k).toBeLessThanOrEqual(writtenAfterBackup);
      for (let i = 0; i < k; i += 1) expect(byWrite.get(`w-${i}`), `write w-${i}`).toBe(2);

      // every other row is identical; the source only has the later writes in addition
      const later = (row: Record<string, unknown>) => row.entity === "Write" && Number(String(row.entityId).slice(2)) >= k;
      for (const [table, rows] of original) {
        const expected = table === "AuditEntry" ? rows.filter((row) => !later(row)) : rows;
        expect(restored.get(table), `table ${table}`).toEqual(expected);
      }
    } finally {
      await restoredClient.$disconnect();
    }
  }, 120_000);

  test.runIf(kind === "sqlite")("before migrating, npm start keeps a backup and only the last BACKUP_KEEP of them", async () => {
    const dir = join(work, "automatic-keep");
    const lines: string[] = [];
    for (let i = 0; i < 4; i += 1) await backupBeforeMigrations(databaseUrl, 2, (line) => lines.push(line), dir);
    const kept = readdirSync(dir).filter((name) => name.endsWith(".db"));
    expect(kept).toHaveLength(2);
    expect(lines).toHaveLength(4);
    const copy = createDb(`file:${join(dir, kept.sort()[1]!)}`);
    try {
      expect(await copy.parcel.count()).toBe(await db().parcel.count());
    } finally {
      await copy.$disconnect();
    }
  }, 60_000);

  test("restore refuses a file that is not a backup, naming it", () => {
    const junk = join(work, "junk.db");
    spawnSync("sh", ["-c", `echo not a database > '${junk}'`]);
    const restore = spawnSync(process.execPath, ["--import", "tsx", "scripts/backup.ts", "restore", junk, "--url", restoredUrl], { encoding: "utf8" });
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain("junk.db");
  });
});

describe("graceful shutdown", () => {
  test("a request in flight when SIGTERM arrives is answered, then the server exits 0", async () => {
    const body = "email=nobody%40example.org&password=not-the-password";
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          path: "/login",
          method: "POST",
          agent: false,
          // 100-continue: the server answers "100 Continue" once it has the request, before the body
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": String(Buffer.byteLength(body)),
            Origin: `http://127.0.0.1:${port}`,
            Host: `127.0.0.1:${port}`,
            Expect: "100-continue",
          },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode!, body: text }));
        },
      );
      req.on("error", reject);
      req.on("continue", () => {
        // the request is in flight: stop the server, then send the body
        server.kill("SIGTERM");
        (async () => {
          while (!output.includes("shutting down")) await new Promise((resolve) => setTimeout(resolve, 20));
          req.end(body);
        })().catch(reject);
      });
      req.flushHeaders();
    });
    const exited = once(server, "exit");
    const answer = await response;
    expect(answer.status).toBeGreaterThanOrEqual(200);
    expect(answer.status).toBeLessThan(500);
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  }, 60_000);
});

describe("npm start (scripts/start.mjs)", () => {
  /** Runs `node scripts/start.mjs` on a fresh SQLite file; resolves with the process and the server's pid from its start-up log line. */
  async function npmStart(extraEnv: Record<string, string>): Promise<{ start: ChildProcess; serverPid: number; startPort: number; log: () => string }> {
    const startPort = await freePort();
    const env: Record<string, string | undefined> = {
      ...process.env,
      PORT: String(startPort),
      DATABASE_URL: `file:${join(work, `start-${startPort}.db`)}`,
      SEED_DEMO: "false",
      DOCUMENT_WARMUP: "false",
      BACKUP_KEEP: "0",
      SESSION_SECRET: process.env.SESSION_SECRET ?? "operations-test-start-secret-0123456789-abcdef",
      ...extraEnv,
    };
    delete env.NODE_ENV;
    const start = spawn(process.execPath, ["scripts/start.mjs"], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    start.stdout!.on("data", (chunk: Buffer) => (text += chunk.toString()));
    start.stderr!.on("data", (chunk: Buffer) => (text += chunk.toString()));
    for (;;) {
      if (start.exitCode !== null) throw new Error(`npm start exited (${start.exitCode}):\n${text}`);
      const line = text.split("\n").find((l) => l.includes("Commonground is running"));
      if (line) return { start, serverPid: JSON.parse(line).pid as number, startPort, log: () => text };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const commandLine = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);

  test.runIf(kind === "sqlite" && process.platform === "linux")(
    "runs the server with the production heap flags, answers, and stops the server on SIGTERM",
    async () => {
      const { start, serverPid, startPort, log } = await npmStart({});
      expect(serverPid).not.toBe(start.pid);
      expect(commandLine(serverPid).slice(1)).toEqual(["--max-semi-space-size=4", "--max-old-space-size=256", expect.stringMatching(/build\/server\.js$/)]);
      const healthz = await fetch(`http://127.0.0.1:${startPort}/healthz`);
      expect(healthz.status).toBe(200);
      const exited = once(start, "exit");
      start.kill("SIGTERM");
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
      expect(log()).toContain('"msg":"stopped"');
      expect(existsSync(`/proc/${serverPid}`)).toBe(false);
    },
    120_000,
  );

  test.runIf(kind === "sqlite" && process.platform === "linux")(
    "SERVER_NODE_FLAGS replaces the flags; empty runs the server in the npm start process itself",
    async () => {
      const replaced = await npmStart({ SERVER_NODE_FLAGS: "--max-old-space-size=300" });
      expect(commandLine(replaced.serverPid).slice(1, 2)).toEqual(["--max-old-space-size=300"]);
      replaced.start.kill("SIGTERM");
      await once(replaced.start, "exit");
      const none = await npmStart({ SERVER_NODE_FLAGS: "" });
      expect(none.serverPid).toBe(none.start.pid);
      none.start.kill("SIGTERM");
      const [code] = (await once(none.start, "exit")) as [number | null];
      expect(code).toBe(0);
    },
    120_000,
  );
});
