/**
 * "Your home today" (My home): what the homeowner could sell for under their lease's resale formula as of
 * today, and what that would leave them. Pure: the lease's frozen formula, the purchase, the stored valuation
 * inputs (appraisals, index values, approved improvements — whatever the trust has recorded), the mortgage
 * payoff the homeowner types and the lease fees owed in; lines with explanations out.
 *
 * When the formula needs an input the trust has not recorded (a current appraisal, an index value), the
 * price is not guessed: `missing` says what is needed, in plain words, and the rest is still shown.
 * Money in integer cents; the resale engine (~/modules/resale/engine) does the formula.
 */
import type { FormulaPresetSpec } from "~/modules/resale/formula-spec";
import { parseResaleRequest, type FieldError, type ResaleLine } from "~/modules/resale/contract";
import { calculateResale } from "~/modules/resale/engine";
import type { IncomeLimitTableInput } from "~/modules/resale/ami-level";
import { centsToString, formatUsd, stringToCents } from "~/utils/money";

export type StoredValuationInputs = {
  appraisals?: { atPurchase?: string; current?: string; improvementValue?: string };
  index?: { atPurchase?: string; current?: string };
  improvements?: { description: string; cost: string; completedOn: string; approved: boolean }[];
  deductions?: { description: string; amount: string }[];
};

/** A valuation input the trust recorded, and where it came from (shown beside the estimate). */
export type RecordedInput = { what: string; source: string };

export type HomeTodayInput = {
  spec: FormulaPresetSpec | null;
  purchase: { priceCents: number; date: string };
  valuationDate: string;
  bedrooms: number;
  inputs: StoredValuationInputs;
  incomeLimitTables: IncomeLimitTableInput[];
  /** What the homeowner entered as their mortgage payoff today, or null. */
  mortgagePayoffCents: number | null;
  /** The original mortgage at purchase, when the trust recorded it. */
  originalMortgageCents: number | null;
  /** Lease fees owed today (the ledger's balance; a credit is negative). */
  feesOwedCents: number;
};

export type MoneyLine = { label: string; amountCents: number; explanation: string };

export type HomeToday = {
  price:
    | { ok: true; maxResalePriceCents: number; lines: ResaleLine[]; warnings: string[] }
    | { ok: false; missing: string[] };
  proceeds: MoneyLine[] | null;
  netProceedsCents: number | null;
  equity: MoneyLine[] | null;
  equityBuiltCents: number | null;
  /** Lease fees owed today (never negative), shown even when the price cannot be worked out. */
  feesOwed: MoneyLine;
  notes: string[];
};

const NEEDED: Record<string, string> = {
  "appraisals.atPurchase": "the appraised market value of the home when you bought it",
  "appraisals.current": "a current appraisal of the home's market value",
  "appraisals.improvementValue": "the appraiser's value of your improvements",
  "index.atPurchase": "the value of the lease's index when you bought the home",
  "index.current": "the current value of the lease's index",
  fairReturn: "the figures for the fair-return formula (principal paid down, closing costs, liens)",
};

/** What is missing, in the homeowner's words, from the engine's field errors. */
export function missingInputs(errors: readonly FieldError[]): string[] {
  const words = errors.map((error) => {
    const known = Object.entries(NEEDED).find(([path]) => error.path === path || error.path.startsWith(`${path}.`));
    return known ? known[1] : `${error.path}: ${error.message}`;
  });
  return [...new Set(words)];
}

function usd(cents: number): string {
  return formatUsd(centsToString(cents));
}

export function homeToday(input: HomeTodayInput): HomeToday {
  const notes = ["This is an estimate, not a guaranteed price. The trust confirms the price when you give notice of intent to sell, using the figures on that date."];
  let price: HomeToday["price"];
  if (!input.spec) {
    price = { ok: false, missing: ["the resale formula of your lease (the trust records it when the lease is signed)"] };
  } else {
    const spec = input.spec;
    const request = (caps: FormulaPresetSpec["caps"]) => ({
      formula: spec.formula,
      caps,
      floor: spec.floor,
      rounding: spec.rounding,
      purchase: { price: centsToString(input.purchase.priceCents), date: input.purchase.date },
      valuationDate: input.valuationDate,
      home: { bedrooms: input.bedrooms },
      ...(input.inputs.appraisals ? { appraisals: input.inputs.appraisals } : {}),
      ...(input.inputs.index ? { index: input.inputs.index } : {}),
      improvements: input.inputs.improvements ?? [],
      deductions: input.inputs.deductions ?? [],
      ...(input.incomeLimitTables.length > 0 ? { incomeLimitTables: input.incomeLimitTables } : {}),
      leaseIntentChecks: true,
    });
    let parsed = parseResaleRequest(request(spec.caps));
    // only the market-value cap lacks its input (a current appraisal): show the formula price, and say the cap
    // could lower it, rather than nothing at all
    if (!parsed.ok && parsed.errors.every((error) => error.path === "appraisals.current" && /market-value cap/.test(error.message))) {
      const uncapped = parseResaleRequest(request(spec.caps.filter((cap) => cap.type !== "market-value")));
      if (uncapped.ok) {
        parsed = uncapped;
        notes.push("Your lease also limits the price to the home's market value. The trust has not recorded a current appraisal, so that limit is not applied here: if the market value is lower, the price is lower.");
      }
    }
    if (!parsed.ok) {
      price = { ok: false, missing: missingInputs(parsed.errors) };
    } else {
      const result = calculateResale(parsed.request);
      price = { ok: true, maxResalePriceCents: stringToCents(result.maxResalePrice), lines: result.lines, warnings: result.warnings };
    }
  }
  const feesOwed: MoneyLine = {
    label: "Lease fees owed",
    amountCents: input.feesOwedCents > 0 ? -input.feesOwedCents : 0,
    explanation: input.feesOwedCents > 0 ? "Lease fees not yet paid: they are paid from the sale at closing." : "You owe no lease fees today.",
  };
  if (!price.ok) return { price, proceeds: null, netProceedsCents: null, equity: null, equityBuiltCents: null, feesOwed, notes };

  const priceCents = price.maxResalePriceCents;
  const payoff = input.mortgagePayoffCents;
  const proceeds: MoneyLine[] = [
    { label: "Maximum resale price", amountCents: priceCents, explanation: "The most the home may sell for today under your lease's resale formula (above)." },
    payoff === null
      ? { label: "Mortgage payoff", amountCents: 0, explanation: "Not entered. Ask your lender for a payoff figure and enter it above; until then nothing is subtracted." }
      : { label: "Mortgage payoff", amountCents: -payoff, explanation: "What you entered as the amount to pay off your mortgage today." },
    feesOwed,
  ];
  const netProceedsCents = proceeds.reduce((sum, line) => sum + line.amountCents, 0);
  notes.push("Selling costs (agent, title, transfer taxes) are not included: ask the trust what a sale through it usually costs.");

  let equity: MoneyLine[] | null = null;
  let equityBuiltCents: number | null = null;
  if (payoff !== null && input.originalMortgageCents !== null) {
    const atPurchase = input.purchase.priceCents - input.originalMortgageCents;
    equity = [
      { label: "Your equity today", amountCents: netProceedsCents, explanation: `The estimated net proceeds above: ${usd(priceCents)} less what you owe.` },
      { label: "Your equity when you bought", amountCents: -atPurchase, explanation: `The purchase price ${usd(input.purchase.priceCents)} less the mortgage of ${usd(input.originalMortgageCents)} the trust recorded: your down payment.` },
    ];
    equityBuiltCents = netProceedsCents - atPurchase;
  } else {
    notes.push(
      payoff === null
        ? "Enter your mortgage payoff to see the equity you have built since you bought."
        : "The trust has not recorded your mortgage at purchase, so the equity you have built cannot be shown.",
    );
  }
  return { price, proceeds, netProceedsCents, equity, equityBuiltCents, feesOwed, notes };
}
