/**
 * Governance forms: the Zod schemas shared by the forms (Conform) and the server. Pure: no I/O.
 */
import { z } from "zod";
import { legalDate, money, optionalLegalDate, optionalText, text, wholeNumber } from "~/utils/form-fields";
import { isEmailAddress } from "~/modules/email/retry";

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(200, "Use at most 200 characters")
  .refine((v) => v === "" || isEmailAddress(v), { message: "Enter an email address such as name@example.org" })
  .optional()
  .transform((v) => v ?? "");

export const MEETING_KINDS = { annual: "Annual meeting", special: "Special meeting", board: "Board meeting" } as const;
export type MeetingKind = keyof typeof MEETING_KINDS;

export const ELECTION_STATUS_LABELS: Record<string, string> = { open: "Voting open", closed: "Voting closed", certified: "Certified" };

export const OFFICER_TITLES = ["Chair", "Vice-chair", "Treasurer", "Secretary"] as const;

export const MemberSchema = z.object({
  fullName: text("member's name"),
  classId: text("membership class"),
  email: optionalEmail,
  phone: optionalText(50).transform((v) => v ?? ""),
  address: optionalText(300).transform((v) => v ?? ""),
  joinedOn: legalDate("date the member joined"),
});
export type MemberValues = z.infer<typeof MemberSchema>;

export const ResignSchema = z.object({ intent: z.literal("resign"), resignedOn: legalDate("date of resignation") });

export const DuesSchema = z.object({
  intent: z.literal("dues"),
  year: wholeNumber("year", { min: 1900, max: 2300 }),
  kind: z.enum(["paid", "waived"], { errorMap: () => ({ message: "Choose paid or waived" }) }),
  amount: money("amount").optional(),
  recordedOn: legalDate("date"),
  note: optionalText(200).transform((v) => v ?? ""),
});
export type DuesValues = z.infer<typeof DuesSchema>;

export const RepresentativeSchema = z.object({
  intent: z.literal("representative"),
  fullName: text("representative's name"),
  email: optionalEmail,
});

export const BylawsSchema = z.object({
  intent: z.literal("bylaws"),
  noticeDays: wholeNumber("notice period in days", { min: 0, max: 365 }),
  resolutionMajority: z.enum(["simple", "two-thirds"], { errorMap: () => ({ message: "Choose the majority resolutions need" }) }),
  votingByClass: z.enum(["by-class", "everyone"], { errorMap: () => ({ message: "Choose who votes for which seats" }) }),
  termLimit: wholeNumber("term limit", { max: 20 }),
  quorumClass: z.array(z.string().trim()).default([]),
  quorumKind: z.array(z.enum(["number", "percent", "none"])).default([]),
  quorumValue: z.array(z.string().trim()).default([]),
});

export const ClassSchema = z.object({ intent: z.literal("class"), name: text("class name", 80) });

export const DuesRateSchema = z.object({
  intent: z.literal("dues-rate"),
  classId: text("class"),
  year: wholeNumber("year", { min: 1900, max: 2300 }),
  amount: money("yearly dues"),
});

export const SeatSchema = z.object({
  intent: z.literal("seat"),
  name: text("seat name", 80),
  classId: text("class"),
  termYears: wholeNumber("term in years", { min: 1, max: 10 }),
});

export const AssignSeatSchema = z.object({
  intent: z.literal("assign"),
  seatId: text("seat"),
  holderKey: text("member"),
  startsOn: legalDate("start of the term"),
  officerTitle: z.string().trim().max(40).optional().transform((v) => v ?? ""),
});

export const EndTermSchema = z.object({ intent: z.literal("end-term"), termId: text("term"), leftOn: legalDate("date the holder left") });
export const OfficerSchema = z.object({ intent: z.literal("officer"), termId: text("term"), officerTitle: z.string().trim().max(40).optional().transform((v) => v ?? "") });

export const MeetingSchema = z.object({
  kind: z.enum(["annual", "special", "board"], { errorMap: () => ({ message: "Choose the kind of meeting" }) }),
  title: text("title", 120),
  date: legalDate("meeting date"),
  time: optionalText(40).transform((v) => v ?? ""),
  place: optionalText(300).transform((v) => v ?? ""),
  link: optionalText(300).transform((v) => v ?? ""),
  recordDate: optionalLegalDate("record date"),
  agenda: optionalText(4000).transform((v) => v ?? ""),
});
export type MeetingValues = z.infer<typeof MeetingSchema>;

export const AttendanceSchema = z.object({ intent: z.literal("attendance"), present: z.array(z.string()).default([]) });

export const ResolutionSchema = z.object({
  intent: z.literal("resolution"),
  text: text("resolution", 2000),
  forVotes: wholeNumber("votes for"),
  againstVotes: wholeNumber("votes against"),
  abstentions: wholeNumber("abstentions"),
});

export const ElectionSchema = z.object({
  intent: z.literal("election"),
  seatIds: z.array(z.string()).min(1, "Choose the seats to elect"),
  termStartsOn: legalDate("start of the new terms"),
  onlineVoting: z.enum(["yes", "no"]).default("no"),
});

export const CandidateSchema = z.object({ intent: z.literal("candidate"), memberKey: text("member") });

/** One voter's ballot: `choice.<classId>` lists the candidates marked for that class's seats. */
export function ballotChoices(form: FormData): Map<string, string[]> {
  const choices = new Map<string, string[]>();
  for (const [name, value] of form.entries()) {
    const match = /^choice\.(.+)$/.exec(name);
    if (match && typeof value === "string" && value) choices.set(match[1]!, [...(choices.get(match[1]!) ?? []), value]);
  }
  return choices;
}
