import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { assignSeat, boardRoster } from "~/modules/governance/board.server";
import { addCandidate, castBallot, certifyElection, closeVoting, createElection, electionResults, getElection } from "~/modules/governance/elections.server";
import { addResolution, createMeeting, getMeeting, meetingQuorum, recordAttendance } from "~/modules/governance/meetings.server";
import { memberRoll, recordDues, resignMember, saveBylaws } from "~/modules/governance/members.server";
import { transitionLease } from "~/modules/leases/leases.server";
import { db } from "~/utils/db.server";
import { enrolMember, setUpGovernance } from "~/modules/demo/governance";
import { createLease } from "~/modules/demo/leases";
import { createOrganisation } from "~/modules/demo/organisations";
import { seedDemoGovernance } from "~/modules/demo/demo-governance";
import { seedDemoPortfolio } from "~/modules/demo/demo-portfolio";

const isPostgres = process.env.TEST_DATABASE === "postgresql";

async function trust(options: Parameters<typeof setUpGovernance>[2] = {}) {
  const { organisation } = await createOrganisation(db());
  const governance = await setUpGovernance(db(), organisation.id, options);
  return { organisationId: organisation.id, ...governance };
}

const keysOn = async (organisationId: string, date: string) => (await memberRoll(db(), organisationId, date)).map((m) => m.key);

async function annualMeeting(organisationId: string, actor: ReturnType<typeof systemActor>, date = "2026-06-15", recordDate = "2026-05-01") {
  const made = await createMeeting(db(), actor, { kind: "annual", title: "Annual meeting", date, time: "18:00", place: "Winooski Library", link: "", recordDate, agenda: "" });
  if (!made.ok) throw new Error(JSON.stringify(made));
  return made.id;
}

describe("membership", () => {
  it("a household is a leaseholder member from its lease's execution until the lease is assigned", async () => {
    const { organisationId, leaseholder } = await trust();
    const lease = await createLease(db(), organisationId, { status: "active", values: { commencementDate: "2025-01-01" } });
    const key = `household:${lease.householdId}`;
    const draft = await createLease(db(), organisationId, { values: { commencementDate: "2025-01-01" } });
    expect(await keysOn(organisationId, "2024-12-31")).toEqual([]);
    const roll = await memberRoll(db(), organisationId, "2025-01-01");
    expect(roll.map((m) => m.key)).toEqual([key]);
    expect(roll[0]).toMatchObject({ classId: leaseholder.id, memberSince: "2025-01-01", goodStanding: true });
    expect(await keysOn(organisationId, "2025-01-01")).not.toContain(`household:${draft.householdId}`);

    const current = await db().lease.findUniqueOrThrow({ where: { id: lease.id } });
    const assigned = await transitionLease(db(), systemActor(organisationId), lease.id, { intent: "transition", to: "assigned", version: current.version, endedOn: "2026-03-01" });
    expect(assigned.ok).toBe(true);
    expect(await keysOn(organisationId, "2026-02-28")).toEqual([key]);
    expect(await keysOn(organisationId, "2026-03-01")).toEqual([]);
  });

  it("an ended lease ends the membership the day it ends", async () => {
    const { organisationId } = await trust();
    const lease = await createLease(db(), organisationId, { status: "ended", values: { commencementDate: "2025-01-01" } });
    expect(await keysOn(organisationId, "2025-06-29")).toEqual([`household:${lease.householdId}`]);
    expect(await keysOn(organisationId, "2025-06-30")).toEqual([]);
  });

  it("the roll on a record date: joined, resigned, and good standing from that year's dues", async () => {
    const { organisationId, general, actor } = await trust({ generalDuesCents: 2500, duesYear: 2026 });
    const paid = await enrolMember(db(), organisationId, { fullName: "Paid Member", classId: general.id, joinedOn: "2026-01-10" });
    const partly = await enrolMember(db(), organisationId, { fullName: "Partly Paid", classId: general.id, joinedOn: "2026-01-10" });
    const waived = await enrolMember(db(), organisationId, { fullName: "Waived Member", classId: general.id, joinedOn: "2026-01-10" });
    const late = await enrolMember(db(), organisationId, { fullName: "Late Joiner", classId: general.id, joinedOn: "2026-05-02" });
    const resigned = await enrolMember(db(), organisationId, { fullName: "Resigned Member", classId: general.id, joinedOn: "2025-01-10" });
    expect((await resignMember(db(), actor, resigned, "2026-04-30")).ok).toBe(true);
    const dues = (kind: "paid" | "waived", amount?: number) => ({ intent: "dues" as const, year: 2026, kind, amount, recordedOn: "2026-02-01", note: "" });
    await recordDues(db(), actor, `member:${paid}`, dues("paid", 1500));
    await recordDues(db(), actor, `member:${paid}`, dues("paid", 1000));
    await recordDues(db(), actor, `member:${partly}`, dues("paid", 1000));
    await recordDues(db(), actor, `member:${waived}`, dues("waived"));
    await recordDues(db(), actor, `member:${late}`, dues("paid", 2500));

    const roll = await memberRoll(db(), organisationId, "2026-05-01");
    expect(roll.map((m) => [m.name, m.goodStanding, m.owedCents])).toEqual([
      ["Paid Member", true, 0],
      ["Partly Paid", false, 1500],
      ["Waived Member", true, 0],
    ]);
    expect((await memberRoll(db(), organisationId, "2026-04-29")).map((m) => m.name)).toContain("Resigned Member");
    expect((await memberRoll(db(), organisationId, "2026-05-02")).map((m) => m.name)).toContain("Late Joiner");
  });
});

describe("meetings", () => {
  it("quorum at the boundary: 10 % of 21 members in good standing needs 3 present", async () => {
    const { organisationId, general, actor } = await trust({ bylaws: { quorumRules: [{ classId: null, kind: "percent", value: "10" }, { classId: null, kind: "number", value: "2" }] } });
    const ids: string[] = [];
    for (let i = 0; i < 21; i += 1) ids.push(await enrolMember(db(), organisationId, { fullName: `Member ${String(i).padStart(2, "0")}`, classId: general.id, joinedOn: "2026-01-01" }));
    const meetingId = await annualMeeting(organisationId, actor);
    await recordAttendance(db(), actor, meetingId, ids.slice(0, 2).map((id) => `member:${id}`));
    let quorum = await meetingQuorum(db(), organisationId, (await getMeeting(db(), organisationId, meetingId))!);
    expect(quorum.lines.map((l) => [l.required, l.present, l.met])).toEqual([[3, 2, false], [2, 2, true]]);
    expect(quorum.met).toBe(false);
    await recordAttendance(db(), actor, meetingId, ids.slice(0, 3).map((id) => `member:${id}`));
    quorum = await meetingQuorum(db(), organisationId, (await getMeeting(db(), organisationId, meetingId))!);
    expect(quorum.met).toBe(true);
    // someone not on the record date's roll cannot be marked present
    const newcomer = await enrolMember(db(), organisationId, { fullName: "Newcomer", classId: general.id, joinedOn: "2026-05-20" });
    expect((await recordAttendance(db(), actor, meetingId, [`member:${newcomer}`])).ok).toBe(false);
  });

  it("resolutions pass by the bylaws' majority; abstentions are not votes cast", async () => {
    const { organisationId, actor } = await trust({ bylaws: { resolutionMajority: "two-thirds" } });
    const meetingId = await annualMeeting(organisationId, actor);
    await addResolution(db(), actor, meetingId, { text: "Adopt the budget", forVotes: 20, againstVotes: 10, abstentions: 30 });
    await addResolution(db(), actor, meetingId, { text: "Amend the bylaws", forVotes: 19, againstVotes: 10, abstentions: 0 });
    const meeting = await getMeeting(db(), organisationId, meetingId);
    expect(meeting!.resolutions.map((r) => [r.text, r.passed])).toEqual([["Adopt the budget", true], ["Amend the bylaws", false]]);
  });
});

describe("the board", () => {
  it("a seat is refused to a member of another class or not in good standing, with the reason", async () => {
    const { organisationId, general, leaseholder, seats, actor } = await trust({ seatsPerClass: 1, generalDuesCents: 2500, duesYear: 2026 });
    const generalMember = await enrolMember(db(), organisationId, { fullName: "Gail General", classId: general.id });
    const leaseholderSeat = seats[leaseholder.id]![0]!;
    const generalSeat = seats[general.id]![0]!;
    const refused = await assignSeat(db(), actor, { seatId: leaseholderSeat, holderKey: `member:${generalMember}`, startsOn: "2026-07-01" });
    expect(refused).toEqual({ ok: false, fieldErrors: { holderKey: ["Gail General is a General member: a Leaseholder seat needs a Leaseholder member."] } });
    const unpaid = await assignSeat(db(), actor, { seatId: generalSeat, holderKey: `member:${generalMember}`, startsOn: "2026-07-01" });
    expect(unpaid.ok ? [] : unpaid.fieldErrors?.holderKey).toEqual(["Gail General is not in good standing on 2026-07-01 (dues for 2026 not paid or waived)."]);
    await recordDues(db(), actor, `member:${generalMember}`, { intent: "dues", year: 2026, kind: "paid", amount: 2500, recordedOn: "2026-06-01", note: "" });
    expect((await assignSeat(db(), actor, { seatId: generalSeat, holderKey: `member:${generalMember}`, startsOn: "2026-07-01", officerTitle: "Treasurer" })).ok).toBe(true);
    const roster = await boardRoster(db(), organisationId, "2026-07-01");
    expect(roster.map((s) => [s.name, s.current?.holderName ?? null, s.current?.endsOn ?? null])).toEqual([
      ["Leaseholder seat 1", null, null],
      ["General seat 1", "Gail General", "2029-06-30"],
      ["Public seat 1", null, null],
    ]);
    // the seat is held: a second holder for an overlapping term is refused
    const other = await enrolMember(db(), organisationId, { fullName: "Otto Other", classId: general.id });
    await recordDues(db(), actor, `member:${other}`, { intent: "dues", year: 2027, kind: "waived", recordedOn: "2027-01-01", note: "" });
    const clash = await assignSeat(db(), actor, { seatId: generalSeat, holderKey: `member:${other}`, startsOn: "2027-01-01" });
    expect(clash.ok ? [] : clash.fieldErrors?.startsOn).toEqual(["General seat 1 is held by Gail General until 2029-06-30."]);
  });
});

describe("elections", () => {
  async function electionSetup() {
    const made = await trust({ seatsPerClass: 1 });
    const { organisationId, general, leaseholder, seats, actor } = made;
    const leases = [];
    for (let i = 0; i < 3; i += 1) leases.push(await createLease(db(), organisationId, { status: "active", values: { commencementDate: "2025-01-01" } }));
    const generals = [];
    for (const name of ["Ada", "Bo", "Cy", "Di"]) generals.push(await enrolMember(db(), organisationId, { fullName: `${name} General`, classId: general.id, joinedOn: "2026-01-01" }));
    const meetingId = await annualMeeting(organisationId, actor);
    const election = await createElection(db(), actor, meetingId, { seatIds: [seats[leaseholder.id]![0]!, seats[general.id]![0]!], termStartsOn: "2026-07-01", onlineVoting: true });
    if (!election.ok) throw new Error(JSON.stringify(election));
    return { ...made, leases, generals, meetingId, electionId: election.id };
  }

  it("each class elects its seat; a tie is reported and must be decided before certifying; certifying fills the roster", async () => {
    const { organisationId, actor, general, leaseholder, leases, generals, electionId } = await electionSetup();
    const candidate = async (key: string) => {
      const r = await addCandidate(db(), actor, electionId, key);
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.id;
    };
    const ada = await candidate(`member:${generals[0]}`);
    const bo = await candidate(`member:${generals[1]}`);
    const lea = await candidate(`household:${leases[0]!.householdId}`);
    const leb = await candidate(`household:${leases[1]!.householdId}`);
    // a general member cannot run for a class with no seat… and an unknown person cannot run at all
    expect((await addCandidate(db(), actor, electionId, "member:nobody")).ok).toBe(false);

    const vote = (voterKey: string, choices: [string, string[]][]) => castBallot(db(), actor, { electionId, voterKey, channel: "paper", choices: new Map(choices) });
    expect((await vote(`member:${generals[0]}`, [[general.id, [ada]]])).ok).toBe(true);
    expect((await vote(`member:${generals[1]}`, [[general.id, [bo]]])).ok).toBe(true);
    expect((await vote(`member:${generals[2]}`, [])).ok).toBe(true); // a blank ballot
    // voting by class: a general member may not mark the leaseholder seat
    expect(await vote(`member:${generals[3]}`, [[leaseholder.id, [lea]]])).toEqual({ ok: false, formErrors: ["The ballot marks seats this member does not vote for."] });
    expect(await vote(`member:${generals[3]}`, [[general.id, [ada, bo]]])).toEqual({ ok: false, formErrors: ["Choose at most 1 candidate."] });
    for (const lease of leases) expect((await vote(`household:${lease.householdId}`, [[leaseholder.id, [lea]]])).ok).toBe(true);

    const election = (await getElection(db(), organisationId, electionId))!;
    const results = await electionResults(db(), election);
    const generalResult = results.find((r) => r.classId === general.id)!;
    expect(generalResult.counts.map((c) => [c.name, c.votes])).toEqual([["Ada General", 1], ["Bo General", 1]]);
    expect(generalResult.ballots).toBe(3);
    expect(generalResult.tie).toEqual({ candidateIds: [ada, bo], seats: 1 });
    const leaseholderResult = results.find((r) => r.classId === leaseholder.id)!;
    expect(leaseholderResult.elected).toEqual([lea]);
    expect(leaseholderResult.counts.find((c) => c.candidateId === leb)!.votes).toBe(0);

    expect(await certifyElection(db(), actor, electionId, {})).toEqual({ ok: false, formErrors: ["Close voting before certifying the result."] });
    expect((await closeVoting(db(), actor, electionId)).ok).toBe(true);
    const refused = await certifyElection(db(), actor, electionId, {});
    expect(refused.ok ? [] : refused.formErrors).toEqual(["Tie: Ada General, Bo General have the same number of votes for 1 seat. Decide it as the bylaws say and choose the winner."]);
    expect((await certifyElection(db(), actor, electionId, { [general.id]: [bo] })).ok).toBe(true);
    const roster = await boardRoster(db(), organisationId, "2026-07-01");
    expect(roster.filter((s) => s.current).map((s) => [s.name, s.current!.holderKey, s.current!.endsOn])).toEqual([
      ["Leaseholder seat 1", `household:${leases[0]!.householdId}`, "2029-06-30"],
      ["General seat 1", `member:${generals[1]}`, "2029-06-30"],
    ]);
  });

  it("secrecy: ballots keep no voter, and no table links a ballot's choices to who voted", async () => {
    const { organisationId, actor, general, generals, electionId } = await electionSetup();
    const ada = await addCandidate(db(), actor, electionId, `member:${generals[0]}`);
    if (!ada.ok) throw new Error("candidate");
    for (const voter of generals.slice(1)) await castBallot(db(), actor, { electionId, voterKey: `member:${voter}`, channel: "online", choices: new Map([[general.id, [ada.id]]]) });

    const columns = await tableColumns();
    expect(columns.get("Ballot")).toEqual(["classId", "electionId", "id"]);
    expect(columns.get("BallotChoice")).toEqual(["ballotId", "candidateId"]);
    expect(columns.get("ElectionVoter")).toEqual(["channel", "electionId", "voterKey"]);
    // no table holds both a ballot reference and a voter
    for (const [table, cols] of columns) {
      const ballotSide = cols.some((c) => /ballot/i.test(c)) || table === "Ballot";
      const voterSide = cols.some((c) => /voter|userid|memberkey/i.test(c));
      expect(ballotSide && voterSide, `${table} links ballots to voters`).toBe(false);
    }
    // and nothing the vote wrote elsewhere (the audit trail) says what was chosen
    const audit = await db().auditEntry.findMany({ where: { organisationId, entity: "Election", entityId: electionId } });
    expect(JSON.stringify(audit.map((a) => a.changes))).not.toContain(ada.id);
    expect(await db().electionVoter.count({ where: { electionId } })).toBe(3);
  });

  it("one vote per member, also when the same member votes several times at once", async () => {
    const { actor, general, generals, electionId } = await electionSetup();
    const ada = await addCandidate(db(), actor, electionId, `member:${generals[0]}`);
    if (!ada.ok) throw new Error("candidate");
    const attempts = await Promise.all(
      Array.from({ length: 6 }, () => castBallot(db(), actor, { electionId, voterKey: `member:${generals[1]}`, channel: "online", choices: new Map([[general.id, [ada.id]]]) })),
    );
    expect(attempts.filter((a) => a.ok)).toHaveLength(1);
    expect(attempts.filter((a) => !a.ok).map((a) => (a.ok ? "" : a.formErrors?.[0]))).toEqual(Array(5).fill("This member has already voted in this election."));
    expect(await db().ballot.count({ where: { electionId } })).toBe(1);
    expect(await db().ballotChoice.count({ where: { ballot: { electionId } } })).toBe(1);
  });

  it("the bylaws may let every member vote for every class", async () => {
    const { organisationId, actor, general, leaseholder, seats, generals } = await electionSetup();
    await saveBylaws(db(), actor, { noticeDays: 30, quorumRules: [], resolutionMajority: "simple", votingByClass: false, termLimit: 2 });
    const meetingId = await annualMeeting(organisationId, actor, "2026-09-15", "2026-08-01");
    const election = await createElection(db(), actor, meetingId, { seatIds: [seats[leaseholder.id]![0]!, seats[general.id]![0]!], termStartsOn: "2026-10-01", onlineVoting: false });
    if (!election.ok) throw new Error("election");
    const voted = await castBallot(db(), actor, { electionId: election.id, voterKey: `member:${generals[0]}`, channel: "paper", choices: new Map() });
    expect(voted.ok).toBe(true);
    expect((await db().ballot.findMany({ where: { electionId: election.id } })).map((b) => b.classId).sort()).toEqual([general.id, leaseholder.id].sort());
  });
});

async function tableColumns(): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (isPostgres) {
    const rows = await db().$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()",
    );
    for (const row of rows) map.set(row.table_name, [...(map.get(row.table_name) ?? []), row.column_name]);
  } else {
    const tables = await db().$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table'");
    for (const { name } of tables) {
      const cols = await db().$queryRawUnsafe<{ name: string }[]>(`PRAGMA table_info("${name}")`);
      map.set(name, cols.map((c) => c.name));
    }
  }
  for (const [table, cols] of map) map.set(table, [...cols].sort());
  return map;
}

describe("the demo", () => {
  it("has members of each class, a board with officers and a vacancy, and a certified 2025 election", async () => {
    const { organisation } = await createOrganisation(db());
    await seedDemoPortfolio(db(), organisation.id);
    expect(await seedDemoGovernance(db(), organisation.id, { password: "demo-password-for-test" })).toEqual({ memberEmail: "member@riverbend-clt.example" });
    const roll = await memberRoll(db(), organisation.id, "2026-01-15");
    expect(new Set(roll.map((m) => m.className))).toEqual(new Set(["Leaseholder", "General", "Public"]));
    const election = await db().election.findFirstOrThrow({ where: { organisationId: organisation.id } });
    expect(election.status).toBe("certified");
    const roster = await boardRoster(db(), organisation.id, "2026-01-15");
    expect(roster.map((s) => [s.name, s.current?.holderName ?? "vacant", s.current?.officerTitle ?? ""])).toEqual([
      ["Leaseholder seat 1", expect.any(String), "Chair"],
      ["Leaseholder seat 2", expect.any(String), "Treasurer"],
      ["General seat 1", "Maya Chen", "Secretary"],
      ["General seat 2", "Tomás Ortega", ""],
      ["Public seat 1", "Councillor Rosa Delgado", ""],
      ["Public seat 2", "Dr. Ethan Park", ""],
    ]);
    expect((await boardRoster(db(), organisation.id, "2026-03-01")).find((s) => s.name === "General seat 2")!.current).toBeNull();
    // the demo member can sign in and is linked to her membership
    const maya = await db().member.findFirstOrThrow({ where: { organisationId: organisation.id, fullName: "Maya Chen" } });
    expect(maya.userId).not.toBeNull();
  });
});
