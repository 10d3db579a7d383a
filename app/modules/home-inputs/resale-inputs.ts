import type { ResaleRequest } from "~/modules/resale/contract";
import { compareCalendarDates } from "~/utils/calendar-date";
import { centsToString } from "~/utils/money";

/**
 * The valuation inputs of a home (docs/home-inputs.md) and the one rule that turns them into the inputs of a
 * resale calculation. Pure: plain records in, the request's input fields and where each came from out.
 *
 * Which record is used (the rules a trust's staff and its lawyer can check on the home page):
 *   - market value now (A1) and the improvement value: the received appraisal with the latest effective date
 *     after the purchase date and on or before the valuation date; when none is that early, the earliest one
 *     effective after the valuation date (the appraisal a trust orders on receiving the notice of intent);
 *   - market value at purchase (A0): the received appraisal with the latest effective date on or before the
 *     purchase date;
 *   - index values (I0, I1): the index the formula names (compared ignoring case and surrounding spaces), the
 *     latest value dated on or before the purchase date and on or before the valuation date;
 *   - improvements: every approved improvement completed on or after the purchase date (the engine credits
 *     those completed by the valuation date under the formula's own credit terms, and lists the others as not
 *     credited);
 *   - deductions: those of the latest inspection after the purchase date (the pre-sale inspection).
 * Ties between records on the same date go to the one recorded last.
 */

export type AppraisalRecord = {
  id: string;
  appraiser: string;
  orderedOn: string;
  receivedOn: string | null;
  effectiveDate: string | null;
  valueCents: number | null;
  improvementValueCents: number | null;
  source: string;
  createdAt: string;
};

export type InspectionRecord = {
  id: string;
  inspectedOn: string;
  inspector: string;
  source: string;
  deductions: { description: string; amountCents: number }[];
  createdAt: string;
};

export type ImprovementRecord = {
  id: string;
  description: string;
  costCents: number;
  completedOn: string;
  approvedOn: string;
  creditTerms: string;
  source: string;
  createdAt: string;
};

export type IndexValueRecord = { id: string; indexName: string; date: string; value: string; source: string };

export type HomeInputs = {
  appraisals: AppraisalRecord[];
  inspections: InspectionRecord[];
  improvements: ImprovementRecord[];
  indexValues: IndexValueRecord[];
};

/** Where one input of the calculation came from. */
export type InputSource = {
  input: "appraisals.atPurchase" | "appraisals.current" | "appraisals.improvementValue" | "index.atPurchase" | "index.current" | "improvements" | "deductions";
  recordId: string;
  text: string;
};

export type ResaleInputs = Pick<ResaleRequest, "improvements" | "deductions"> & {
  appraisals?: NonNullable<ResaleRequest["appraisals"]>;
  index?: NonNullable<ResaleRequest["index"]>;
  sources: InputSource[];
};

const byDateThenRecorded =
  <T extends { createdAt: string }>(date: (record: T) => string) =>
  (a: T, b: T) =>
    compareCalendarDates(date(a), date(b)) || a.createdAt.localeCompare(b.createdAt);

const sameIndexName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function appraisalText(appraisal: ReceivedAppraisal): string {
  const source = appraisal.source ? `, ${appraisal.source}` : "";
  return `Appraisal by ${appraisal.appraiser}, effective ${appraisal.effectiveDate}, received ${appraisal.receivedOn}${source}`;
}

type ReceivedAppraisal = AppraisalRecord & { effectiveDate: string; receivedOn: string; valueCents: number };

function isReceived(appraisal: AppraisalRecord): appraisal is ReceivedAppraisal {
  return appraisal.effectiveDate !== null && appraisal.receivedOn !== null && appraisal.valueCents !== null;
}

/** The latest of `records` (by `date`, then by when recorded) satisfying `keep`; null when none does. */
function latest<T extends { createdAt: string }>(records: T[], date: (record: T) => string, keep: (record: T) => boolean): T | null {
  return records.filter(keep).sort(byDateThenRecorded(date)).at(-1) ?? null;
}

/** The appraisal of the market value now (A1), by the rule above; null when none qualifies. */
export function currentAppraisal(appraisals: AppraisalRecord[], purchaseDate: string, valuationDate: string): ReceivedAppraisal | null {
  const received = appraisals.filter(isReceived).filter((a) => compareCalendarDates(a.effectiveDate, purchaseDate) > 0);
  const onOrBefore = latest(received, (a) => a.effectiveDate, (a) => compareCalendarDates(a.effectiveDate, valuationDate) <= 0);
  if (onOrBefore) return onOrBefore;
  const after = received.filter((a) => compareCalendarDates(a.effectiveDate, valuationDate) > 0).sort(byDateThenRecorded((a) => a.effectiveDate));
  return after[0] ?? null;
}

/** The index a formula reads (an index formula, or a fair-return formula adjusted by an index); null for others. */
export function formulaIndexName(formula: ResaleRequest["formula"]): string | null {
  if (formula.type === "index") return formula.indexName;
  if (formula.type === "fair-return" && formula.inflation.type === "index") return formula.inflation.indexName;
  return null;
}

/** The resale request's input fields from a home's stored records, with the source of each. */
export function resaleInputsFrom(inputs: HomeInputs, on: { purchaseDate: string; valuationDate: string; indexName?: string | null }): ResaleInputs {
  const sources: InputSource[] = [];
  const result: ResaleInputs = { improvements: [], deductions: [], sources };

  // appraisals
  const atPurchase = latest(inputs.appraisals.filter(isReceived), (a) => a.effectiveDate, (a) => compareCalendarDates(a.effectiveDate, on.purchaseDate) <= 0);
  const current = currentAppraisal(inputs.appraisals, on.purchaseDate, on.valuationDate);
  if (atPurchase || current) {
    const appraisals: NonNullable<ResaleRequest["appraisals"]> = {};
    if (atPurchase) {
      appraisals.atPurchase = centsToString(atPurchase.valueCents);
      sources.push({ input: "appraisals.atPurchase", recordId: atPurchase.id, text: appraisalText(atPurchase) });
    }
    if (current) {
      appraisals.current = centsToString(current.valueCents);
      sources.push({ input: "appraisals.current", recordId: current.id, text: appraisalText(current) });
      if (current.improvementValueCents !== null) {
        appraisals.improvementValue = centsToString(current.improvementValueCents);
        sources.push({ input: "appraisals.improvementValue", recordId: current.id, text: appraisalText(current) });
      }
    }
    result.appraisals = appraisals;
  }

  // index values
  if (on.indexName) {
    const values = inputs.indexValues.filter((v) => sameIndexName(v.indexName, on.indexName!)).sort((a, b) => compareCalendarDates(a.date, b.date));
    const asOf = (date: string) => values.filter((v) => compareCalendarDates(v.date, date) <= 0).at(-1) ?? null;
    const i0 = asOf(on.purchaseDate);
    const i1 = asOf(on.valuationDate);
    if (i0 || i1) {
      const index: NonNullable<ResaleRequest["index"]> = {};
      const text = (v: IndexValueRecord) => `${v.indexName} ${v.value} on ${v.date}${v.source ? `, ${v.source}` : ""}`;
      if (i0) {
        index.atPurchase = i0.value;
        sources.push({ input: "index.atPurchase", recordId: i0.id, text: text(i0) });
      }
      if (i1) {
        index.current = i1.value;
        sources.push({ input: "index.current", recordId: i1.id, text: text(i1) });
      }
      result.index = index;
    }
  }

  // approved improvements
  const improvements = inputs.improvements
    .filter((i) => compareCalendarDates(i.completedOn, on.purchaseDate) >= 0)
    .sort(byDateThenRecorded((i) => i.completedOn));
  for (const improvement of improvements) {
    result.improvements.push({ description: improvement.description, cost: centsToString(improvement.costCents), completedOn: improvement.completedOn, approved: true });
    sources.push({
      input: "improvements",
      recordId: improvement.id,
      text: `${improvement.description}: approved ${improvement.approvedOn}, completed ${improvement.completedOn}${improvement.source ? `, ${improvement.source}` : ""}`,
    });
  }

  // the pre-sale inspection's deductions
  const inspection = latest(inputs.inspections, (i) => i.inspectedOn, (i) => compareCalendarDates(i.inspectedOn, on.purchaseDate) > 0);
  if (inspection) {
    for (const deduction of inspection.deductions) {
      result.deductions.push({ description: deduction.description, amount: centsToString(deduction.amountCents) });
    }
    sources.push({
      input: "deductions",
      recordId: inspection.id,
      text: `Inspection by ${inspection.inspector} on ${inspection.inspectedOn}${inspection.source ? `, ${inspection.source}` : ""}`,
    });
  }
  return result;
}
