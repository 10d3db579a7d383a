/**
 * A ground lease's key terms in plain words, for the homeowner (My home). Pure: the terms in force today
 * (leaseTermsOn in ~/modules/leases/terms), the lease's dates and its resale formula in words in, sentences
 * out. The lease itself (the PDF) stays the binding text; these sentences say so.
 */
import { formatScreenDate } from "~/utils/calendar-date";
import { centsToString, formatUsd, rateToPercent } from "~/utils/money";
import { renewalNoticeWindow, type LeaseTerms } from "~/modules/leases/terms";

export type PlainTerm = { title: string; text: string };

function days(n: number): string {
  return `${n} day${n === 1 ? "" : "s"}`;
}

function money(cents: number): string {
  return formatUsd(centsToString(cents));
}

export function feeChangeInPlainWords(rule: LeaseTerms["feeEscalation"]): string {
  switch (rule.kind) {
    case "none":
      return "It stays the same unless you and the trust sign a change to the lease.";
    case "fixed-percent":
      return `It goes up by ${rateToPercent(rule.annualRate)}% on each anniversary of the lease.`;
    case "index":
      return `On each anniversary of the lease it follows ${rule.indexName ? `the ${rule.indexName}` : "the index named in the lease"}, but never rises by more than ${rateToPercent(rule.cap)}% in one year.`;
  }
}

export function plainLeaseTerms(input: {
  terms: LeaseTerms;
  commencementDate: string;
  expirationDate: string;
  termYears: number;
  /** The resale formula in words (describeFormula), or null when the lease has none frozen yet. */
  formulaInWords: string | null;
}): PlainTerm[] {
  const { terms } = input;
  const window = renewalNoticeWindow(input.expirationDate, terms);
  return [
    {
      title: "Your monthly lease fee",
      text:
        `${money(terms.monthlyFeeCents)} a month, due on day ${terms.feeDueDay} of each month. ` +
        (terms.graceDays > 0 || terms.lateChargeCents > 0
          ? `If it is not paid within ${days(terms.graceDays)} after that, a late charge of ${money(terms.lateChargeCents)} is added. `
          : "") +
        feeChangeInPlainWords(terms.feeEscalation),
    },
    {
      title: "How long the lease lasts",
      text:
        `${input.termYears} years, from ${formatScreenDate(input.commencementDate)} to ${formatScreenDate(input.expirationDate)}. ` +
        `You may renew it for another ${terms.renewalTermYears} years: tell the trust in writing between ${formatScreenDate(window.opens)} and ${formatScreenDate(window.closes)}.`,
    },
    {
      title: "If you want to sell your home",
      text:
        "Tell the trust in writing first (a notice of intent to sell). " +
        `Within ${days(terms.priceNoticeDays)} the trust tells you the most the home may sell for under the lease's resale formula. ` +
        `The trust has ${days(terms.purchaseOptionDays)} from your notice to decide whether it (or a buyer it chooses) will buy the home, ` +
        `and if it does, the purchase closes within ${days(terms.closingDays)}.` +
        (input.formulaInWords ? ` The formula: ${input.formulaInWords}` : ""),
    },
    {
      title: "If something goes wrong",
      text:
        `If the trust sends you a written notice about money you owe, you have ${days(terms.monetaryCureDays)} to pay it. ` +
        `For any other problem, you have ${days(terms.nonMonetaryCureDays)} after a written notice to put it right. ` +
        `If your mortgage lender says you are in default, the trust has ${days(terms.lenderCureDays)} to help put it right before the lender acts.`,
    },
  ];
}
