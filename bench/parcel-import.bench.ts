/**
 * The parcel import's commit in one process, without the HTTP server (docs/benchmarks.md, issue 13): CPU time, wall
 * time and the event loop's longest stall while `commitParcelImport` writes ROWS new parcels (each with a home) into
 * a trust that already has PARCELS parcels (the scale seed: a home and an owner household each). The stall is what a
 * request such as /healthz would wait for while the commit runs in the same process.
 *
 *   npx tsx bench/parcel-import.bench.ts [--parcels 100000] [--rows 20000] [--seeded /tmp/import.db] [--profile]
 *   --seeded FILE: keep the seeded database in FILE and start from a copy of it when it exists (seeding
 *   100,000 parcels takes minutes)
 *
 * Run from another checkout (`cd /work/main && npx tsx /path/to/bench/parcel-import.bench.ts …`) to time that
 * checkout's app code: `~/` resolves through the tsconfig of the working directory.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { parcels: { type: "string", default: "100000" }, rows: { type: "string", default: "20000" }, seeded: { type: "string" } } });
const PARCELS = Number(values.parcels);
const ROWS = Number(values.rows);
const work = mkdtempSync(join(tmpdir(), "cg-import-"));
const file = join(work, "import.db");
Object.assign(process.env, { DATABASE_URL: `file:${file}`, SESSION_SECRET: "import-bench-session-secret-0123456789-abcdefgh", SEED_DEMO: "false" });
const load = () => loadavg().map((n) => n.toFixed(1)).join(", ");

const { db, disconnectDb } = await import("~/utils/db.server");
if (values.seeded && existsSync(values.seeded)) {
  copyFileSync(values.seeded, file);
  console.log(`seeded database copied from ${values.seeded}`);
} else {
  const started = performance.now();
  const { deployMigrations } = await import("../scripts/db/engine.ts");
  await deployMigrations(process.env.DATABASE_URL!);
  const { createOrganisation } = await import("~/modules/demo/organisations");
  const { seedScale } = await import("~/modules/demo/scale");
  const { organisation } = await createOrganisation(db(), { name: "Import Bench Land Trust", adminEmail: "import-admin@example.org", password: "import-bench-password-0123456789" });
  await seedScale(db(), organisation.id, PARCELS);
  await disconnectDb();
  if (values.seeded) copyFileSync(file, values.seeded);
  console.log(`seeded ${PARCELS.toLocaleString("en-US")} parcels in ${((performance.now() - started) / 1000).toFixed(0)} s (not timed below)`);
}

const { commitParcelImport } = await import("~/modules/parcels/csv.server");
const { systemActor } = await import("~/modules/audit/audit.server");
const organisation = await db().organisation.findFirstOrThrow({ select: { id: true } });
const streets = ["Elm Street", "Maple Avenue", "Main Street", "Union Street"];
const header = "parcel_number,street_address,city,state,legal_description,acquisition_date,acquisition_price,status,home_type,bedrooms,bathrooms";
const lines = Array.from({ length: ROWS }, (_, i) =>
  [`I-${String(i).padStart(7, "0")}`, `${(i % 4999) + 1} ${streets[i % 4]}`, i % 3 ? "Winooski" : "Burlington", "VT", `"Lot ${i + 1}, Map Book ${(i % 40) + 1}"`, `20${String(i % 24).padStart(2, "0")}-0${(i % 9) + 1}-15`, "50000.00", "leased", "single_family", (i % 4) + 1, "1"].join(","),
);
const csv = `${header}\n${lines.join("\n")}\n`;

// the event loop's longest stall: the largest gap between ticks of a 5 ms timer (what a request waits for)
let longestStallMs = 0;
let ticks = 0;
let lastTick = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  longestStallMs = Math.max(longestStallMs, now - lastTick - 5);
  lastTick = now;
  ticks += 1;
}, 5);
console.log(`node ${process.version}, ${PARCELS.toLocaleString("en-US")} parcels, committing ${ROWS.toLocaleString("en-US")} rows; load average ${load()}`);
const cpu = process.cpuUsage();
const started = performance.now();
lastTick = performance.now();
const result = await commitParcelImport(db(), systemActor(organisation.id, "Import bench"), csv);
const wall = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const ticksDuring = ticks;
await new Promise((resolve) => setTimeout(resolve, 20)); // the timer's tick that ends a stall still running at the end
clearInterval(ticker);
const parcels = await db().parcel.count({ where: { organisationId: organisation.id } });
await disconnectDb();
rmSync(work, { recursive: true, force: true });
if (!result.ok) console.log("FAILED:", JSON.stringify(result.errors.slice(0, 5)));
console.log(
  `commit: ${result.ok ? "ok" : "FAILED"}, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU (user+sys), ${wall.toFixed(1)} s wall, ` +
    `${((1000 * (used.user + used.system)) / 1e6 / ROWS).toFixed(2)} ms CPU per row; event loop's longest stall ${longestStallMs.toFixed(0)} ms (${ticksDuring} ticks of a 5 ms timer ran during the commit); ` +
    `parcels after ${parcels.toLocaleString("en-US")}; load average at the end ${load()}`,
);
