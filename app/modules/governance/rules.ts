/**
 * The governance rules, as pure functions (no I/O): who is a member on a date, good standing, quorum,
 * resolution majorities, term limits, election tallies with ties. docs/governance.md explains them.
 *
 * Dates are legal dates "YYYY-MM-DD" (compared as strings, which orders them correctly).
 */
import { addDays, addYears } from "~/utils/calendar-date";
import { Decimal } from "~/utils/money";

export { addDays };

/** "member:<id>" for an enrolled member, "household:<id>" for a leaseholder household. */
export type MemberKey = `member:${string}` | `household:${string}`;

export function memberKey(kind: "member" | "household", id: string): MemberKey {
  return `${kind}:${id}` as MemberKey;
}

export function parseMemberKey(key: string): { kind: "member" | "household"; id: string } | null {
  const match = /^(member|household):(.+)$/.exec(key);
  return match ? { kind: match[1] as "member" | "household", id: match[2]! } : null;
}

// --- Leaseholder membership, derived from leases --------------------------------------------------------

export type LeaseForMembership = { status: string; executionDate: string | null; commencementDate: string; endedOn: string | null };

/**
 * The period a lease makes its household a leaseholder member: from execution (the lease binds from
 * signature) until the day it ended or was assigned (that day excluded). A draft never counts.
 * `end` is null while the lease still binds.
 */
export function leaseMembershipPeriod(lease: LeaseForMembership): { start: string; end: string | null } | null {
  if (lease.status === "draft") return null;
  const start = lease.executionDate ?? lease.commencementDate;
  const finished = lease.status === "ended" || lease.status === "assigned";
  const end = finished ? (lease.endedOn ?? start) : null;
  if (end !== null && end <= start) return null;
  return { start, end };
}

/** Whether any of the household's leases made it a leaseholder member on `date`, and since when. */
export function leaseholderOn(leases: readonly LeaseForMembership[], date: string): { member: boolean; since: string | null; until: string | null } {
  const periods = leases.map(leaseMembershipPeriod).filter((p): p is { start: string; end: string | null } => p !== null);
  const current = periods.filter((p) => p.start <= date && (p.end === null || date < p.end));
  if (current.length === 0) return { member: false, since: null, until: null };
  const since = current.map((p) => p.start).sort()[0]!;
  const ends = current.map((p) => p.end);
  return { member: true, since, until: ends.includes(null) ? null : ends.sort().at(-1)! };
}

// --- Good standing ---------------------------------------------------------------------------------------

export type DuesRecord = { year: number; kind: "paid" | "waived"; amountCents: number };

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/**
 * Good standing on `date`: a member that day (joined, not resigned) whose dues for that calendar year are
 * paid in full or waived. A class without dues for the year needs no payment.
 */
export function standing(input: { isMember: boolean; duesCents: number; records: readonly DuesRecord[]; year: number }): {
  goodStanding: boolean;
  paidCents: number;
  waived: boolean;
  owedCents: number;
} {
  const ofYear = input.records.filter((r) => r.year === input.year);
  const paidCents = ofYear.filter((r) => r.kind === "paid").reduce((sum, r) => sum + r.amountCents, 0);
  const waived = ofYear.some((r) => r.kind === "waived");
  const owedCents = waived ? 0 : Math.max(0, input.duesCents - paidCents);
  return { goodStanding: input.isMember && owedCents === 0, paidCents, waived, owedCents };
}

/** An enrolled member is a member on `date` from the day they joined until the day they resigned (excluded). */
export function enrolledOn(member: { joinedOn: string; resignedOn: string | null }, date: string): boolean {
  return member.joinedOn <= date && (member.resignedOn === null || date < member.resignedOn);
}

// --- Quorum ----------------------------------------------------------------------------------------------

export type QuorumRule = { classId: string | null; kind: "number" | "percent"; value: string };

/** Members needed: a fixed number, or a percentage of the members in good standing, rounded up. */
export function quorumRequired(rule: QuorumRule, rollCount: number): number {
  if (rule.kind === "number") return Number(rule.value);
  return new Decimal(rule.value).mul(rollCount).div(100).ceil().toNumber();
}

export type QuorumLine = { classId: string | null; rule: QuorumRule; roll: number; present: number; required: number; met: boolean };

/**
 * Quorum from the roll on the record date: for each rule (all members, or one class), the members in good
 * standing present must reach the number required. No rule means no quorum requirement.
 */
export function quorum(
  rules: readonly QuorumRule[],
  roll: readonly { key: string; classId: string; goodStanding: boolean }[],
  presentKeys: ReadonlySet<string>,
): { met: boolean; lines: QuorumLine[] } {
  const lines = rules.map((rule) => {
    const voters = roll.filter((m) => m.goodStanding && (rule.classId === null || m.classId === rule.classId));
    const present = voters.filter((m) => presentKeys.has(m.key)).length;
    const required = quorumRequired(rule, voters.length);
    return { classId: rule.classId, rule, roll: voters.length, present, required, met: present >= required };
  });
  return { met: lines.every((l) => l.met), lines };
}

// --- Resolutions -----------------------------------------------------------------------------------------

export const MAJORITIES = { simple: "Simple majority of votes cast", "two-thirds": "Two-thirds of votes cast" } as const;
export type Majority = keyof typeof MAJORITIES;

/** Abstentions are not votes cast. Simple: more for than against. Two-thirds: for ≥ ⅔ of for + against. */
export function resolutionPassed(votes: { for: number; against: number }, majority: Majority): boolean {
  if (votes.for === 0) return false;
  if (majority === "simple") return votes.for > votes.against;
  return votes.for * 3 >= (votes.for + votes.against) * 2;
}

// --- Board terms -----------------------------------------------------------------------------------------

/**
 * A term of `years` starting on `start` ends the day before the anniversary: the anniversary of 29 February in a common
 * year is 1 March, so that term ends on 28 February; a term from 1 March ends on the last day of February.
 */
export function termEnd(start: string, years: number): string {
  return addDays(addYears(start, years), -1);
}

/**
 * Consecutive terms already served right before `start` (a term counts when the next one began within a
 * month of its end). `limit` 0 means no limit.
 */
export function termLimitReached(previous: readonly { startsOn: string; endsOn: string; leftOn: string | null }[], start: string, limit: number): boolean {
  if (limit <= 0) return false;
  const sorted = [...previous].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  let consecutive = 0;
  let nextStart = start;
  for (const term of sorted) {
    const end = term.leftOn ?? term.endsOn;
    if (term.startsOn >= nextStart) continue;
    if (addDays(end, 31) < nextStart) break;
    consecutive += 1;
    nextStart = term.startsOn;
  }
  return consecutive >= limit;
}

// --- Elections -------------------------------------------------------------------------------------------

export type Tally = {
  classId: string;
  seats: number;
  ballots: number;
  counts: { candidateId: string; memberKey: string; name: string; votes: number }[];
  elected: string[];
  /** Candidates tied for the last seats, and how many seats they are tied for (empty when no tie). */
  tie: { candidateIds: string[]; seats: number } | null;
};

/**
 * Counts one class's ballots. The `seats` candidates with most votes are elected; when candidates share the
 * vote count at the cut-off, those above it are elected and the tie is reported with the seats left.
 */
export function tally(input: {
  classId: string;
  seats: number;
  candidates: readonly { id: string; memberKey: string; name: string }[];
  ballots: readonly { candidateIds: readonly string[] }[];
}): Tally {
  const votes = new Map(input.candidates.map((c) => [c.id, 0]));
  for (const ballot of input.ballots) for (const id of new Set(ballot.candidateIds)) if (votes.has(id)) votes.set(id, votes.get(id)! + 1);
  const counts = input.candidates
    .map((c) => ({ candidateId: c.id, memberKey: c.memberKey, name: c.name, votes: votes.get(c.id)! }))
    .sort((a, b) => b.votes - a.votes || a.name.localeCompare(b.name));
  const withVotes = counts.filter((c) => c.votes > 0);
  if (withVotes.length <= input.seats) {
    return { classId: input.classId, seats: input.seats, ballots: input.ballots.length, counts, elected: withVotes.map((c) => c.candidateId), tie: null };
  }
  const cutoff = withVotes[input.seats - 1]!.votes;
  const above = withVotes.filter((c) => c.votes > cutoff);
  const atCutoff = withVotes.filter((c) => c.votes === cutoff);
  const seatsLeft = input.seats - above.length;
  if (atCutoff.length === seatsLeft) {
    return { classId: input.classId, seats: input.seats, ballots: input.ballots.length, counts, elected: [...above, ...atCutoff].map((c) => c.candidateId), tie: null };
  }
  return {
    classId: input.classId,
    seats: input.seats,
    ballots: input.ballots.length,
    counts,
    elected: above.map((c) => c.candidateId),
    tie: { candidateIds: atCutoff.map((c) => c.candidateId), seats: seatsLeft },
  };
}

/** Which classes' ballots a voter of `voterClassId` receives. */
export function ballotClasses(voterClassId: string, contestedClassIds: readonly string[], votingByClass: boolean): string[] {
  return votingByClass ? contestedClassIds.filter((id) => id === voterClassId) : [...contestedClassIds];
}

/** Problems with one class's ballot: too many choices, a repeated or unknown candidate. */
export function ballotErrors(choices: readonly string[], candidateIds: readonly string[], seats: number): string[] {
  const errors: string[] = [];
  if (new Set(choices).size !== choices.length) errors.push("A candidate is marked twice.");
  if (choices.some((c) => !candidateIds.includes(c))) errors.push("A choice is not a candidate for these seats.");
  if (choices.length > seats) errors.push(`Choose at most ${seats} candidate${seats === 1 ? "" : "s"}.`);
  return errors;
}

