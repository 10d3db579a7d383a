/**
 * Parcel registry at scale: median and p95 server time of the parcel list, search and detail loaders at
 * 100 and at 100,000 parcels, and the 100k/100 ratio, on SQLite and PostgreSQL.
 *   npx tsx bench/parcels.bench.ts [--parcels 100000] [--engine sqlite|postgresql]
 * Each engine runs in its own child process against a fresh database (a temp SQLite file, or a database
 * created on 127.0.0.1:5432 and dropped afterwards). Figures only — no assertions.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";

const { values } = parseArgs({ options: { parcels: { type: "string", default: "100000" }, engine: { type: "string" }, child: { type: "boolean", default: false } } });
const LARGE = Number(values.parcels);
const SMALL = 100;
const ITERATIONS = 60;
const PG_SERVER = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function runChild(engine: "sqlite" | "postgresql") {
  const name = `cg_bench_${process.pid}`;
  const file = join(tmpdir(), `${name}.db`);
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: PG_SERVER });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  if (engine === "postgresql") {
    await admin(`CREATE DATABASE "${name}"`);
    const url = new URL(PG_SERVER);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    process.env.DATABASE_URL = `file:${file}`;
  }
  process.env.SESSION_SECRET = "bench-session-secret-0123456789abcdefghijkl";
  process.env.NODE_ENV = "production";
  try {
    const { deployMigrations } = await import("../scripts/db/engine.ts");
    await deployMigrations(process.env.DATABASE_URL!);
    const { db, disconnectDb } = await import("~/utils/db.server");
    const { createOrganisation } = await import("~/modules/demo/organisations");
    const { seedScale } = await import("~/modules/demo/scale");
    const { createUserSession } = await import("~/modules/auth/session.server");
    const { loader: listLoader } = await import("~/routes/parcels._index");
    const { loader: detailLoader } = await import("~/routes/parcels.$parcelId._index");
    const { loader: householdsLoader } = await import("~/routes/households._index");
    const { loader: householdLoader } = await import("~/routes/households.$householdId._index");

    const sizes = [SMALL, LARGE];
    const results: Record<string, Record<number, { median: number; p95: number }>> = {
      list: {},
      "search-specific": {},
      "search-common": {},
      detail: {},
      "households-list": {},
      "households-search": {},
      "household-detail": {},
    };
    for (const size of sizes) {
      const started = Date.now();
      const { organisation, user } = await createOrganisation(db());
      await seedScale(db(), organisation.id, size);
      if (engine === "postgresql") await db().$executeRawUnsafe("ANALYZE");
      else await db().$executeRawUnsafe("ANALYZE");
      const cookie = (await createUserSession(new Request("http://bench/login"), user.id, organisation.id)).split(";")[0]!;
      const ids = await db().parcel.findMany({
        where: { organisationId: organisation.id },
        select: { id: true, parcelNumber: true, streetAddress: true },
        take: 50,
        skip: Math.floor(size / 3),
      });
      process.stderr.write(`  ${engine}: seeded ${size} parcels in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      const request = (path: string) => new Request(`http://bench${path}`, { headers: { Cookie: cookie } });
      const time = async (label: string, makePath: (i: number) => string, call: (req: Request, i: number) => Promise<unknown>) => {
        for (let i = 0; i < 20; i++) await call(request(makePath(i)), i);
        const samples: number[] = [];
        for (let i = 0; i < ITERATIONS; i++) {
          const t0 = performance.now();
          await call(request(makePath(i)), i);
          samples.push(performance.now() - t0);
        }
        results[label]![size] = stats(samples);
      };
      const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: {} });
      await time("list", (i) => `/parcels?page=${(i % 4) + 1}`, (req) => listLoader(args(req)));
      // what staff type: an APN or a street address (a handful of matches) …
      const specific = ids.flatMap((p) => [p.parcelNumber, p.streetAddress]);
      await time("search-specific", (i) => `/parcels?q=${encodeURIComponent(specific[i % specific.length]!)}`, (req) => listLoader(args(req)));
      // … or a word that thousands of parcels share at 100k (a common surname, a street name)
      const common = ["okafor", "maple avenue", "núñez", "winooski"];
      await time("search-common", (i) => `/parcels?q=${encodeURIComponent(common[i % common.length]!)}`, (req) => listLoader(args(req)));
      await time("detail", (i) => `/parcels/${ids[i % ids.length]!.id}`, (req, i) => detailLoader(args(req, { parcelId: ids[i % ids.length]!.id })));
      const households = await db().household.findMany({ where: { organisationId: organisation.id }, select: { id: true, name: true }, take: 50, skip: Math.floor(size / 3) });
      await time("households-list", (i) => `/households?page=${(i % 4) + 1}`, (req) => householdsLoader(args(req)));
      await time("households-search", (i) => `/households?q=${encodeURIComponent(households[i % households.length]!.name.split(" ")[0]!)}`, (req) => householdsLoader(args(req)));
      await time("household-detail", (i) => `/households/${households[i % households.length]!.id}`, (req, i) => householdLoader(args(req, { householdId: households[i % households.length]!.id })));
    }
    await disconnectDb();
    process.stdout.write(JSON.stringify(results));
  } finally {
    if (engine === "postgresql") await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    else for (const s of ["", "-wal", "-shm"]) rmSync(`${file}${s}`, { force: true });
  }
}

if (values.child) {
  await runChild(values.engine as "sqlite" | "postgresql");
  process.exit(0);
} else {
  const engines = values.engine ? [values.engine] : ["sqlite", "postgresql"];
  console.log(`Parcel loaders: ${ITERATIONS} requests each after warm-up; ${SMALL} vs ${LARGE.toLocaleString("en-US")} parcels (ms)`);
  console.log("engine      loader            n=100 median  p95   n=100k median  p95    ratio(median)  ratio(p95)");
  for (const engine of engines) {
    const out = execFileSync("npx", ["tsx", "bench/parcels.bench.ts", "--child", "--engine", engine, "--parcels", String(LARGE)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 10 * 1024 * 1024,
    });
    const results = JSON.parse(out) as Record<string, Record<number, { median: number; p95: number }>>;
    for (const [loader, bySize] of Object.entries(results)) {
      const small = bySize[SMALL]!;
      const large = bySize[LARGE]!;
      console.log(
        `${engine.padEnd(11)} ${loader.padEnd(17)} ${small.median.toFixed(1).padStart(8)} ${small.p95.toFixed(1).padStart(6)}   ${large.median.toFixed(1).padStart(8)} ${large.p95.toFixed(1).padStart(6)}   ${(large.median / small.median).toFixed(2).padStart(12)}  ${(large.p95 / small.p95).toFixed(2).padStart(9)}`,
      );
    }
  }
}
