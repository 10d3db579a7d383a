/**
 * Elections of board seats at a meeting: candidates (members of the seat's class in good standing on the
 * record date), secret ballots per class, paper ballots recorded by staff and online ballots cast by members
 * who sign in, results with counts and ties, and certification, which writes the new terms to the roster.
 *
 * Secrecy: `ElectionVoter` records who has voted (and how: paper or online); `Ballot` and `BallotChoice`
 * record what was chosen, with random ids, no voter and no timestamp. No table links the two, and the audit
 * entry of a vote says that someone voted, never what. One vote per member is the primary key of
 * `ElectionVoter`, written in the same transaction as the ballot, so two concurrent votes cannot both count.
 */
import { randomUUID } from "node:crypto";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { isUniqueViolation, type Db } from "~/utils/db.server";
import { assignSeat } from "./board.server";
import { getBylaws, memberRoll, type Result } from "./members.server";
import { ballotClasses, ballotErrors, tally, termEnd, type Tally } from "./rules";

export { ELECTION_STATUS_LABELS } from "./schemas";

export async function createElection(db: Db, actor: AuditActor, meetingId: string, input: { seatIds: string[]; termStartsOn: string; onlineVoting: boolean }): Promise<Result> {
  const meeting = await db.meeting.findFirst({ where: { id: meetingId, organisationId: actor.organisationId } });
  if (!meeting) return { ok: false, formErrors: ["This meeting does not exist"] };
  if (meeting.kind === "board") return { ok: false, formErrors: ["Members elect the board at an annual or special meeting, not at a board meeting."] };
  const seats = await db.boardSeat.findMany({ where: { organisationId: actor.organisationId, id: { in: input.seatIds } } });
  if (seats.length !== new Set(input.seatIds).size) return { ok: false, fieldErrors: { seatIds: ["Choose seats of this trust"] } };
  if (input.termStartsOn < meeting.date) return { ok: false, fieldErrors: { termStartsOn: ["The new terms cannot start before the meeting"] } };
  const bylaws = await getBylaws(db, actor.organisationId);
  return db.$transaction(async (tx) => {
    const election = await tx.election.create({
      data: {
        organisationId: actor.organisationId,
        meetingId,
        onlineVoting: input.onlineVoting,
        votingByClass: bylaws.votingByClass,
        seats: { create: seats.map((s) => ({ seatId: s.id, classId: s.classId, termStartsOn: input.termStartsOn, termEndsOn: termEnd(input.termStartsOn, s.termYears) })) },
      },
    });
    await recordAudit(tx, actor, { entity: "Election", entityId: election.id, action: "create", after: { meetingId, seats: seats.map((s) => s.name), termStartsOn: input.termStartsOn, onlineVoting: input.onlineVoting } });
    return { ok: true, id: election.id };
  });
}

export async function getElection(db: Db, organisationId: string, electionId: string) {
  return db.election.findFirst({
    where: { id: electionId, organisationId },
    include: { meeting: true, seats: true, candidates: { orderBy: { name: "asc" } } },
  });
}
export type ElectionDetail = NonNullable<Awaited<ReturnType<typeof getElection>>>;

function contestedClassIds(election: Pick<ElectionDetail, "seats">): string[] {
  return [...new Set(election.seats.map((s) => s.classId))];
}

export async function addCandidate(db: Db, actor: AuditActor, electionId: string, memberKey: string): Promise<Result> {
  const election = await getElection(db, actor.organisationId, electionId);
  if (!election) return { ok: false, formErrors: ["This election does not exist"] };
  if (election.status !== "open") return { ok: false, formErrors: ["Candidates can be added only while voting is open."] };
  const roll = await memberRoll(db, actor.organisationId, election.meeting.recordDate);
  const member = roll.find((m) => m.key === memberKey);
  if (!member) return { ok: false, fieldErrors: { memberKey: [`Not a member on the record date (${election.meeting.recordDate}).`] } };
  if (!contestedClassIds(election).includes(member.classId)) return { ok: false, fieldErrors: { memberKey: [`No ${member.className} seat is up for election: a candidate must be eligible for a seat's class.`] } };
  if (!member.goodStanding) return { ok: false, fieldErrors: { memberKey: [`${member.name} is not in good standing on the record date.`] } };
  try {
    return await db.$transaction(async (tx) => {
      const candidate = await tx.candidate.create({ data: { electionId, classId: member.classId, memberKey, name: member.voterName } });
      await recordAudit(tx, actor, { entity: "Election", entityId: electionId, action: "update", after: { candidate: member.voterName, class: member.className } });
      return { ok: true as const, id: candidate.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { memberKey: [`${member.voterName} is already a candidate.`] } };
    throw error;
  }
}

/** Who may vote in the election: members in good standing on the record date, with the classes they vote for. */
export async function voterStatus(db: Db, organisationId: string, election: ElectionDetail, voterKey: string) {
  const roll = await memberRoll(db, organisationId, election.meeting.recordDate);
  const voter = roll.find((m) => m.key === voterKey);
  const voted = (await db.electionVoter.count({ where: { electionId: election.id, voterKey } })) > 0;
  const classes = voter ? ballotClasses(voter.classId, contestedClassIds(election), election.votingByClass) : [];
  const refusal = !voter
    ? `Not a member on the record date (${election.meeting.recordDate}).`
    : !voter.goodStanding
      ? `${voter.name} is not in good standing on the record date (${election.meeting.recordDate}).`
      : classes.length === 0
        ? `No seat in this election is elected by ${voter.className} members.`
        : null;
  return { voter, voted, classes, refusal };
}

/**
 * Casts one member's ballot (one per contested class they vote for). Refused when voting is closed, the
 * member may not vote, has voted, or the choices are not valid; nothing is stored then.
 */
export async function castBallot(
  db: Db,
  actor: AuditActor,
  input: { electionId: string; voterKey: string; channel: "paper" | "online"; choices: Map<string, string[]> },
): Promise<Result> {
  const election = await getElection(db, actor.organisationId, input.electionId);
  if (!election) return { ok: false, formErrors: ["This election does not exist"] };
  if (election.status !== "open") return { ok: false, formErrors: ["Voting in this election is closed."] };
  if (input.channel === "online" && !election.onlineVoting) return { ok: false, formErrors: ["This election takes paper ballots only."] };
  const status = await voterStatus(db, actor.organisationId, election, input.voterKey);
  if (status.refusal) return { ok: false, formErrors: [status.refusal] };
  if (status.voted) return { ok: false, formErrors: ["This member has already voted in this election."] };
  const errors: string[] = [];
  for (const classId of input.choices.keys()) if (!status.classes.includes(classId)) errors.push("The ballot marks seats this member does not vote for.");
  for (const classId of status.classes) {
    const seats = election.seats.filter((s) => s.classId === classId).length;
    const candidateIds = election.candidates.filter((c) => c.classId === classId).map((c) => c.id);
    errors.push(...ballotErrors(input.choices.get(classId) ?? [], candidateIds, seats));
  }
  if (errors.length) return { ok: false, formErrors: [...new Set(errors)] };
  try {
    await db.$transaction(async (tx) => {
      await tx.electionVoter.create({ data: { electionId: election.id, voterKey: input.voterKey, channel: input.channel } });
      for (const classId of status.classes) {
        const ballotId = randomUUID();
        await tx.ballot.create({ data: { id: ballotId, electionId: election.id, classId } });
        const chosen = input.choices.get(classId) ?? [];
        if (chosen.length) await tx.ballotChoice.createMany({ data: chosen.map((candidateId) => ({ ballotId, candidateId })) });
      }
      // says that a ballot was cast, never what it chose
      await recordAudit(tx, actor, { entity: "Election", entityId: election.id, action: "update", after: { ballot: input.channel } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, formErrors: ["This member has already voted in this election."] };
    throw error;
  }
  return { ok: true, id: election.id };
}

export async function electionResults(db: Db, election: ElectionDetail): Promise<Tally[]> {
  const ballots = await db.ballot.findMany({ where: { electionId: election.id }, include: { choices: true } });
  return contestedClassIds(election).map((classId) =>
    tally({
      classId,
      seats: election.seats.filter((s) => s.classId === classId).length,
      candidates: election.candidates.filter((c) => c.classId === classId),
      ballots: ballots.filter((b) => b.classId === classId).map((b) => ({ candidateIds: b.choices.map((c) => c.candidateId) })),
    }),
  );
}

export async function turnout(db: Db, electionId: string) {
  const groups = await db.electionVoter.groupBy({ by: ["channel"], where: { electionId }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.channel, g._count._all])) as Record<string, number>;
}

export async function closeVoting(db: Db, actor: AuditActor, electionId: string): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const { count } = await tx.election.updateMany({ where: { id: electionId, organisationId: actor.organisationId, status: "open" }, data: { status: "closed" } });
    if (count !== 1) return { ok: false, formErrors: ["Voting is not open in this election."] };
    await recordAudit(tx, actor, { entity: "Election", entityId: electionId, action: "transition", before: { status: "open" }, after: { status: "closed" } });
    return { ok: true, id: electionId };
  });
}

/**
 * Certifies the result: the winners of each class take that class's seats from the new term's start.
 * A tie for the last seats must be decided (by lot, as bylaws usually say) and the winners named in
 * `tieBreaks` (class id → candidate ids).
 */
export async function certifyElection(db: Db, actor: AuditActor, electionId: string, tieBreaks: Record<string, string[]>): Promise<Result> {
  const election = await getElection(db, actor.organisationId, electionId);
  if (!election) return { ok: false, formErrors: ["This election does not exist"] };
  if (election.status !== "closed") return { ok: false, formErrors: [election.status === "certified" ? "This election is already certified." : "Close voting before certifying the result."] };
  const results = await electionResults(db, election);
  const errors: string[] = [];
  const winnersByClass = new Map<string, string[]>();
  for (const result of results) {
    const picks = tieBreaks[result.classId] ?? [];
    if (result.tie) {
      const valid = picks.length === result.tie.seats && new Set(picks).size === picks.length && picks.every((id) => result.tie!.candidateIds.includes(id));
      if (!valid) {
        const names = result.tie.candidateIds.map((id) => result.counts.find((c) => c.candidateId === id)!.name).join(", ");
        errors.push(`Tie: ${names} have the same number of votes for ${result.tie.seats} seat${result.tie.seats === 1 ? "" : "s"}. Decide it as the bylaws say and choose the winner${result.tie.seats === 1 ? "" : "s"}.`);
        continue;
      }
    }
    winnersByClass.set(result.classId, [...result.elected, ...(result.tie ? picks : [])]);
  }
  if (errors.length) return { ok: false, formErrors: errors };
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.election.updateMany({ where: { id: election.id, status: "closed" }, data: { status: "certified", certifiedAt: new Date(), tieBreaks } });
      if (count !== 1) throw new CertifyError("This election is already certified.");
      const seats = await tx.boardSeat.findMany({ where: { id: { in: election.seats.map((s) => s.seatId) } }, orderBy: [{ position: "asc" }, { name: "asc" }] });
      for (const [classId, winners] of winnersByClass) {
        const classSeats = seats.filter((s) => s.classId === classId);
        for (const [i, candidateId] of winners.entries()) {
          const seat = classSeats[i];
          const candidate = election.candidates.find((c) => c.id === candidateId)!;
          const electionSeat = election.seats.find((s) => s.seatId === seat!.id)!;
          const assigned = await assignSeat(tx, actor, { seatId: seat!.id, holderKey: candidate.memberKey, startsOn: electionSeat.termStartsOn, endsOn: electionSeat.termEndsOn, electionId: election.id });
          if (!assigned.ok) throw new CertifyError(`${candidate.name} cannot take ${seat!.name}: ${Object.values(assigned.fieldErrors ?? {}).flat().concat(assigned.formErrors ?? []).join(" ")}`);
        }
      }
      await recordAudit(tx, actor, { entity: "Election", entityId: election.id, action: "transition", before: { status: "closed" }, after: { status: "certified" } });
      return { ok: true as const, id: election.id };
    });
  } catch (error) {
    if (error instanceof CertifyError) return { ok: false, formErrors: [error.message] };
    throw error;
  }
}

class CertifyError extends Error {}

/** Open online elections this signed-in member may vote in, and whether they have. */
export async function openElectionsFor(db: Db, organisationId: string, voterKey: string | null) {
  const elections = await db.election.findMany({ where: { organisationId, status: "open", onlineVoting: true }, include: { meeting: true, seats: true, candidates: { orderBy: { name: "asc" } } }, orderBy: { createdAt: "asc" } });
  const out = [];
  for (const election of elections) {
    const status = voterKey ? await voterStatus(db, organisationId, election, voterKey) : { voted: false, refusal: "Your sign-in is not linked to a membership.", classes: [] as string[], voter: undefined };
    out.push({ election, voted: status.voted, refusal: status.refusal, classes: status.classes });
  }
  return out;
}

/** The voter keys of the members who have voted in an election of the organisation (paper or online). */
export async function votedKeys(db: Db, organisationId: string, electionId: string): Promise<string[]> {
  const voters = await db.electionVoter.findMany({ where: { electionId, election: { organisationId } }, select: { voterKey: true } });
  return voters.map((v) => v.voterKey);
}
