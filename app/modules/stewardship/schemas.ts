/**
 * Stewardship forms: the Zod schemas shared by the forms (Conform) and the server. Pure: no I/O.
 */
import { z } from "zod";
import { legalDate, optionalLegalDate, optionalText, recordVersion, wholeNumber } from "~/utils/form-fields";
import { parseMonthDay } from "./calendar";
import { MONITORING_EVENT_TYPES, type MonitoringEventType } from "./events";

const eventType = z.enum(Object.keys(MONITORING_EVENT_TYPES) as [MonitoringEventType, ...MonitoringEventType[]], {
  errorMap: () => ({ message: "Choose the kind of event" }),
});

export const NewEventSchema = z.object({
  leaseId: z.string({ required_error: "Choose the lease" }).trim().min(1, "Choose the lease"),
  type: eventType,
  subject: optionalText(200).transform((v) => v ?? ""),
  dueDate: legalDate("due date"),
  notes: optionalText(4000).transform((v) => v ?? ""),
  assignedToId: optionalText(100).transform((v) => v || null),
});
export type NewEventValues = z.infer<typeof NewEventSchema>;

/** The forms of a monitoring event's page (app/modules/stewardship/event-view.tsx), told apart by their `intent`. */
export const EVENT_PAGE_INTENTS = ["submit", "resolve", "reopen", "delinquent", "assign"] as const;
export type EventPageIntent = (typeof EVENT_PAGE_INTENTS)[number];

export const SubmitEventSchema = z.object({
  intent: z.literal("submit"),
  version: recordVersion(),
  submittedOn: legalDate("date received"),
  notes: optionalText(4000).transform((v) => v ?? ""),
});

export const ResolveEventSchema = z.object({
  intent: z.literal("resolve"),
  version: recordVersion(),
  resolvedOn: legalDate("date resolved"),
  resolution: z.string({ required_error: "Say how it was resolved" }).trim().min(1, "Say how it was resolved").max(2000, "Use at most 2000 characters"),
});

/** Back to open (the proof falls short) or marked delinquent by staff: either way a note says why. */
export const NoteChangeSchema = z.object({
  intent: z.enum(["reopen", "delinquent"]),
  version: recordVersion(),
  notes: z.string({ required_error: "Say why, for the file" }).trim().min(1, "Say why, for the file").max(4000, "Use at most 4000 characters"),
});

export const AssignEventSchema = z.object({
  intent: z.literal("assign"),
  version: recordVersion(),
  assignedToId: optionalText(100).transform((v) => v || null),
});

/** A yearly date "MM-DD" (29 February is refused: it does not come every year); empty = not set. */
function optionalMonthDay(what: string) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const padded = /^\d{1,2}-\d{1,2}$/.test(value) ? value.split("-").map((part) => part.padStart(2, "0")).join("-") : value;
      if (!parseMonthDay(padded)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `Enter the ${what} as month-day, e.g. 06-30 (29 February does not come every year)` });
        return z.NEVER;
      }
      return padded;
    });
}

/** Settings → Stewardship → Monitoring: the grace period and the trust's fixed dates. */
export const MonitoringSettingsSchema = z.object({
  intent: z.literal("monitoring"),
  version: recordVersion(),
  graceDays: wholeNumber("grace period", { max: 365 }),
  occupancyFixedDate: optionalMonthDay("certification date"),
  taxProofDate: optionalMonthDay("tax proof date"),
  monitoringStartsOn: optionalLegalDate("first due date").transform((v) => v ?? null),
});
export type MonitoringSettingsValues = z.output<typeof MonitoringSettingsSchema>;

/** A lease's own schedule (its page → Monitoring schedule): overrides the trust's dates for this lease. */
export const LeaseScheduleSchema = z.object({
  version: recordVersion(),
  insuranceExpiresOn: optionalLegalDate("policy expiry date").transform((v) => v ?? null),
  occupancyFixedDate: optionalMonthDay("certification date"),
  taxProofDate: optionalMonthDay("tax proof date"),
});
export type LeaseScheduleValues = z.output<typeof LeaseScheduleSchema>;
