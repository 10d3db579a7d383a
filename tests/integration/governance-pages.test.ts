import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addCandidate, createElection } from "~/modules/governance/elections.server";
import { createMeeting } from "~/modules/governance/meetings.server";
import { recordDues } from "~/modules/governance/members.server";
import { addDays } from "~/modules/governance/rules";
import { DEFAULT_TIME_ZONE, todayIn } from "~/utils/calendar-date";
import { action as electionAction } from "~/routes/governance.elections.$electionId";
import { action as meetingAction } from "~/routes/governance.meetings.$meetingId._index";
import { loader as noticeLoader } from "~/routes/governance.meetings.$meetingId.notice[.]pdf";
import { action as newMemberAction } from "~/routes/governance.members.new";
import { loader as rollCsvLoader } from "~/routes/governance.roll[.]csv";
import { action as voteAction, loader as voteLoader } from "~/routes/vote";
import { db } from "~/utils/db.server";
import { enrolMember, setUpGovernance } from "~/modules/demo/governance";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

function pdfText(pdf: Buffer): { text: string; fonts: string } {
  const dir = mkdtempSync(join(tmpdir(), "notice-pdf-"));
  const file = join(dir, "notice.pdf");
  writeFileSync(file, pdf);
  try {
    execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
    return {
      text: execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " "),
      fonts: execFileSync("pdffonts", [file], { encoding: "utf8" }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function staffTrust() {
  const { organisation } = await createOrganisation(db(), { name: "Núñez Valley Land Trust" });
  await db().organisation.update({ where: { id: organisation.id }, data: { address: "1 Commons Way, Winooski, VT 05404" } });
  const governance = await setUpGovernance(db(), organisation.id, { seatsPerClass: 1, generalDuesCents: 2500, duesYear: Number(trustToday().slice(0, 4)) });
  const { user } = await createMember(db(), organisation.id, "staff");
  return { organisationId: organisation.id, ...governance, cookie: await sessionCookieFor(user.id, organisation.id) };
}

/** Today for a trust in the default time zone (the test trusts keep it). */
const trustToday = () => todayIn(DEFAULT_TIME_ZONE);

type Reply = { intent?: string; reply?: { error?: Record<string, string[] | null> }; error?: Record<string, string[] | null> };

describe("governance pages", () => {
  it("adding a member answers 400 with every field error and stores nothing", async () => {
    const { organisationId, cookie, general } = await staffTrust();
    const bad = await unwrap(await run(newMemberAction, postRequest("/governance/members/new", { fullName: "", classId: general.id, email: "nope", joinedOn: "2026-02-30" }, { cookie })));
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as Reply).error ?? {}).sort()).toEqual(["email", "fullName", "joinedOn"]);
    expect(await db().member.count({ where: { organisationId } })).toBe(0);
    const good = (await run(newMemberAction, postRequest("/governance/members/new", { fullName: "Zoë Ålander", classId: general.id, email: "Zoe@Example.org", joinedOn: "2026-01-05" }, { cookie }))) as Response;
    expect(good.status).toBe(302);
    const member = await db().member.findFirstOrThrow({ where: { organisationId } });
    expect(good.headers.get("Location")).toBe(`/governance/members/member:${member.id}`);
    expect(member.email).toBe("zoe@example.org");
  });

  it("the roll exports as CSV for a date", async () => {
    const { organisationId, cookie, general, actor } = await staffTrust();
    const id = await enrolMember(db(), organisationId, { fullName: "Zoë Ålander", classId: general.id, joinedOn: "2026-01-05", email: "zoe@example.org" });
    await enrolMember(db(), organisationId, { fullName: "Later Member", classId: general.id, joinedOn: "2026-03-01" });
    await recordDues(db(), actor, `member:${id}`, { intent: "dues", year: 2026, kind: "paid", amount: 2500, recordedOn: "2026-01-05", note: "" });
    const response = (await run(rollCsvLoader, getRequest("/governance/roll.csv?date=2026-02-01", cookie))) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer())).toBe("\uFEFFclass,name,voter,email,member_since,dues,paid,waived,good_standing\r\nGeneral,Zoë Ålander,Zoë Ålander,zoe@example.org,2026-01-05,25.00,25.00,no,yes\r\n".replace(/\r\n/g, await lineEnding()));
    expect(((await run(rollCsvLoader, getRequest("/governance/roll.csv?date=2026-13-01", cookie))) as Response).status).toBe(400);
  });

  it("the notice is a PDF and goes by email to every member in good standing with an address, once", async () => {
    const { organisationId, cookie, general, actor } = await staffTrust();
    const year = Number(trustToday().slice(0, 4));
    const paid = await enrolMember(db(), organisationId, { fullName: "Zoë Ålander", classId: general.id, joinedOn: "2020-01-05", email: "zoe@example.org" });
    await enrolMember(db(), organisationId, { fullName: "Owes Dues", classId: general.id, joinedOn: "2020-01-05", email: "owes@example.org" });
    const noEmail = await enrolMember(db(), organisationId, { fullName: "Paper Only", classId: general.id, joinedOn: "2020-01-05" });
    for (const id of [paid, noEmail]) await recordDues(db(), actor, `member:${id}`, { intent: "dues", year, kind: "paid", amount: 2500, recordedOn: trustToday(), note: "" });
    const date = addDays(trustToday(), 45);
    const meeting = await createMeeting(db(), actor, { kind: "annual", title: "Annual meeting", date, time: "6:30 pm", place: "Winooski Library", link: "https://meet.example/clt", recordDate: trustToday(), agenda: "Elect the board." });
    if (!meeting.ok) throw new Error("meeting");
    const sent = (await run(meetingAction, postRequest(`/governance/meetings/${meeting.id}`, { intent: "notice" }, { cookie }), { meetingId: meeting.id })) as Response;
    expect(sent.status).toBe(302);
    const outbox = await db().emailMessage.findMany({ where: { organisationId } });
    expect(outbox.map((m) => [m.toAddress, m.status])).toEqual([["zoe@example.org", "queued"]]);
    expect(outbox[0]!.textBody).toContain("Dear Zoë Ålander,");
    expect(outbox[0]!.subject).toBe("Notice of annual meeting: Annual meeting");
    const again = await unwrap(await run(meetingAction, postRequest(`/governance/meetings/${meeting.id}`, { intent: "notice" }, { cookie }), { meetingId: meeting.id }));
    expect(again.status).toBe(400);
    expect(await db().emailMessage.count({ where: { organisationId } })).toBe(1);

    const pdf = (await run(noticeLoader, getRequest(`/governance/meetings/${meeting.id}/notice.pdf`, cookie), { meetingId: meeting.id })) as Response;
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const { text, fonts } = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain("Núñez Valley Land Trust");
    expect(text).toContain("NOTICE OF ANNUAL MEETING: ANNUAL MEETING");
    expect(text).toContain("meet.example/clt"); // the justified line may break the link after "https://"
    expect(text).toContain("Page 1 of 1");
    expect(fonts).toContain("DejaVuSerif");
    // a legal notice writes its dates out ("January 15, 2027"), dated the trust's day the notice was queued
    const longDate = (day: string) => new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
    expect(text).toContain(`Given on ${longDate(trustToday())}`);
    expect(text).toContain(`on ${longDate(date)} at 6:30 pm`);
    expect(text).toContain(`on the record date, ${longDate(trustToday())}, may vote`);
    expect(outbox[0]!.textBody).toContain(`Notice given on ${longDate(trustToday())}.`);
  });

  it("notice too late for the bylaws' period is refused with the date it was due", async () => {
    const { organisationId, cookie, actor } = await staffTrust();
    const meeting = await createMeeting(db(), actor, { kind: "special", title: "Special meeting", date: addDays(trustToday(), 10), time: "", place: "Office", link: "", recordDate: trustToday(), agenda: "" });
    if (!meeting.ok) throw new Error("meeting");
    const result = await unwrap(await run(meetingAction, postRequest(`/governance/meetings/${meeting.id}`, { intent: "notice" }, { cookie }), { meetingId: meeting.id }));
    expect(result.status).toBe(400);
    expect((result.body as Reply).reply?.error?.[""]).toEqual([`The bylaws require 30 days' notice: it had to be given by ${addDays(trustToday(), -20)}. Move the meeting to a later date.`]);
    expect(await db().emailMessage.count({ where: { organisationId } })).toBe(0);
  });

  it("a member votes online as themselves (never as whoever the form names), once; staff record paper ballots", async () => {
    const { organisationId, cookie, general, seats, actor } = await staffTrust();
    const year = Number(trustToday().slice(0, 4));
    const ids = [];
    for (const name of ["Voter One", "Voter Two", "Candidate Three"]) {
      const id = await enrolMember(db(), organisationId, { fullName: name, classId: general.id, joinedOn: "2020-01-01", email: `${name.split(" ")[1]!.toLowerCase()}@example.org` });
      await recordDues(db(), actor, `member:${id}`, { intent: "dues", year, kind: "waived", recordedOn: trustToday(), note: "" });
      ids.push(id);
    }
    const meeting = await createMeeting(db(), actor, { kind: "annual", title: "Annual", date: addDays(trustToday(), 40), time: "", place: "", link: "", recordDate: trustToday(), agenda: "" });
    if (!meeting.ok) throw new Error("meeting");
    const election = await createElection(db(), actor, meeting.id, { seatIds: seats[general.id]!, termStartsOn: addDays(trustToday(), 40), onlineVoting: true });
    if (!election.ok) throw new Error("election");
    const candidate = await addCandidate(db(), actor, election.id, `member:${ids[2]}`);
    if (!candidate.ok) throw new Error("candidate");
    // Voter One gets a sign-in
    const { user } = await createMember(db(), organisationId, "member", { email: "one@example.org" });
    await db().member.update({ where: { id: ids[0] }, data: { userId: user.id } });
    const memberCookie = await sessionCookieFor(user.id, organisationId);
    const page = await unwrap(await run(voteLoader, getRequest("/vote", memberCookie)));
    expect((page.body as { elections: { voted: boolean; refusal: string | null }[] }).elections).toEqual([expect.objectContaining({ voted: false, refusal: null })]);
    const form = { intent: "vote", electionId: election.id, voterKey: `member:${ids[1]}`, [`choice.${general.id}`]: candidate.id };
    expect(((await run(voteAction, postRequest("/vote", form, { cookie: memberCookie }))) as Response).status).toBe(302);
    expect((await db().electionVoter.findMany({ where: { electionId: election.id } })).map((v) => [v.voterKey, v.channel])).toEqual([[`member:${ids[0]}`, "online"]]);
    const twice = await unwrap(await run(voteAction, postRequest("/vote", form, { cookie: memberCookie })));
    expect(twice.status).toBe(400);
    // staff may not vote online; members may not record paper ballots
    expect(((await run(voteAction, postRequest("/vote", form, { cookie }))) as Response).status).toBe(403);
    expect(((await run(electionAction, postRequest(`/governance/elections/${election.id}`, { intent: "paper-ballot", voterKey: `member:${ids[1]}` }, { cookie: memberCookie }), { electionId: election.id })) as Response).status).toBe(403);
    const paper = (await run(electionAction, postRequest(`/governance/elections/${election.id}`, { intent: "paper-ballot", voterKey: `member:${ids[1]}`, [`choice.${general.id}`]: candidate.id }, { cookie }), { electionId: election.id })) as Response;
    expect(paper.status).toBe(302);
    expect(await db().ballotChoice.count({ where: { candidateId: candidate.id } })).toBe(2);
  });
});

/** toCsv's line ending, read from the module rather than assumed. */
async function lineEnding(): Promise<string> {
  const { toCsv } = await import("~/utils/csv");
  return toCsv(["a"], [{ a: "1" }]).includes("\r\n") ? "\r\n" : "\n";
}
