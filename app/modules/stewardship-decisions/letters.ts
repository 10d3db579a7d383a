/**
 * The texts of stewardship letters (pure): the consent to refinance for the lender, and the plain-data
 * letter shape every stewardship letter is drawn from (letter-pdf.server.ts draws it in the lease
 * documents' typography). Legal dates in prose ("January 15, 2034"), money as "$152,000.00".
 */
import { centsToString, formatPercent, formatUsd } from "~/utils/money";
import { formatLegalDate } from "~/modules/documents/format";

export type Letter = {
  organisation: { name: string; address: string };
  date: string;
  title: string;
  to: string[];
  re: string[];
  paragraphs: [heading: string, text: string][];
  copies: string[];
  signatory: string;
};

const usd = (cents: number) => formatUsd(centsToString(cents));

export function joinWithAnd(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export type ConsentLetterData = {
  organisation: { name: string; address: string };
  decidedOn: string;
  lender: string;
  principalCents: number;
  homeowners: string[];
  property: { address: string; parcelNumber: string };
  lease: { reference: string; commencementDate: string; recording: string };
  figures: { maxResalePriceCents: number; valuationDate: string; maxShare: string; principalLimitCents: number; cashOutCents: number; cashOutLimitCents: number };
  released: { lender: string; amountCents: number; recordedOn: string }[];
  lenderCureDays: number;
};

export function consentLetter(data: ConsentLetterData): Letter {
  const owners = joinWithAnd(data.homeowners);
  const paragraphs: Letter["paragraphs"] = [
    [
      "Consent",
      `${data.organisation.name} (the "Lessor") consents to the mortgage by ${owners} (the "Homeowners") of their leasehold interest and the Home to ${data.lender}, securing a loan with a principal of not more than ${usd(data.principalCents)}, and accepts it as a Permitted Mortgage under Article 8 of the Ground Lease. The Ground Lease is amended to that effect as of ${formatLegalDate(data.decidedOn)}, and its Exhibit D (Permitted Mortgages) lists the loan from that date.`,
    ],
    [
      "Basis",
      `The principal is within the Lessor's limit of ${usd(data.figures.principalLimitCents)}, which is ${formatPercent(data.figures.maxShare)} of the maximum resale price of ${usd(data.figures.maxResalePriceCents)} under the resale formula of the Ground Lease, calculated as of ${formatLegalDate(data.figures.valuationDate)}. The cash paid out to the Homeowners, ${usd(data.figures.cashOutCents)}, is within the Lessor's limit of ${usd(data.figures.cashOutLimitCents)}.`,
    ],
  ];
  if (data.released.length) {
    paragraphs.push([
      "Loans repaid",
      `This loan repays ${joinWithAnd(data.released.map((m) => `the mortgage to ${m.lender} of ${usd(m.amountCents)} dated ${formatLegalDate(m.recordedOn)}`))}, which ceases to be a Permitted Mortgage from the date of this consent.`,
    ]);
  }
  paragraphs.push(
    [
      "Notice and cure",
      `As a Permitted Mortgagee you agree to give the Lessor written notice of any default by the Homeowners at the same time as you give it to them. The Lessor then has ${data.lenderCureDays} days after receiving that notice to cure the default, and the option to purchase the Home before any foreclosure, as the Ground Lease provides.`,
    ],
    ["Scope", "This consent applies to this loan only. Any further mortgage, or any increase of this one, needs the Lessor's written consent."],
  );
  return {
    organisation: data.organisation,
    date: data.decidedOn,
    title: "Consent to Refinance and Permitted Mortgage",
    to: [data.lender],
    re: [
      `Ground Lease ${data.lease.reference}, commencing ${formatLegalDate(data.lease.commencementDate)}${data.lease.recording ? `, ${data.lease.recording}` : ""}`,
      `${data.property.address} (parcel ${data.property.parcelNumber})`,
      `Homeowners: ${owners}`,
    ],
    paragraphs,
    copies: [owners],
    signatory: data.organisation.name,
  };
}

export type NoticeOfDefaultData = {
  organisation: { name: string; address: string };
  noticeDate: string;
  kind: "monetary" | "non-monetary";
  description: string;
  amountCents: number | null;
  cureDays: number;
  cureDeadline: string;
  homeowners: string[];
  property: { address: string; parcelNumber: string };
  lease: { reference: string; commencementDate: string };
  mortgagees: { lender: string; amountCents: number }[];
};

/** The notice of default (article 11 of the lease) to the homeowners, copied to every permitted mortgagee. */
export function noticeOfDefaultLetter(data: NoticeOfDefaultData): Letter {
  const owners = joinWithAnd(data.homeowners);
  const monetary = data.kind === "monetary";
  const paragraphs: Letter["paragraphs"] = [
    [
      "Notice of default",
      `${data.organisation.name} (the "Trust") gives you notice under Article 11 of the Ground Lease that you are in default: ${data.description.replace(/\s+$/, "").replace(/\.$/, "")}.` +
        (monetary && data.amountCents !== null ? ` The amount owed to the Trust is ${usd(data.amountCents)}.` : ""),
    ],
    [
      "Cure",
      monetary
        ? `Under section 11.1(a) of the Ground Lease you have ${data.cureDays} days from the date of this notice to pay the amount owed: payment must reach the Trust no later than ${formatLegalDate(data.cureDeadline)}.`
        : `Under section 11.1(b) of the Ground Lease you have ${data.cureDays} days from the date of this notice, until ${formatLegalDate(data.cureDeadline)}, to cure the default, or, where it cannot reasonably be cured in that time, to begin to cure it and continue diligently to completion.`,
    ],
    [
      "If the default is not cured",
      "If the default continues after the cure period, the Trust may exercise its remedies under section 11.2 of the Ground Lease, subject to the rights of Permitted Mortgagees under Article 8. Please contact the Trust at once if you cannot cure in time: the Trust would rather help you keep your home.",
    ],
  ];
  if (data.mortgagees.length) {
    paragraphs.push(["Copies to Permitted Mortgagees", `A copy of this notice is sent to ${joinWithAnd(data.mortgagees.map((m) => `${m.lender} (Permitted Mortgage of ${usd(m.amountCents)})`))}.`]);
  }
  return {
    organisation: data.organisation,
    date: data.noticeDate,
    title: monetary ? "Notice of Default — Monetary" : "Notice of Default",
    to: [owners, data.property.address],
    re: [`Ground Lease ${data.lease.reference}, commencing ${formatLegalDate(data.lease.commencementDate)}`, `${data.property.address} (parcel ${data.property.parcelNumber})`],
    paragraphs,
    copies: data.mortgagees.map((m) => m.lender),
    signatory: data.organisation.name,
  };
}
