/**
 * Email reminders (docs/homeowner-portal.md "Reminders"): which reminders are due on a date, and their words.
 * Pure: calendar items, ledgers and case deadlines in; reminders with a unique key out. The key names the
 * kind, the record, the date it is about and the recipient, so each reminder is queued once
 * (reminders.server.ts stores the key in the same transaction as the email; the database refuses a second).
 */
import { addDays, compareCalendarDates, daysBetween, formatLegalProse } from "~/utils/calendar-date";

export const REMINDER_KINDS = {
  certificationDueSoon: { label: "Occupancy certification due soon", to: "the homeowner and the assigned staff member, 14 days before the due date" },
  certificationOverdue: { label: "Occupancy certification overdue", to: "the homeowner and the assigned staff member, the day after the due date" },
  insuranceDueSoon: { label: "Proof of insurance due soon", to: "the homeowner and the assigned staff member, 14 days before the due date" },
  insuranceOverdue: { label: "Proof of insurance overdue", to: "the homeowner and the assigned staff member, the day after the due date" },
  feeStatementReady: { label: "Lease-fee statement ready", to: "the homeowner, once a month after the month ends" },
  caseDeadline: { label: "Resale case deadline approaching", to: "the staff member who opened the case (or the trust's administrators), 7 days before" },
} as const;
export type ReminderKind = keyof typeof REMINDER_KINDS;
export const REMINDER_KIND_KEYS = Object.keys(REMINDER_KINDS) as ReminderKind[];

export type ReminderSwitches = Record<ReminderKind, boolean>;
export const ALL_ON: ReminderSwitches = { certificationDueSoon: true, certificationOverdue: true, insuranceDueSoon: true, insuranceOverdue: true, feeStatementReady: true, caseDeadline: true };

/** How many days before the due date "due soon" starts. */
export const DUE_SOON_DAYS = 14;

export type Recipient = { userId: string; email: string; name: string; homeowner: boolean };

export type Reminder = { key: string; kind: ReminderKind; to: string; subject: string; text: string };

export type DueItemForReminder = {
  type: string;
  dueDate: string;
  status: string;
  leaseId: string | null;
  leaseReference: string;
  scheduleKey: string | null;
  eventId: string | null;
  home: string;
  householdId: string | null;
  assignedToId: string | null;
};

/** The reminder an item calls for on `today`: due soon (within 14 days), overdue (after the due date), or none. */
export function itemReminderKind(item: DueItemForReminder, today: string): ReminderKind | null {
  if (item.status !== "open" && item.status !== "delinquent") return null;
  const kinds =
    item.type === "occupancy_certification" ? (["certificationDueSoon", "certificationOverdue"] as const) : item.type === "insurance_proof" ? (["insuranceDueSoon", "insuranceOverdue"] as const) : null;
  if (!kinds) return null;
  if (compareCalendarDates(today, item.dueDate) > 0) return kinds[1];
  return daysBetween(today, item.dueDate) <= DUE_SOON_DAYS ? kinds[0] : null;
}

const WHAT: Record<string, string> = { occupancy_certification: "annual occupancy certification", insurance_proof: "proof of home insurance" };

/** Reminders for the household's and staff's due items. */
export function itemReminders(
  items: DueItemForReminder[],
  today: string,
  switches: ReminderSwitches,
  recipients: { homeowners: (householdId: string) => Recipient[]; staff: (userId: string) => Recipient | null },
  links: { myHome: string; staffItem: (item: DueItemForReminder) => string },
): Reminder[] {
  const out: Reminder[] = [];
  for (const item of items) {
    const kind = itemReminderKind(item, today);
    if (!kind || !switches[kind]) continue;
    const overdue = kind.endsWith("Overdue");
    const what = WHAT[item.type]!;
    const record = `${item.leaseId ?? ""}:${item.scheduleKey ?? item.eventId ?? ""}:${item.dueDate}`;
    const people = [...(item.householdId ? recipients.homeowners(item.householdId) : []), ...(item.assignedToId ? [recipients.staff(item.assignedToId)].filter((r): r is Recipient => r !== null) : [])];
    for (const person of people) {
      const subject = overdue ? `Overdue: your ${what} (due ${formatLegalProse(item.dueDate)})` : `Due ${formatLegalProse(item.dueDate)}: your ${what}`;
      const staffSubject = `${overdue ? "Overdue" : `Due ${formatLegalProse(item.dueDate)}`}: ${what} — ${item.home}`;
      const text = person.homeowner
        ? [
            `Dear ${person.name},`,
            "",
            overdue
              ? `Your ${what} for ${item.home} was due on ${formatLegalProse(item.dueDate)} and the trust has not received it yet.`
              : `Your ${what} for ${item.home} is due on ${formatLegalProse(item.dueDate)}.`,
            `You can send it online, from your phone too: sign in to My home at ${links.myHome} and choose "Send it online".`,
            "",
            "If you have already sent it, thank you: the trust will confirm when it has checked it.",
          ].join("\n")
        : [
            `${overdue ? "Overdue" : "Due soon"}: ${what} of ${item.home}, lease ${item.leaseReference}, due ${formatLegalProse(item.dueDate)}. You are the staff member assigned to it.`,
            "",
            `Open it: ${links.staffItem(item)}`,
          ].join("\n");
      out.push({ key: `${kind}:${record}:${person.userId}`, kind, to: person.email, subject: person.homeowner ? subject : staffSubject, text });
    }
  }
  return out;
}

/** The month whose statement is ready on `today` (the month before), as "YYYY-MM", with its first and last day. */
export function statementMonth(today: string): { month: string; from: string; to: string } {
  const to = addDays(`${today.slice(0, 7)}-01`, -1);
  return { month: to.slice(0, 7), from: `${to.slice(0, 7)}-01`, to };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "Your statement is ready": once per household and month, to the household's homeowners. */
export function statementReminders(
  households: { householdId: string; homeowners: Recipient[] }[],
  today: string,
  switches: ReminderSwitches,
  links: { myHome: string },
): Reminder[] {
  if (!switches.feeStatementReady) return [];
  const { month } = statementMonth(today);
  const words = `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
  return households.flatMap((h) =>
    h.homeowners.map((person) => ({
      key: `feeStatementReady:${h.householdId}:${month}:${person.userId}`,
      kind: "feeStatementReady" as const,
      to: person.email,
      subject: `Your lease-fee statement for ${words} is ready`,
      text: [`Dear ${person.name},`, "", `Your lease-fee statement for ${words} is ready: every charge and payment, and your balance.`, `Sign in to My home at ${links.myHome} to read it or download it as a PDF.`].join("\n"),
    })),
  );
}

export type CaseForReminder = { id: string; home: string; next: { key: string; label: string; due: string; state: string } | null; staff: Recipient[] };

/** "A case deadline is approaching": the case's next deadline when due soon, once per deadline and person. */
export function caseReminders(cases: CaseForReminder[], switches: ReminderSwitches, links: { case: (id: string) => string }): Reminder[] {
  if (!switches.caseDeadline) return [];
  return cases.flatMap((c) =>
    c.next && c.next.state === "due-soon"
      ? c.staff.map((person) => ({
          key: `caseDeadline:${c.id}:${c.next!.key}:${c.next!.due}:${person.userId}`,
          kind: "caseDeadline" as const,
          to: person.email,
          subject: `Resale case deadline ${formatLegalProse(c.next!.due)}: ${c.next!.label} — ${c.home}`,
          text: [`The resale case of ${c.home} has a deadline approaching: ${c.next!.label}, due ${formatLegalProse(c.next!.due)}.`, "", `Open the case: ${links.case(c.id)}`].join("\n"),
        }))
      : [],
  );
}
