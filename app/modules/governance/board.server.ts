/**
 * The board: seats by membership class, terms, holders, vacancies and officers. A seat of a class may be
 * held only by a member of that class in good standing on the day the term starts (the roll of that date),
 * within the bylaws' term limit; a refusal says why.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import type { Db, Tx } from "~/utils/db.server";
import { getBylaws, memberRoll, type Result, type RollEntry } from "./members.server";
import { addDays, termEnd, termLimitReached } from "./rules";

export async function addSeat(db: Db, actor: AuditActor, input: { name: string; classId: string; termYears: number }): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const membershipClass = await tx.membershipClass.findFirst({ where: { id: input.classId, organisationId: actor.organisationId } });
    if (!membershipClass) return { ok: false, fieldErrors: { classId: ["Choose a class"] } };
    if (await tx.boardSeat.findFirst({ where: { organisationId: actor.organisationId, name: input.name } })) return { ok: false, fieldErrors: { name: ["A seat of that name exists"] } };
    const position = await tx.boardSeat.count({ where: { organisationId: actor.organisationId } });
    const seat = await tx.boardSeat.create({ data: { organisationId: actor.organisationId, ...input, position } });
    await recordAudit(tx, actor, { entity: "BoardSeat", entityId: seat.id, action: "create", after: { ...input, class: membershipClass.name } });
    return { ok: true, id: seat.id };
  });
}

/** The last day a term is served: the day before the holder left, or its end. */
function lastDay(term: { endsOn: string; leftOn: string | null }): string {
  return term.leftOn ? addDays(term.leftOn, -1) : term.endsOn;
}

export function termCovers(term: { startsOn: string; endsOn: string; leftOn: string | null }, date: string): boolean {
  return term.startsOn <= date && date <= lastDay(term);
}

/** Why `holder` may not hold a seat of `seatClassId` (null when they may). */
export function seatRefusal(holder: RollEntry | undefined, seat: { classId: string; className: string }, startsOn: string): string | null {
  if (!holder) return `Not a member on ${startsOn}: a ${seat.className} seat needs a ${seat.className} member in good standing.`;
  if (holder.classId !== seat.classId) return `${holder.name} is a ${holder.className} member: a ${seat.className} seat needs a ${seat.className} member.`;
  if (!holder.goodStanding) return `${holder.name} is not in good standing on ${startsOn} (dues for ${startsOn.slice(0, 4)} not paid or waived).`;
  return null;
}

/**
 * Starts a term in a seat. Refused with a reason when the holder is not eligible for the seat's class, the
 * seat is held during the new term, or the holder has reached the term limit.
 */
export async function assignSeat(
  db: Db | Tx,
  actor: AuditActor,
  input: { seatId: string; holderKey: string; startsOn: string; officerTitle?: string; electionId?: string; endsOn?: string },
): Promise<Result> {
  const run = async (tx: Tx | Db): Promise<Result> => {
    const seat = await tx.boardSeat.findFirst({ where: { id: input.seatId, organisationId: actor.organisationId }, include: { membershipClass: true } });
    if (!seat) return { ok: false, fieldErrors: { seatId: ["Choose a seat"] } };
    const roll = await memberRoll(tx, actor.organisationId, input.startsOn);
    const holder = roll.find((m) => m.key === input.holderKey);
    const refusal = seatRefusal(holder, { classId: seat.classId, className: seat.membershipClass.name }, input.startsOn);
    if (refusal) return { ok: false, fieldErrors: { holderKey: [refusal] } };
    const endsOn = input.endsOn ?? termEnd(input.startsOn, seat.termYears);
    const seatTerms = await tx.boardTerm.findMany({ where: { organisationId: actor.organisationId, seatId: seat.id } });
    const clash = seatTerms.find((t) => t.startsOn <= endsOn && lastDay(t) >= input.startsOn);
    if (clash) return { ok: false, fieldErrors: { startsOn: [`${seat.name} is held by ${clash.holderName} until ${lastDay(clash)}.`] } };
    const bylaws = await getBylaws(tx, actor.organisationId);
    const previous = await tx.boardTerm.findMany({ where: { organisationId: actor.organisationId, holderKey: input.holderKey, seat: { classId: seat.classId } } });
    if (termLimitReached(previous, input.startsOn, bylaws.termLimit)) {
      return { ok: false, fieldErrors: { holderKey: [`${holder!.name} has served ${bylaws.termLimit} consecutive terms, the bylaws' limit.`] } };
    }
    const term = await tx.boardTerm.create({
      data: { organisationId: actor.organisationId, seatId: seat.id, holderKey: input.holderKey, holderName: holder!.voterName, startsOn: input.startsOn, endsOn, officerTitle: input.officerTitle ?? "", electionId: input.electionId ?? null },
    });
    await recordAudit(tx, actor, { entity: "BoardTerm", entityId: term.id, action: "create", after: { seat: seat.name, holder: holder!.voterName, startsOn: input.startsOn, endsOn, officerTitle: input.officerTitle ?? "" } });
    return { ok: true, id: term.id };
  };
  return "$transaction" in db ? db.$transaction((tx) => run(tx)) : run(db);
}

export async function endTerm(db: Db, actor: AuditActor, termId: string, leftOn: string): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const term = await tx.boardTerm.findFirst({ where: { id: termId, organisationId: actor.organisationId } });
    if (!term) return { ok: false, formErrors: ["This term does not exist"] };
    if (leftOn <= term.startsOn || leftOn > term.endsOn) return { ok: false, fieldErrors: { leftOn: [`Enter a date after ${term.startsOn} and no later than ${term.endsOn}`] } };
    await tx.boardTerm.update({ where: { id: term.id }, data: { leftOn } });
    await recordAudit(tx, actor, { entity: "BoardTerm", entityId: term.id, action: "update", before: { leftOn: term.leftOn }, after: { leftOn } });
    return { ok: true, id: term.id };
  });
}

export async function setOfficer(db: Db, actor: AuditActor, termId: string, officerTitle: string): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const term = await tx.boardTerm.findFirst({ where: { id: termId, organisationId: actor.organisationId } });
    if (!term) return { ok: false, formErrors: ["This term does not exist"] };
    await tx.boardTerm.update({ where: { id: term.id }, data: { officerTitle } });
    await recordAudit(tx, actor, { entity: "BoardTerm", entityId: term.id, action: "update", before: { officerTitle: term.officerTitle }, after: { officerTitle } });
    return { ok: true, id: term.id };
  });
}

/** Every seat with its holder on `date` (or vacant), and the terms that start later. */
export async function boardRoster(db: Db, organisationId: string, date: string) {
  const seats = await db.boardSeat.findMany({
    where: { organisationId },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    include: { membershipClass: { select: { id: true, name: true } }, terms: { orderBy: { startsOn: "asc" } } },
  });
  return seats.map((seat) => {
    const current = seat.terms.find((t) => termCovers(t, date)) ?? null;
    return {
      id: seat.id,
      name: seat.name,
      className: seat.membershipClass.name,
      classId: seat.classId,
      termYears: seat.termYears,
      current: current && { id: current.id, holderName: current.holderName, holderKey: current.holderKey, startsOn: current.startsOn, endsOn: current.endsOn, officerTitle: current.officerTitle },
      upcoming: seat.terms.filter((t) => t.startsOn > date).map((t) => ({ id: t.id, holderName: t.holderName, startsOn: t.startsOn, endsOn: t.endsOn })),
      past: seat.terms.filter((t) => lastDay(t) < date).map((t) => ({ id: t.id, holderName: t.holderName, startsOn: t.startsOn, endsOn: lastDay(t) })),
    };
  });
}

export const BOARD_CSV_HEADERS = ["seat", "class", "holder", "officer", "term_start", "term_end", "status"] as const;

export function boardCsvRows(roster: Awaited<ReturnType<typeof boardRoster>>) {
  return roster.map((seat) => ({
    seat: seat.name,
    class: seat.className,
    holder: seat.current?.holderName ?? "",
    officer: seat.current?.officerTitle ?? "",
    term_start: seat.current?.startsOn ?? "",
    term_end: seat.current?.endsOn ?? "",
    status: seat.current ? "held" : "vacant",
  }));
}

/** The organisation's board seats with their membership class, in board order (Governance → Settings). */
export async function listSeats(db: Db, organisationId: string) {
  return db.boardSeat.findMany({ where: { organisationId }, include: { membershipClass: true }, orderBy: [{ position: "asc" }, { name: "asc" }] });
}
