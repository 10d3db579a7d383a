/**
 * Defaults and cure, the pure rules (issue 10 "Defaults and cure"), from the lease's own terms in force on
 * the date that matters (never a constant):
 * - a **notice of default** gives the homeowner the lease's cure period, `monetaryCureDays` for money owed
 *   (article 11.1(a)) or `nonMonetaryCureDays` for anything else (11.1(b)), counted from the notice date;
 * - a copy goes to every permitted mortgagee in force (Exhibit D);
 * - escalation stages: 90+ days delinquent (mortgage, taxes or lease fee), notice of foreclosure, foreclosure
 *   initiated;
 * - a **lender's notice** of the homeowner's default starts the trust's cure window, `lenderCureDays` from the
 *   day the trust receives it (8.3); if the default is not cured by then, the trust's **option to purchase
 *   before foreclosure** (8.4) is open until the foreclosure sale.
 * Plain data in, plain data out.
 */
import { addDays, compareCalendarDates, daysBetween } from "~/utils/calendar-date";

export const DEFAULT_KINDS = { monetary: "Monetary (money owed)", "non-monetary": "Non-monetary (another obligation)" } as const;
export type DefaultKind = keyof typeof DEFAULT_KINDS;

export const ESCALATION_STAGES = {
  "delinquent-90": "90+ days delinquent",
  "notice-of-foreclosure": "Notice of foreclosure",
  "foreclosure-initiated": "Foreclosure initiated",
} as const;
export type EscalationStage = keyof typeof ESCALATION_STAGES;

export const DELINQUENT_OBLIGATIONS = { mortgage: "the mortgage", taxes: "property taxes", "lease-fee": "the lease fee" } as const;
export type DelinquentObligation = keyof typeof DELINQUENT_OBLIGATIONS;

export type Escalation = { stage: EscalationStage; date: string; obligation?: DelinquentObligation; note: string };

export type CureTerms = { monetaryCureDays: number; nonMonetaryCureDays: number; lenderCureDays: number };

/** The homeowner's cure period and its last day: the notice date plus the lease's days for this kind. */
export function cureDeadline(kind: DefaultKind, noticeDate: string, terms: CureTerms): { cureDays: number; deadline: string } {
  const cureDays = kind === "monetary" ? terms.monetaryCureDays : terms.nonMonetaryCureDays;
  return { cureDays, deadline: addDays(noticeDate, cureDays) };
}

/** The trust's cure window after a lender's notice: the last day it may cure (received + lenderCureDays). */
export function lenderCureDeadline(receivedOn: string, terms: Pick<CureTerms, "lenderCureDays">): { lenderCureDays: number; deadline: string } {
  return { lenderCureDays: terms.lenderCureDays, deadline: addDays(receivedOn, terms.lenderCureDays) };
}

export type DefaultRecord = {
  status: "open" | "cured";
  curedOn: string | null;
  cureDeadline: string;
  lenderCureDeadline: string | null;
  foreclosureSaleDate: string | null;
};

/** Where a default stands on `today`, in words, with every deadline that still matters. */
export function defaultStanding(record: DefaultRecord, today: string): { label: string; deadlines: { label: string; date: string; state: "open" | "passed" }[] } {
  const deadlines: { label: string; date: string; state: "open" | "passed" }[] = [];
  const state = (date: string) => (compareCalendarDates(today, date) <= 0 ? "open" : "passed") as "open" | "passed";
  deadlines.push({ label: "Homeowner's cure period ends", date: record.cureDeadline, state: state(record.cureDeadline) });
  if (record.lenderCureDeadline) {
    deadlines.push({ label: "Trust's cure window after the lender's notice ends", date: record.lenderCureDeadline, state: state(record.lenderCureDeadline) });
    const optionUntil = record.foreclosureSaleDate ?? null;
    deadlines.push({
      label: optionUntil ? "Trust's option to purchase before foreclosure: until the foreclosure sale" : "Trust's option to purchase before foreclosure: from the end of the cure window until a foreclosure sale (date not yet known)",
      date: optionUntil ?? record.lenderCureDeadline,
      state: optionUntil ? state(optionUntil) : "open",
    });
  }
  if (record.status === "cured") return { label: `Cured on ${record.curedOn}`, deadlines };
  const left = daysBetween(today, record.cureDeadline);
  const label = left >= 0 ? `In the cure period: ${left} day${left === 1 ? "" : "s"} left (to ${record.cureDeadline})` : `Not cured: the cure period ended on ${record.cureDeadline}`;
  return { label, deadlines };
}
