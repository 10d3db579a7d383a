import { Decimal } from "~/utils/money";

/**
 * Compound growth, shared by both implementations of the resale engine (reference-engine.ts and
 * fast-path.ts): the fast path takes the Decimal result too, since a fractional power is computed once per
 * (rate, months) pair and reused across a portfolio.
 */
const ONE = new Decimal(1);

export type Growth = { minusOne: Decimal; percentText: string };
const growthCache = new Map<string, Growth>();

/**
 * (1 + r)^t − 1 for t = whole years or full months / 12, memoised: a fractional power costs ~0.1 ms
 * (ln/exp at 50 significant digits) and a portfolio shares few (rate, months) pairs.
 */
export function compoundGrowth(rate: string, months: number, wholeYears: boolean): Growth {
  const key = `${rate}|${months}|${wholeYears ? "y" : "m"}`;
  let growth = growthCache.get(key);
  if (growth === undefined) {
    const base = ONE.plus(rate);
    const factor = wholeYears || months % 12 === 0 ? base.pow(Math.trunc(months / 12)) : base.pow(new Decimal(months).div(12));
    const minusOne = factor.minus(ONE);
    growth = { minusOne, percentText: `${minusOne.times(100).toDecimalPlaces(4).toFixed()}%` };
    if (growthCache.size > 10_000) growthCache.clear();
    growthCache.set(key, growth);
  }
  return growth;
}
