import { formatLegalDate, formatMoney, joinNames } from "~/modules/documents/format";

/**
 * The letters of a resale / transfer case (docs/transfers.md → Letters): their kinds, when each may be
 * produced and their wording. Pure; the PDFs are drawn by ./letters-pdf.server.ts with the shared toolkit.
 */

export const CASE_LETTER_KINDS = ["acknowledgement", "formula-price", "option", "eligibility-certificate", "closing-statement"] as const;
export type CaseLetterKind = (typeof CASE_LETTER_KINDS)[number];

export const CASE_LETTER_LABELS: Record<CaseLetterKind, string> = {
  acknowledgement: "Acknowledgement of the notice of intent",
  "formula-price": "Formula price letter with the worksheet",
  option: "Option letter (exercise, assignment or waiver)",
  "eligibility-certificate": "Buyer eligibility certificate",
  "closing-statement": "Closing statement",
};

export function isCaseLetterKind(value: string): value is CaseLetterKind {
  return (CASE_LETTER_KINDS as readonly string[]).includes(value);
}

type DeadlineLine = { key: string; label: string; due: string; rule: string };

/** What a letter needs to know about the case (a subset of the case view, plus the people it goes to). */
export type CaseLetterData = {
  kind: CaseLetterKind;
  letterDate: string;
  organisation: { name: string; address: string };
  homeAddress: string;
  leaseReference: string | null;
  /** The seller's lessees (or the household's name). */
  sellerNames: string[];
  sellerAddress: string;
  notice: { date: string; method: string };
  deadlines: DeadlineLine[];
  calculation: { valuationDate: string; maxPrice: string; boundBy: string; lines: { label: string; amount: string; explanation: string }[] } | null;
  option: { state: string; decidedOn: string | null; note: string };
  buyer: { name: string; members: string[]; eligibility: Record<string, unknown> | null } | null;
  closing: { date: string; price: string | null; overrideReason: string | null; statement: Record<string, string> | null } | null;
};

/** The letters a case can have now: each once its step is recorded. */
export function availableLetters(view: { kind: string; calculation: unknown; option: { state: string; decidedOn: string | null }; buyer: { eligibility: unknown } | null; closing: unknown }): CaseLetterKind[] {
  const kinds: CaseLetterKind[] = ["acknowledgement"];
  if (view.calculation) kinds.push("formula-price");
  if (view.option.decidedOn && ["exercised", "assigned", "waived"].includes(view.option.state)) kinds.push("option");
  if (view.buyer?.eligibility) kinds.push("eligibility-certificate");
  if (view.closing) kinds.push("closing-statement");
  return kinds;
}

const BOUND_BY_WORDS: Record<string, string> = {
  formula: "the resale formula",
  floor: "the purchase-price floor",
  "market-value": "the market-value cap",
  affordability: "the affordability cap",
  "fair-return": "the fair-return cap",
};

const METHOD_WORDS: Record<string, string> = { mail: "by mail", email: "by email", "hand-delivery": "by hand", other: "" };

export function caseLetterTitle(data: Pick<CaseLetterData, "kind" | "option">): string {
  if (data.kind === "option") {
    if (data.option.state === "exercised") return "Exercise of the purchase option";
    if (data.option.state === "assigned") return "Assignment of the purchase option";
    return "Waiver of the purchase option";
  }
  if (data.kind === "acknowledgement") return "Acknowledgement of your notice of intent";
  if (data.kind === "formula-price") return "The formula price of your home";
  if (data.kind === "eligibility-certificate") return "Buyer eligibility certificate";
  return "Closing statement";
}

/** The recipients of the letter: the buyer for the eligibility certificate, else the seller. */
export function caseLetterRecipient(data: CaseLetterData): string[] {
  if (data.kind === "eligibility-certificate" && data.buyer) return [joinNames(data.buyer.members.length ? data.buyer.members : [data.buyer.name])];
  return [joinNames(data.sellerNames) || "The homeowner", ...(data.sellerAddress || data.homeAddress).split(/\s*\n\s*/).filter(Boolean)];
}

const deadline = (data: CaseLetterData, key: string) => data.deadlines.find((d) => d.key === key) ?? null;

function lease(data: CaseLetterData): string {
  return data.leaseReference ? `ground lease ${data.leaseReference}` : "the trust's terms";
}

/** The body paragraphs (tables are drawn by the renderer from the same data). */
export function caseLetterParagraphs(data: CaseLetterData): string[] {
  const priceNotice = deadline(data, "price-notice");
  const option = deadline(data, "option");
  const closing = deadline(data, "closing");
  const market = deadline(data, "may-market");
  const maxPrice = data.calculation ? formatMoney(data.calculation.maxPrice) : null;
  switch (data.kind) {
    case "acknowledgement": {
      const method = METHOD_WORDS[data.notice.method] ?? "";
      return [
        `We received your notice of intent to sell your home at ${data.homeAddress}, dated ${formatLegalDate(data.notice.date)}${method ? ` and delivered ${method}` : ""}. Thank you for letting us know.`,
        `Under ${lease(data)}, the trust will now have the home's maximum resale price calculated by the lease's resale formula and decide whether to buy the home itself or assign its purchase option to an income-eligible buyer. The dates below follow from the terms of your lease in force on the date of your notice.`,
        ...(priceNotice ? [`We will send you the formula price by ${formatLegalDate(priceNotice.due)} (${priceNotice.rule}).`] : []),
        ...(option ? [`The trust will decide on its purchase option by ${formatLegalDate(option.due)} (${option.rule}).`] : []),
        ...(market ? [`If the trust does not act by then, you may market the home to income-eligible buyers from ${formatLegalDate(market.due)}, at a price no higher than the formula price.`] : []),
        "Please keep the home in good repair and let us know if your plans change; you may withdraw your notice at any time before the closing.",
      ];
    }
    case "formula-price":
      return [
        `Under ${lease(data)}, the maximum price at which your home at ${data.homeAddress} may be sold is ${maxPrice}, set by ${BOUND_BY_WORDS[data.calculation?.boundBy ?? ""] ?? data.calculation?.boundBy}, valued on ${formatLegalDate(data.calculation?.valuationDate ?? data.notice.date)}.`,
        "The worksheet below shows each step of the calculation with the figures it used. The figures come from the records on file for your home (appraisals, approved improvements, the pre-sale inspection, the index values the formula names).",
        ...(option ? [`The trust will decide on its purchase option by ${formatLegalDate(option.due)}.`] : []),
        "If you believe a figure is wrong, write to us within fourteen days and send the document that shows the right one.",
      ];
    case "option": {
      const decided = formatLegalDate(data.option.decidedOn ?? data.letterDate);
      const note = data.option.note ? ` (${data.option.note})` : "";
      if (data.option.state === "exercised") {
        return [
          `On ${decided} the trust exercised its purchase option under ${lease(data)}${note}: the trust will buy your home at ${data.homeAddress} at the formula price of ${maxPrice}.`,
          ...(closing ? [`The closing is due by ${formatLegalDate(closing.due)} (${closing.rule}). We will contact you to agree the closing date and to arrange the inspection and the payoff of your mortgage.`] : []),
        ];
      }
      if (data.option.state === "assigned") {
        return [
          `On ${decided} the trust assigned its purchase option under ${lease(data)}${note} to an income-eligible buyer, who will buy your home at ${data.homeAddress} at a price no higher than the formula price of ${maxPrice}.`,
          ...(closing ? [`The closing is due by ${formatLegalDate(closing.due)} (${closing.rule}).`] : []),
        ];
      }
      return [
        `On ${decided} the trust waived its purchase option under ${lease(data)}${note}.`,
        `You may now market your home at ${data.homeAddress} to income-eligible buyers${market ? ` from ${formatLegalDate(market.due)}` : ""}, at a price no higher than the formula price of ${maxPrice}. The buyer must be approved by the trust as eligible before the closing, and will sign a new ground lease (or take an assignment of yours).`,
      ];
    }
    case "eligibility-certificate": {
      const e = data.buyer?.eligibility ?? {};
      const first = e.firstTimeBuyer === null || e.firstTimeBuyer === undefined ? "not recorded" : e.firstTimeBuyer ? "yes" : "no";
      return [
        `The trust certifies that ${data.buyer?.name ?? "the household"} is eligible to buy the home at ${data.homeAddress} under ${lease(data)}: household income at or below ${String(e.level)} % of the area median income, on ${String(e.table)}.`,
        `Income certified on ${formatLegalDate(String(e.certifiedOn))} (valid until ${formatLegalDate(String(e.validUntil))}): ${String(e.verdict)}.`,
        `Household size and the home: ${String(e.sizeForBedrooms)}. First-time buyer: ${first}.`,
        "This certificate is for this home and this sale only. It lapses with the income certification on the date above.",
      ];
    }
    case "closing-statement": {
      const override = data.closing?.overrideReason ? ` The price is above the maximum resale price by an administrator's decision: ${data.closing.overrideReason}.` : "";
      return [
        `The sale of the home at ${data.homeAddress} closed on ${formatLegalDate(data.closing?.date ?? data.letterDate)} at ${formatMoney(data.closing?.price ?? "0")}${data.buyer ? `, to ${data.buyer.name}` : " to the trust"}.${override}`,
        `Your ownership of the home ended on the closing date, and so did ${data.leaseReference ? `your interest in ground lease ${data.leaseReference}` : "your interest in the home"}. The statement below shows your net proceeds.`,
      ];
    }
  }
}

/** The closing statement's rows: [label, amount] with the deductions signed. */
export function closingStatementRows(statement: Record<string, string>): [string, string][] {
  const minus = (v: string | undefined) => `−${formatMoney(v ?? "0")}`;
  return [
    ["Price", formatMoney(statement.price ?? "0")],
    ["Mortgage payoff", minus(statement.mortgagePayoff)],
    ["Seller's closing costs", minus(statement.sellerClosingCosts)],
    ["Unpaid lease fees", minus(statement.unpaidLeaseFees)],
    ["The trust's fees", minus(statement.trustFees)],
  ];
}
