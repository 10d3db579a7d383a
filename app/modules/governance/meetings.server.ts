/**
 * Meetings: annual, special and board meetings with their record date, notice (PDF, and email to every
 * member in good standing on the record date through the outbox), attendance, quorum and resolutions.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { queueEmails } from "~/modules/email/outbox.server";
import type { Db } from "~/utils/db.server";
import { getBylaws, memberRoll, type Result } from "./members.server";
import { noticeEmailText, noticeTitle, type NoticeData } from "./notice";
import { addDays, quorum, resolutionPassed } from "./rules";
import type { MeetingValues } from "./schemas";

export async function listMeetings(db: Db, organisationId: string) {
  return db.meeting.findMany({ where: { organisationId }, orderBy: [{ date: "desc" }, { id: "desc" }], take: 200 });
}

/** The record date defaults to the day notice is due (the meeting date less the bylaws' notice period). */
export async function createMeeting(db: Db, actor: AuditActor, values: MeetingValues): Promise<Result> {
  const bylaws = await getBylaws(db, actor.organisationId);
  const recordDate = values.recordDate ?? addDays(values.date, -bylaws.noticeDays);
  if (recordDate > values.date) return { ok: false, fieldErrors: { recordDate: ["The record date cannot be after the meeting"] } };
  return db.$transaction(async (tx): Promise<Result> => {
    const meeting = await tx.meeting.create({ data: { organisationId: actor.organisationId, ...values, recordDate } });
    await recordAudit(tx, actor, { entity: "Meeting", entityId: meeting.id, action: "create", after: { ...values, recordDate } });
    return { ok: true, id: meeting.id };
  });
}

export async function getMeeting(db: Db, organisationId: string, meetingId: string) {
  return db.meeting.findFirst({
    where: { id: meetingId, organisationId },
    include: { attendance: true, resolutions: { orderBy: { position: "asc" } }, elections: { include: { seats: true }, orderBy: { createdAt: "asc" } } },
  });
}
export type MeetingDetail = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;

/** The roll on the record date, who attended, and whether the bylaws' quorum was reached. */
export async function meetingQuorum(db: Db, organisationId: string, meeting: Pick<MeetingDetail, "recordDate" | "attendance">) {
  const [bylaws, roll] = await Promise.all([getBylaws(db, organisationId), memberRoll(db, organisationId, meeting.recordDate)]);
  const present = new Set(meeting.attendance.map((a) => a.memberKey));
  return { roll, ...quorum(bylaws.quorumRules, roll, present) };
}

export async function noticeData(db: Db, organisationId: string, meeting: MeetingDetail, noticeDate: string): Promise<NoticeData> {
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: organisationId } });
  const seatIds = meeting.elections.flatMap((e) => e.seats.map((s) => s.seatId));
  const seats = await db.boardSeat.findMany({ where: { organisationId, id: { in: seatIds } }, include: { membershipClass: true }, orderBy: { position: "asc" } });
  return {
    organisation: { name: organisation.name, address: organisation.address },
    meeting,
    seatsUpForElection: seats.map((s) => ({ name: s.name, className: s.membershipClass.name })),
    noticeDate,
  };
}

/**
 * Queues the notice by email to every member in good standing on the record date who has an address.
 * Refused once queued, and for member meetings when the bylaws' notice period has already begun.
 */
export async function sendNotice(db: Db, actor: AuditActor, meetingId: string, today: string) {
  const meeting = await getMeeting(db, actor.organisationId, meetingId);
  if (!meeting) return { ok: false as const, formErrors: ["This meeting does not exist"] };
  if (meeting.noticeQueuedAt) return { ok: false as const, formErrors: ["The notice of this meeting has already been sent to the outbox."] };
  const bylaws = await getBylaws(db, actor.organisationId);
  const deadline = addDays(meeting.date, -bylaws.noticeDays);
  if (meeting.kind !== "board" && today > deadline) {
    return { ok: false as const, formErrors: [`The bylaws require ${bylaws.noticeDays} days' notice: it had to be given by ${deadline}. Move the meeting to a later date.`] };
  }
  const data = await noticeData(db, actor.organisationId, meeting, today);
  const roll = (await memberRoll(db, actor.organisationId, meeting.recordDate)).filter((m) => m.goodStanding);
  const subject = noticeTitle(data);
  return db.$transaction(async (tx) => {
    const { count } = await tx.meeting.updateMany({ where: { id: meeting.id, noticeQueuedAt: null }, data: { noticeQueuedAt: new Date() } });
    if (count !== 1) return { ok: false as const, formErrors: ["The notice of this meeting has already been sent to the outbox."] };
    const recipients = roll.filter((m) => m.email);
    const queued = await queueEmails(tx, actor.organisationId, `meeting-notice:${meeting.id}`, recipients.map((m) => ({ to: m.email, subject, text: noticeEmailText(data, m.voterName) })));
    await recordAudit(tx, actor, { entity: "Meeting", entityId: meeting.id, action: "generate", after: { notice: "queued", recipients: queued.queued } });
    return { ok: true as const, queued: queued.queued, withoutEmail: roll.filter((m) => !m.email).map((m) => m.name) };
  });
}

/** Replaces the attendance list; only members on the roll of the record date can be recorded present. */
export async function recordAttendance(db: Db, actor: AuditActor, meetingId: string, presentKeys: readonly string[]): Promise<Result> {
  const meeting = await db.meeting.findFirst({ where: { id: meetingId, organisationId: actor.organisationId } });
  if (!meeting) return { ok: false, formErrors: ["This meeting does not exist"] };
  const roll = await memberRoll(db, actor.organisationId, meeting.recordDate);
  const byKey = new Map<string, (typeof roll)[number]>(roll.map((m) => [m.key, m]));
  const unknown = presentKeys.filter((k) => !byKey.has(k));
  if (unknown.length) return { ok: false, formErrors: ["Someone marked present was not a member on the record date."] };
  return db.$transaction(async (tx): Promise<Result> => {
    await tx.meetingAttendance.deleteMany({ where: { meetingId } });
    const present = [...new Set(presentKeys)].map((k) => byKey.get(k)!);
    if (present.length) await tx.meetingAttendance.createMany({ data: present.map((m) => ({ meetingId, memberKey: m.key, name: m.name, classId: m.classId })) });
    await recordAudit(tx, actor, { entity: "Meeting", entityId: meetingId, action: "update", after: { attendance: present.length } });
    return { ok: true, id: meetingId };
  });
}

export async function addResolution(db: Db, actor: AuditActor, meetingId: string, values: { text: string; forVotes: number; againstVotes: number; abstentions: number }): Promise<Result> {
  const meeting = await db.meeting.findFirst({ where: { id: meetingId, organisationId: actor.organisationId } });
  if (!meeting) return { ok: false, formErrors: ["This meeting does not exist"] };
  const bylaws = await getBylaws(db, actor.organisationId);
  const passed = resolutionPassed({ for: values.forVotes, against: values.againstVotes }, bylaws.resolutionMajority);
  return db.$transaction(async (tx): Promise<Result> => {
    const position = await tx.resolution.count({ where: { meetingId } });
    const resolution = await tx.resolution.create({ data: { meetingId, ...values, majority: bylaws.resolutionMajority, passed, position } });
    await recordAudit(tx, actor, { entity: "Resolution", entityId: resolution.id, action: "create", after: { ...values, majority: bylaws.resolutionMajority, passed } });
    return { ok: true, id: resolution.id };
  });
}
