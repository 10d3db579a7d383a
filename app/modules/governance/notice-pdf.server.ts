/**
 * The meeting notice as a PDF, drawn with the shared PDF toolkit (~/modules/documents/pdf.server.ts: same page,
 * fonts and typography as the ground lease: serif body, sans furniture, "Page X of Y"). Same data → same bytes.
 */
import { Flow, finishPages, letterhead, MUTED, newDocument, toBuffer } from "~/modules/documents/pdf.server";
import { noticeParagraphs, noticeTitle, type NoticeData } from "./notice";
import { formatLegalDate } from "~/modules/documents/format";

export async function renderMeetingNotice(data: NoticeData): Promise<Buffer> {
  const title = noticeTitle(data);
  const doc = newDocument({
    title,
    author: data.organisation.name,
    subject: `${title} — ${formatLegalDate(data.meeting.date)}`,
    keywords: ["meeting notice", "community land trust", data.meeting.kind].join(", "),
    date: data.noticeDate,
  });
  const flow = new Flow(doc);
  flow.newPage();
  letterhead(flow, data.organisation, { gapAfter: 18 });
  flow.heading(title.toUpperCase(), { size: 14, gapAfter: 4 });
  flow.paragraph(`Given on ${formatLegalDate(data.noticeDate)}`, { font: "sans", size: 9, align: "center", color: MUTED, gapAfter: 14 });
  for (const [heading, text] of noticeParagraphs(data)) {
    flow.leadParagraph(`${heading}. `, text);
  }
  flow.paragraph(`By order of the board of ${data.organisation.name}.`, { gapAfter: 28 });
  flow.paragraph("Secretary", { font: "sans", size: 9, color: MUTED });
  finishPages(doc, { headerLeft: data.organisation.name, headerRight: title, headerFrom: 1, draft: false });
  return toBuffer(doc);
}
