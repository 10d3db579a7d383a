/**
 * Stewardship letters (pure): which letters an event can have, and their words. The PDF is drawn in the lease
 * documents' typography by letter-pdf.server.ts. A certification request asks for the yearly proof; a past-due
 * notice tells the homeowner the due date and grace period have passed and what the lease allows next.
 */
import { addDays, compareCalendarDates } from "~/utils/calendar-date";
import type { MonitoringEventStatus, MonitoringEventType } from "./events";
import { MONITORING_EVENT_TYPES } from "./events";
import { formatLegalDate } from "~/modules/documents/format";

export const LETTER_KINDS = { "certification-request": "Certification request", "past-due-notice": "Past-due notice" } as const;
export type LetterKind = keyof typeof LETTER_KINDS;

export function isLetterKind(value: string): value is LetterKind {
  return Object.hasOwn(LETTER_KINDS, value);
}

const REQUESTED: readonly MonitoringEventType[] = ["occupancy_certification", "insurance_proof", "property_tax_proof"];

/** The letters an event can have: a request while it is open (proof types), a past-due notice once it is overdue. */
export function lettersFor(event: { type: MonitoringEventType; status: MonitoringEventStatus; overdue: boolean }): LetterKind[] {
  const kinds: LetterKind[] = [];
  if (!REQUESTED.includes(event.type)) return kinds;
  if (event.status === "open" || event.status === "delinquent") kinds.push("certification-request");
  if (event.overdue && (event.status === "open" || event.status === "delinquent")) kinds.push("past-due-notice");
  return kinds;
}

/** Days a past-due notice gives to send what is missing. */
export const PAST_DUE_RESPONSE_DAYS = 14;

export type LetterData = {
  kind: LetterKind;
  letterDate: string;
  organisation: { name: string; address: string };
  lessees: string[];
  mailingAddress: string;
  homeAddress: string;
  leaseReference: string;
  commencementDate: string;
  type: MonitoringEventType;
  dueDate: string;
  graceDays: number;
  nonMonetaryCureDays: number;
};

const WHAT: Partial<Record<MonitoringEventType, { noun: string; ask: string }>> = {
  occupancy_certification: {
    noun: "annual owner-occupancy certification",
    ask: "the enclosed owner-occupancy certification, signed by every adult lessee, with one proof of residence dated within the last 60 days (a utility bill, bank statement or driver's licence showing the home's address)",
  },
  insurance_proof: {
    noun: "proof of homeowner's insurance",
    ask: "the declarations page of your homeowner's insurance policy for the coming year, showing the home's full replacement cost coverage and naming the Trust as additional insured",
  },
  property_tax_proof: {
    noun: "proof of property tax payment",
    ask: "the receipt or statement from your town showing that this year's property taxes on the home are paid",
  },
};

export function letterTitle(data: Pick<LetterData, "kind" | "type">): string {
  const what = WHAT[data.type]?.noun ?? MONITORING_EVENT_TYPES[data.type].toLowerCase();
  return data.kind === "certification-request" ? `Request for ${what}` : `Notice: ${what} past due`;
}

function names(lessees: string[]): string {
  if (lessees.length <= 1) return lessees[0] ?? "Homeowner";
  return `${lessees.slice(0, -1).join(", ")} and ${lessees.at(-1)}`;
}

/** The letter's paragraphs, in order (the salutation first, the closing last). */
export function letterParagraphs(data: LetterData): string[] {
  const what = WHAT[data.type] ?? { noun: MONITORING_EVENT_TYPES[data.type].toLowerCase(), ask: "the documents the Trust asked for" };
  const lease = `your ground lease ${data.leaseReference}, which began on ${formatLegalDate(data.commencementDate)}`;
  const due = formatLegalDate(data.dueDate);
  if (data.kind === "certification-request") {
    const late = compareCalendarDates(data.letterDate, data.dueDate) > 0;
    return [
      `Dear ${names(data.lessees)}:`,
      `Under ${lease}, the Trust checks each year that the home at ${data.homeAddress} remains your principal residence and is insured, and that its property taxes are paid. This letter asks for your ${what.noun}.`,
      late
        ? `Please send us ${what.ask}. It was due on ${due}; please send it by ${formatLegalDate(addDays(data.letterDate, PAST_DUE_RESPONSE_DAYS))}. You may mail it to the address above, email it, or bring it to our office.`
        : `Please send us ${what.ask}, by ${due}. You may mail it to the address above, email it, or bring it to our office.`,
      `If your circumstances have changed — you plan to rent the home, to be away for a long period, to refinance or to sell — please call us before that date: the lease asks you to request the Trust's approval in advance, and we are glad to help.`,
      `Thank you for your part in keeping this home affordable for the families who will live in it after you.`,
    ];
  }
  const graceEnded = formatLegalDate(addDays(data.dueDate, data.graceDays));
  const respondBy = formatLegalDate(addDays(data.letterDate, PAST_DUE_RESPONSE_DAYS));
  return [
    `Dear ${names(data.lessees)}:`,
    `Under ${lease}, your ${what.noun} for the home at ${data.homeAddress} was due on ${due}. Our records show that we have not received it, and the ${data.graceDays}-day grace period ended on ${graceEnded}.`,
    `Please send us ${what.ask}, by ${respondBy}.`,
    `If we do not receive it, the Trust may give you written notice of default under the lease. The lease then allows ${data.nonMonetaryCureDays} days from that notice to cure the default. If something is preventing you from sending it, please call us now: we would much rather help than send a notice.`,
    `If you have sent it in the last few days, thank you, and please disregard this notice.`,
  ];
}
