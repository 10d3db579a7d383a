/**
 * The words of a meeting notice, shared by the PDF (notice-pdf.server.ts) and the email. Pure.
 */
import { MEETING_KINDS, type MeetingKind } from "./schemas";
import { formatLegalDate } from "~/modules/documents/format";

export type NoticeData = {
  organisation: { name: string; address: string };
  meeting: { kind: string; title: string; date: string; time: string; place: string; link: string; recordDate: string; agenda: string };
  seatsUpForElection: { name: string; className: string }[];
  noticeDate: string;
};

export function noticeTitle(data: NoticeData): string {
  return `Notice of ${MEETING_KINDS[data.meeting.kind as MeetingKind]?.toLowerCase() ?? "meeting"}: ${data.meeting.title}`;
}

/** The notice as paragraphs: [heading, text] pairs, in order. */
export function noticeParagraphs(data: NoticeData): [string, string][] {
  const { meeting } = data;
  const when = `${formatLegalDate(meeting.date)}${meeting.time ? ` at ${meeting.time}` : ""}`;
  const where = [meeting.place, meeting.link ? `online at ${meeting.link}` : ""].filter(Boolean).join(", and ") || "a place to be announced";
  const paragraphs: [string, string][] = [
    ["Meeting", `${data.organisation.name} will hold its ${MEETING_KINDS[meeting.kind as MeetingKind]?.toLowerCase() ?? "meeting"}, “${meeting.title}”, on ${when}, at ${where}.`],
    ["Who may vote", `Members in good standing on the record date, ${formatLegalDate(meeting.recordDate)}, may vote. A leaseholder household votes through the representative it has named to the trust.`],
  ];
  if (data.seatsUpForElection.length > 0) {
    paragraphs.push([
      "Election",
      `The members will elect the board seats whose terms end: ${data.seatsUpForElection.map((s) => `${s.name} (${s.className})`).join("; ")}. Ballots are secret. Members may vote in person on paper or, where offered, online after signing in.`,
    ]);
  }
  if (meeting.agenda.trim()) paragraphs.push(["Agenda", meeting.agenda.trim()]);
  return paragraphs;
}

export function noticeEmailText(data: NoticeData, greetingName: string): string {
  const body = noticeParagraphs(data).map(([heading, text]) => `${heading}\n${text}`).join("\n\n");
  return `Dear ${greetingName},\n\n${body}\n\n${data.organisation.name}\n${data.organisation.address}\n\nNotice given on ${formatLegalDate(data.noticeDate)}.`;
}
