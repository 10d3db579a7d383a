import type { ResaleRequest, ResaleResult } from "./contract";
import { fastCalculateResale } from "./fast-path";
import { calculateResaleReference } from "./reference-engine";

/**
 * The resale formula engine (docs/resale-contract.md; semantics in docs/decisions/007-resale-semantics.md). Pure: a validated `ResaleRequest` in, a `ResaleResult`
 * out, no I/O, no clock, exact decimals throughout (50 significant digits), one rounding step at the end.
 *
 * Order of work:
 *   1. formula price  = base (purchase price, or the affordable price for the affordability formula)
 *                       + formula adjustment + improvement credits − deductions   (never below zero)
 *   2. floor          = if the lease has a purchase-price floor, the price is raised to P0
 *   3. caps           = the lowest cap below the price binds (market value wins over the floor)
 *   4. rounding       = once, to the lease's increment ("nearest" half-up, or "down")
 *
 * Decisions on points the issue left open (also in docs/resale-contract.md):
 *   - Elapsed time counts full calendar months: a month is full when the day-of-month is reached
 *     again (Jan 31 → Feb 28 is 0 months, Jan 31 → Mar 1 is 1). A purchase on Feb 29 completes its
 *     year on Mar 1 of a common year. Full years = floor(full months / 12).
 *   - Compound growth with a fractional exponent uses Decimal.pow at 50 significant digits
 *     (ln/exp internally, correctly rounded), which is exact to far below a cent.
 *   - Improvements: only approved ones completed between the purchase date and the valuation date
 *     count. Without an `improvementCredit` on the formula they are credited at cost (100 %, not
 *     depreciated). With one, those below `minimumCost` are excluded, and the credit is
 *     cost × creditRate × remaining life, straight-line over `depreciationYears` (0 = no
 *     depreciation) in full months from completion to the valuation date. For an appraisal formula
 *     with `creditImprovementValue`, listed improvements are not credited again (the appraiser's
 *     improvement value already covers them).
 *   - Ties: a cap binds only when strictly below the price; between equal caps the first listed wins;
 *     the floor applies only when the formula price is strictly below P0.
 *   - Rounding "nearest" never lifts the price above the lowest cap: if it would, the price is
 *     rounded down to the increment instead (the rounding line says so).
 *   - Every line amount is shown rounded to the cent; when the shown adjustment lines do not add up
 *     to the shown formula price a "Rounding of the lines above" line shows the difference. The
 *     final "Rounding" line shows final price − the price before rounding (to the cent).
 */

// Calendar dates (parse, compare, full months and years between) live in ~/utils/calendar-date.

// ---------------------------------------------------------------------------------------------
// Engine
// ---------------------------------------------------------------------------------------------

/**
 * Calculates the maximum resale price of one home. `request` must have passed `parseResaleRequest`.
 *
 * Two implementations give byte-identical results: the fast path (fast-path.ts: integer cents
 * and scaled BigInts that reproduce the 50-digit Decimal operations exactly) covers every request
 * whose amounts fit in safe-integer cents, and anything else goes to the straightforward Decimal
 * implementation (reference-engine.ts). fast-path.test.ts compares the two on random requests.
 */
export function calculateResale(request: ResaleRequest): ResaleResult {
  return fastCalculateResale(request) ?? calculateResaleReference(request);
}
