/**
 * Portfolio revaluation benchmark: builds 100,000 varied homes' resale requests in memory (a mix
 * of all formula types, improvements, deductions, caps, floors and rounding rules) and times
 * `calculateResale` over all of them, median of several runs, against a 1,000-home baseline run
 * in the same process. Prints figures only; nothing here is an assertion.
 *
 *   npx tsx bench/resale-portfolio.bench.ts [homes]
 */
import { performance } from "node:perf_hooks";
import { parseResaleRequest, type ResaleRequest, type ResaleRequestInput } from "../app/modules/resale/contract";
import { calculateResale } from "../app/modules/resale/engine";
import { fastCalculateResale } from "../app/modules/resale/fast-path";

/** Deterministic pseudo-random numbers (mulberry32) so every run values the same portfolio. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 60 %, 80 % and 120 % AMI income limits for household sizes 1–6 (illustrative figures). */
const INCOME_LIMITS = [60, 80, 120].flatMap((percent) =>
  [72_000, 82_300, 92_600, 102_800, 111_100, 119_300].map((ami) => `${(ami * percent) / 100}.00`),
);

const pad = (n: number) => String(n).padStart(2, "0");

function buildHome(random: () => number, serial: number): ResaleRequest {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const cents = (min: number, max: number) => {
    const value = Math.floor(min * 100 + random() * (max - min) * 100);
    return `${Math.floor(value / 100)}.${pad(value % 100)}`;
  };
  const year = 1995 + Math.floor(random() * 28);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const purchaseDate = `${year}-${pad(month)}-${pad(day)}`;
  const valuationDate = `2025-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
  const price = cents(80_000, 350_000);
  // Affordability terms are program settings: an income limit (a % AMI for a household size) and
  // the program's loan assumptions, so they recur across homes; monthly costs vary per home.
  const affordabilityTerms = {
    income: pick(INCOME_LIMITS),
    housingCostRatio: pick(["0.29", "0.3", "0.33"]),
    interestRate: pick(["0.055", "0.065", "0.07", "0"]),
    termYears: pick([15, 30]),
    downPaymentRate: pick(["0.03", "0.05", "0.1"]),
    propertyTaxRate: pick(["0.01", "0.012", "0.018"]),
    mortgageInsuranceRate: pick(["0", "0.005"]),
    monthlyCosts: { insurance: pick(["75.00", "95.00", "120.00"]), hoa: pick(["0.00", "150.00"]), leaseFee: pick(["25.00", "50.00"]), utilities: "0.00" },
  };
  const improvementCredit =
    random() < 0.5 ? { creditRate: pick(["0.5", "0.75", "1"]), depreciationYears: pick([0, 10, 15]), minimumCost: "500.00" } : undefined;
  const kind = serial % 4;
  const formula: ResaleRequestInput["formula"] =
    kind === 0
      ? {
          type: "fixed-rate",
          annualRate: pick(["0.01", "0.015", "0.02"]),
          compounding: pick(["simple", "compound"] as const),
          elapsed: pick(["full-years", "full-months"] as const),
          improvementCredit,
        }
      : kind === 1
        ? { type: "appraisal", ownerShare: pick(["0.25", "0.3"]), losses: pick(["shielded", "shared"] as const), creditImprovementValue: random() < 0.2, improvementCredit }
        : kind === 2
          ? { type: "index", indexName: "HUD area median income", improvementCredit }
          : { type: "affordability", ...affordabilityTerms, improvementCredit };
  const atPurchase = cents(150_000, 400_000);
  const improvements = Array.from({ length: Math.floor(random() * 3) }, (_, i) => ({
    description: `Improvement ${i + 1}`,
    cost: cents(200, 30_000),
    completedOn: `${Math.min(2024, year + 1 + i)}-${pad(month)}-${pad(day)}`,
    approved: random() < 0.9,
  }));
  const input: ResaleRequestInput = {
    formula,
    purchase: { price, date: purchaseDate },
    valuationDate,
    appraisals: { atPurchase, current: cents(150_000, 700_000), improvementValue: cents(0, 20_000) },
    index: { atPurchase: String(40_000 + Math.floor(random() * 30_000)), current: String(60_000 + Math.floor(random() * 40_000)) },
    improvements,
    deductions: random() < 0.2 ? [{ description: "Deferred maintenance", amount: cents(100, 5_000) }] : [],
    caps: random() < 0.7 ? [{ type: "market-value" }, ...(random() < 0.3 ? [{ type: "affordability" as const, ...affordabilityTerms }] : [])] : [],
    floor: random() < 0.4 ? { type: "purchase-price" } : null,
    rounding: pick([
      { mode: "nearest", increment: "0.01" },
      { mode: "down", increment: "100" },
      { mode: "nearest", increment: "1" },
    ] as const),
  };
  const parsed = parseResaleRequest(input);
  if (!parsed.ok) throw new Error(`bench home ${serial} is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.request;
}

function buildPortfolio(homes: number, seed: number): ResaleRequest[] {
  const random = rng(seed);
  return Array.from({ length: homes }, (_, serial) => buildHome(random, serial));
}

function revalue(portfolio: ResaleRequest[]): { ms: number; cpuMs: number; checksum: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let checksum = 0;
  for (const request of portfolio) checksum += calculateResale(request).maxResalePrice.length;
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, checksum };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median wall-clock and CPU milliseconds (CPU includes GC helper threads; wall suffers from other load). */
function timeRuns(portfolio: ResaleRequest[], runs: number): { ms: number; cpuMs: number } {
  revalue(portfolio); // warm-up (JIT, memoised powers)
  const samples = Array.from({ length: runs }, () => revalue(portfolio));
  return { ms: median(samples.map((s) => s.ms)), cpuMs: median(samples.map((s) => s.cpuMs)) };
}

const homes = Number(process.argv[2] ?? 100_000);
const buildStart = performance.now();
const portfolio = buildPortfolio(homes, 42);
const baseline = buildPortfolio(1_000, 7);
const buildMs = performance.now() - buildStart;

const baselineRun = timeRuns(baseline, 9);
const fullRun = timeRuns(portfolio, 5);
const perHomeUs = (fullRun.ms * 1000) / homes;
const baselinePerHomeUs = (baselineRun.ms * 1000) / baseline.length;
const [load1] = (await import("node:os")).loadavg();
// Untimed: how many homes the integer fast path covers (the rest go to the Decimal implementation).
const covered = portfolio.filter((request) => fastCalculateResale(request) !== null).length;

console.log(`Resale portfolio benchmark (node ${process.version}, ${process.platform}/${process.arch}, load average ${load1!.toFixed(2)})`);
console.log(`  built + validated ${homes.toLocaleString("en-US")} + 1,000 requests in ${buildMs.toFixed(0)} ms (not timed below)`);
console.log(`  baseline   1,000 homes: median ${baselineRun.ms.toFixed(1)} ms wall, ${baselineRun.cpuMs.toFixed(1)} ms CPU (${baselinePerHomeUs.toFixed(2)} µs/home, 9 runs)`);
console.log(`  portfolio ${homes.toLocaleString("en-US")} homes: median ${fullRun.ms.toFixed(1)} ms wall, ${fullRun.cpuMs.toFixed(1)} ms CPU (${perHomeUs.toFixed(2)} µs/home, 5 runs)`);
console.log(`  ratio: ${(fullRun.ms / baselineRun.ms).toFixed(1)}× the baseline time for ${(homes / baseline.length).toFixed(0)}× the homes (per-home ratio ${(perHomeUs / baselinePerHomeUs).toFixed(2)})`);
console.log(`  fast path: ${covered.toLocaleString("en-US")} of ${homes.toLocaleString("en-US")} homes (the others use the Decimal implementation)`);
console.log(`  target < 1000 ms for 100,000 homes: ${homes === 100_000 ? (fullRun.ms < 1000 ? "met" : "NOT met") : "n/a"}`);
