import { systemActor } from "~/modules/audit/audit.server";
import { assignSeat, endTerm, setOfficer } from "~/modules/governance/board.server";
import { addCandidate, castBallot, certifyElection, closeVoting, createElection, getElection } from "~/modules/governance/elections.server";
import { addResolution, createMeeting, recordAttendance } from "~/modules/governance/meetings.server";
import { createMemberSignIn, memberRoll, recordDues, setDuesRate, setRepresentative } from "~/modules/governance/members.server";
import { updateFromAddress } from "~/modules/email/outbox.server";
import type { Db } from "~/utils/db.server";
import { enrolMember, setUpGovernance } from "./governance";

/**
 * The demo trust's democracy: the classic three classes (leaseholder households from the demo leases,
 * general and public members), yearly dues, a tripartite board of six seats, and the 2025 annual meeting
 * with its notice, attendance, a resolution and a certified election. One general member signs in to vote
 * online (DEMO_MEMBER_EMAIL, the demo password). Idempotent: does nothing when classes exist.
 */
export const DEMO_MEMBER_EMAIL = "member@riverbend-clt.example";

const GENERAL = [
  { fullName: "Maya Chen", email: DEMO_MEMBER_EMAIL, joinedOn: "2019-03-14", address: "41 Elm Street, Winooski, VT" },
  { fullName: "Tomás Ortega", email: "tomas.ortega@example.net", joinedOn: "2020-09-02", address: "8 Weaver Street, Winooski, VT" },
  { fullName: "Grace Adeyemi", email: "grace.adeyemi@example.net", joinedOn: "2021-05-20", address: "112 Main Street, Winooski, VT" },
  { fullName: "Łukasz Nowak", email: "lukasz.nowak@example.net", joinedOn: "2022-01-11", address: "3 Canal Street, Winooski, VT" },
  { fullName: "Hannah Brooks", email: "", joinedOn: "2023-04-08", address: "27 River Road, Winooski, VT" },
  { fullName: "Samir Haddad", email: "samir.haddad@example.net", joinedOn: "2024-02-29", address: "90 Pine Street, Burlington, VT" },
];
const PUBLIC = [
  { fullName: "Councillor Rosa Delgado", email: "rdelgado@winooski.example", joinedOn: "2022-07-01", address: "City Hall, Winooski, VT" },
  { fullName: "Dr. Ethan Park", email: "epark@uvm.example", joinedOn: "2022-07-01", address: "" },
  { fullName: "Joan Whitcomb", email: "", joinedOn: "2023-07-01", address: "" },
];

export async function seedDemoGovernance(db: Db, organisationId: string, options: { password: string }) {
  if ((await db.membershipClass.count({ where: { organisationId } })) > 0) return null;
  const { leaseholder, general, publicClass, seats } = await setUpGovernance(db, organisationId, {
    seatsPerClass: 2,
    bylaws: { noticeDays: 30, quorumRules: [{ classId: null, kind: "percent", value: "25" }], resolutionMajority: "simple", votingByClass: true, termLimit: 2 },
  });
  const seed = systemActor(organisationId, "Demo seed");
  await updateFromAddress(db, seed, "Riverbend Community Land Trust <office@riverbend-clt.example>");
  for (const year of [2024, 2025, 2026]) await setDuesRate(db, seed, { classId: general.id, year, amountCents: 2500 });

  const generalIds: string[] = [];
  for (const m of GENERAL) generalIds.push(await enrolMember(db, organisationId, { ...m, classId: general.id }));
  const publicIds: string[] = [];
  for (const m of PUBLIC) publicIds.push(await enrolMember(db, organisationId, { ...m, classId: publicClass.id }));
  // dues: everyone paid 2024 and 2025; in 2026 one is waived and one still owes
  for (const [i, id] of generalIds.entries()) {
    for (const year of [2024, 2025, 2026]) {
      if (year === 2026 && i === 4) continue; // Hannah Brooks owes 2026
      const waived = year === 2026 && i === 3;
      await recordDues(db, seed, `member:${id}`, { intent: "dues", year, kind: waived ? "waived" : "paid", amount: waived ? undefined : 2500, recordedOn: `${year}-02-01`, note: waived ? "Hardship waiver" : "" });
    }
  }
  await createMemberSignIn(db, seed, generalIds[0]!, options.password);

  // leaseholder households (from the demo leases) name their representatives
  const leaseholders = (await memberRoll(db, organisationId, "2025-05-13")).filter((m) => m.classId === leaseholder.id);
  for (const h of leaseholders) await setRepresentative(db, seed, h.id, { fullName: h.voterName, email: h.email });

  // the general seats elected in 2022 (terms to 2025-06-30) and the public seats appointed in 2024
  const firstTerms: [string, string, string][] = [
    [seats[general.id]![0]!, `member:${generalIds[1]}`, "2022-07-01"],
    [seats[general.id]![1]!, `member:${generalIds[2]}`, "2022-07-01"],
    [seats[publicClass.id]![0]!, `member:${publicIds[0]}`, "2024-07-01"],
    [seats[publicClass.id]![1]!, `member:${publicIds[1]}`, "2024-07-01"],
  ];
  for (const [seatId, holderKey, startsOn] of firstTerms) {
    const r = await assignSeat(db, seed, { seatId, holderKey, startsOn });
    if (!r.ok) throw new Error(`Demo board: ${JSON.stringify(r)}`);
  }

  // the 2025 annual meeting: notice, attendance, a resolution, and the election of the seats ending in June
  const meeting = await createMeeting(db, seed, {
    kind: "annual",
    title: "Annual meeting 2025",
    date: "2025-06-12",
    time: "6:30 pm",
    place: "Winooski Memorial Library, 32 Malletts Bay Avenue",
    link: "",
    recordDate: "2025-05-13",
    agenda: "1. Report of the board and the 2024 accounts.\n2. Election of the leaseholder and general seats.\n3. Resolution on the 2025 budget.",
  });
  if (!meeting.ok) throw new Error("Demo meeting");
  await db.meeting.update({ where: { id: meeting.id }, data: { noticeQueuedAt: new Date("2025-05-12T14:00:00Z") } });
  const roll = await memberRoll(db, organisationId, "2025-05-13");
  await recordAttendance(db, seed, meeting.id, roll.filter((m) => m.goodStanding).slice(0, 8).map((m) => m.key));
  await addResolution(db, seed, meeting.id, { text: "To adopt the 2025 operating budget as presented by the treasurer.", forVotes: 7, againstVotes: 1, abstentions: 0 });

  const contested = [...seats[leaseholder.id]!, ...seats[general.id]!];
  const election = await createElection(db, seed, meeting.id, { seatIds: contested, termStartsOn: "2025-07-01", onlineVoting: false });
  if (!election.ok) throw new Error("Demo election");
  const candidateIds: Record<string, string> = {};
  const candidates = [...leaseholders.map((h) => h.key), `member:${generalIds[0]}`, `member:${generalIds[1]}`, `member:${generalIds[5]}`];
  for (const key of candidates) {
    const r = await addCandidate(db, seed, election.id, key);
    if (r.ok) candidateIds[key] = r.id;
  }
  const lh = leaseholders.map((h) => candidateIds[h.key]!).filter(Boolean);
  const ballots: [string, [string, string[]][]][] = [
    ...leaseholders.map((h, i): [string, [string, string[]][]] => [h.key, [[leaseholder.id, i === 2 ? [lh[1]!, lh[2]!] : [lh[0]!, lh[1]!]]]]),
    [`member:${generalIds[0]}`, [[general.id, [candidateIds[`member:${generalIds[0]}`]!, candidateIds[`member:${generalIds[1]}`]!]]]],
    [`member:${generalIds[1]}`, [[general.id, [candidateIds[`member:${generalIds[1]}`]!]]]],
    [`member:${generalIds[2]}`, [[general.id, [candidateIds[`member:${generalIds[0]}`]!, candidateIds[`member:${generalIds[5]}`]!]]]],
    [`member:${generalIds[3]}`, [[general.id, [candidateIds[`member:${generalIds[0]}`]!, candidateIds[`member:${generalIds[1]}`]!]]]],
  ];
  for (const [voterKey, choices] of ballots) await castBallot(db, seed, { electionId: election.id, voterKey, channel: "paper", choices: new Map(choices) });
  await closeVoting(db, seed, election.id);
  const certified = await certifyElection(db, seed, election.id, {});
  if (!certified.ok) throw new Error(`Demo certification: ${JSON.stringify(certified)} ${JSON.stringify(await getElection(db, organisationId, election.id))}`);

  // officers, and a vacancy: the second general seat's holder moved away in March 2026
  const terms = await db.boardTerm.findMany({ where: { organisationId, electionId: election.id }, orderBy: { createdAt: "asc" } });
  const officers = ["Chair", "Treasurer", "Secretary"];
  for (const [i, term] of terms.slice(0, 3).entries()) await setOfficer(db, seed, term.id, officers[i]!);
  const generalSecond = terms.find((t) => t.seatId === seats[general.id]![1]);
  if (generalSecond) await endTerm(db, seed, generalSecond.id, "2026-03-01");
  return { memberEmail: DEMO_MEMBER_EMAIL };
}
