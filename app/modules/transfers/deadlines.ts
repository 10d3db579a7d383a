import { addDays, compareCalendarDates, daysBetween } from "~/utils/calendar-date";

/**
 * The deadlines of a resale / transfer case (docs/transfers.md), from the lease's own terms in force on the
 * notice date. Pure: the notice, the terms, what has been done and the trust's today in; the deadlines with
 * their states out.
 *
 *   - price notice due   = notice date + the lease's price-notice days (met when the formula price is sent);
 *   - option deadline    = notice date + the lease's purchase-option days (met by a decision: exercised,
 *                          assigned or waived; with no decision after that day the option has lapsed);
 *   - closing deadline   = the day the option was exercised or assigned + the lease's closing days;
 *   - may market from    = the day after the option deadline, or the day the option was waived.
 * States by the trust's local date: "met" (done, with the date), "due-soon" (due today or within the next DUE_SOON_DAYS days),
 * "overdue" (the day has passed, not done), "lapsed" (the option only), "upcoming"; a
 * cancelled or closed case shows undone deadlines as "not-applicable".
 */

export const DUE_SOON_DAYS = 7;

export type CaseTerms = { priceNoticeDays: number; purchaseOptionDays: number; closingDays: number };
export type OptionDecision = "exercised" | "assigned" | "waived";
export type OptionState = OptionDecision | "open" | "lapsed";
export type DeadlineState = "met" | "upcoming" | "due-soon" | "overdue" | "lapsed" | "not-applicable";
export type DeadlineKey = "price-notice" | "option" | "closing" | "may-market";

export type Deadline = { key: DeadlineKey; label: string; due: string; state: DeadlineState; doneOn: string | null; rule: string };

export type CaseProgress = {
  status: "open" | "closed" | "cancelled";
  noticeDate: string;
  terms: CaseTerms;
  priceNoticeOn: string | null;
  optionDecision: OptionDecision | null;
  optionDecidedOn: string | null;
  closingDate: string | null;
};

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  met: "done",
  upcoming: "upcoming",
  "due-soon": "due soon",
  overdue: "overdue",
  lapsed: "lapsed",
  "not-applicable": "—",
};

function pendingState(due: string, today: string): DeadlineState {
  if (compareCalendarDates(today, due) > 0) return "overdue";
  return daysBetween(today, due) <= DUE_SOON_DAYS ? "due-soon" : "upcoming";
}

export function optionDeadline(progress: Pick<CaseProgress, "noticeDate" | "terms">): string {
  return addDays(progress.noticeDate, progress.terms.purchaseOptionDays);
}

/** The option's state on `today`: the decision, or "lapsed" after the deadline without one, else "open". */
export function optionState(progress: CaseProgress, today: string): OptionState {
  if (progress.optionDecision) return progress.optionDecision;
  return compareCalendarDates(today, optionDeadline(progress)) > 0 ? "lapsed" : "open";
}

export function caseDeadlines(progress: CaseProgress, today: string): Deadline[] {
  const active = progress.status === "open";
  const state = (due: string, doneOn: string | null, pending: () => DeadlineState): DeadlineState => (doneOn ? "met" : active ? pending() : "not-applicable");
  const { terms } = progress;
  const deadlines: Deadline[] = [];

  const priceDue = addDays(progress.noticeDate, terms.priceNoticeDays);
  deadlines.push({
    key: "price-notice",
    label: "Formula price sent to the homeowner",
    due: priceDue,
    doneOn: progress.priceNoticeOn,
    state: state(priceDue, progress.priceNoticeOn, () => pendingState(priceDue, today)),
    rule: `${terms.priceNoticeDays} days after the notice of intent`,
  });

  const optionDue = optionDeadline(progress);
  deadlines.push({
    key: "option",
    label: "The trust decides on its purchase option",
    due: optionDue,
    doneOn: progress.optionDecidedOn,
    state: state(optionDue, progress.optionDecidedOn, () => (compareCalendarDates(today, optionDue) > 0 ? "lapsed" : pendingState(optionDue, today))),
    rule: `${terms.purchaseOptionDays} days after the notice of intent`,
  });

  if ((progress.optionDecision === "exercised" || progress.optionDecision === "assigned") && progress.optionDecidedOn) {
    const closingDue = addDays(progress.optionDecidedOn, terms.closingDays);
    deadlines.push({
      key: "closing",
      label: progress.optionDecision === "exercised" ? "Closing of the trust's purchase" : "Closing with the assignee",
      due: closingDue,
      doneOn: progress.closingDate,
      state: state(closingDue, progress.closingDate, () => pendingState(closingDue, today)),
      rule: `${terms.closingDays} days after the option was ${progress.optionDecision}`,
    });
  } else {
    const from = progress.optionDecision === "waived" && progress.optionDecidedOn ? progress.optionDecidedOn : addDays(optionDue, 1);
    deadlines.push({
      key: "may-market",
      label: "The homeowner may market the home to eligible buyers",
      due: from,
      doneOn: null,
      state: active ? (compareCalendarDates(today, from) >= 0 ? "met" : "upcoming") : "not-applicable",
      rule: progress.optionDecision === "waived" ? "from the day the trust waived its option" : "from the day after the option deadline, if the trust does nothing",
    });
  }
  return deadlines;
}

/** The first deadline still to meet (for "what is next" and the case list's order), or null. */
export function nextDeadline(deadlines: Deadline[]): Deadline | null {
  return deadlines.find((d) => d.key !== "may-market" && (d.state === "overdue" || d.state === "due-soon" || d.state === "upcoming")) ?? null;
}
