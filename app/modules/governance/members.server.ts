/**
 * Members: the trust's membership classes and bylaws settings, enrolled (general) members, dues, and the
 * member roll for any date. Leaseholder members are not stored: a household is a leaseholder member while
 * one of its leases binds (rules.ts `leaseholderOn`), so membership follows the leases by construction
 * (docs/decisions/010-governance-membership-and-secret-ballots.md). Every query is scoped to the
 * organisation; every write is audited in the same transaction.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { addUser } from "~/modules/users/users.server";
import type { Db, Tx } from "~/utils/db.server";
import { centsToString } from "~/utils/money";
import { enrolledOn, leaseholderOn, memberKey, parseMemberKey, standing, yearOf, type DuesRecord, type MemberKey, type Majority, type QuorumRule } from "./rules";
import type { DuesValues, MemberValues } from "./schemas";

export type FieldErrors = Record<string, string[]>;
export type Result = { ok: true; id: string } | { ok: false; fieldErrors?: FieldErrors; formErrors?: string[] };

export type BylawsSettings = {
  noticeDays: number;
  quorumRules: QuorumRule[];
  resolutionMajority: Majority;
  votingByClass: boolean;
  termLimit: number;
  version: number;
};

export const DEFAULT_BYLAWS: BylawsSettings = { noticeDays: 30, quorumRules: [], resolutionMajority: "simple", votingByClass: true, termLimit: 2, version: 0 };

export async function getBylaws(db: Db | Tx, organisationId: string): Promise<BylawsSettings> {
  const row = await db.bylaws.findUnique({ where: { organisationId } });
  if (!row) return DEFAULT_BYLAWS;
  return {
    noticeDays: row.noticeDays,
    quorumRules: Array.isArray(row.quorumRules) ? (row.quorumRules as QuorumRule[]) : [],
    resolutionMajority: row.resolutionMajority === "two-thirds" ? "two-thirds" : "simple",
    votingByClass: row.votingByClass,
    termLimit: row.termLimit,
    version: row.version,
  };
}

export async function saveBylaws(db: Db, actor: AuditActor, values: Omit<BylawsSettings, "version">) {
  await db.$transaction(async (tx) => {
    const before = await getBylaws(tx, actor.organisationId);
    const data = { ...values, quorumRules: values.quorumRules };
    await tx.bylaws.upsert({ where: { organisationId: actor.organisationId }, create: { organisationId: actor.organisationId, ...data }, update: { ...data, version: { increment: 1 } } });
    await recordAudit(tx, actor, { entity: "Bylaws", entityId: actor.organisationId, action: before.version ? "update" : "create", before: before.version ? { ...before } : null, after: { ...values } });
  });
}

export async function listClasses(db: Db | Tx, organisationId: string) {
  return db.membershipClass.findMany({ where: { organisationId }, orderBy: [{ position: "asc" }, { name: "asc" }], include: { dues: { orderBy: { year: "desc" } } } });
}

/** The classic CLT's three classes (leaseholder members automatic; general and public members enrol). */
export async function setUpClassicClasses(db: Db, actor: AuditActor) {
  return db.$transaction(async (tx) => {
    if ((await tx.membershipClass.count({ where: { organisationId: actor.organisationId } })) > 0) return false;
    const classes = [
      { name: "Leaseholder", kind: "leaseholder", position: 0 },
      { name: "General", kind: "enrolled", position: 1 },
      { name: "Public", kind: "enrolled", position: 2 },
    ];
    for (const c of classes) {
      const created = await tx.membershipClass.create({ data: { organisationId: actor.organisationId, ...c } });
      await recordAudit(tx, actor, { entity: "MembershipClass", entityId: created.id, action: "create", after: c });
    }
    return true;
  });
}

export async function addClass(db: Db, actor: AuditActor, name: string): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const existing = await tx.membershipClass.findFirst({ where: { organisationId: actor.organisationId, name } });
    if (existing) return { ok: false, fieldErrors: { name: ["A class of that name exists"] } };
    const position = await tx.membershipClass.count({ where: { organisationId: actor.organisationId } });
    const created = await tx.membershipClass.create({ data: { organisationId: actor.organisationId, name, kind: "enrolled", position } });
    await recordAudit(tx, actor, { entity: "MembershipClass", entityId: created.id, action: "create", after: { name, kind: "enrolled" } });
    return { ok: true, id: created.id };
  });
}

export async function setDuesRate(db: Db, actor: AuditActor, input: { classId: string; year: number; amountCents: number }): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const membershipClass = await tx.membershipClass.findFirst({ where: { id: input.classId, organisationId: actor.organisationId } });
    if (!membershipClass) return { ok: false, fieldErrors: { classId: ["Choose a class"] } };
    const row = await tx.classDues.upsert({
      where: { classId_year: { classId: input.classId, year: input.year } },
      create: { organisationId: actor.organisationId, classId: input.classId, year: input.year, amountCents: BigInt(input.amountCents) },
      update: { amountCents: BigInt(input.amountCents) },
    });
    await recordAudit(tx, actor, { entity: "ClassDues", entityId: row.id, action: "update", after: { class: membershipClass.name, year: input.year, amountCents: input.amountCents } });
    return { ok: true, id: row.id };
  });
}

// --- Enrolled members -------------------------------------------------------------------------------------

async function enrolledClass(tx: Tx | Db, organisationId: string, classId: string) {
  const membershipClass = await tx.membershipClass.findFirst({ where: { id: classId, organisationId } });
  return membershipClass && membershipClass.kind === "enrolled" ? membershipClass : null;
}

export async function createMember(db: Db, actor: AuditActor, values: MemberValues): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    if (!(await enrolledClass(tx, actor.organisationId, values.classId))) {
      return { ok: false, fieldErrors: { classId: ["Choose a class people join (leaseholder members come from their leases)"] } };
    }
    const member = await tx.member.create({ data: { organisationId: actor.organisationId, ...values } });
    await recordAudit(tx, actor, { entity: "Member", entityId: member.id, action: "create", after: { ...values } });
    return { ok: true, id: member.id };
  });
}

export async function getMember(db: Db, organisationId: string, memberId: string) {
  return db.member.findFirst({ where: { id: memberId, organisationId }, include: { membershipClass: true } });
}

export async function resignMember(db: Db, actor: AuditActor, memberId: string, resignedOn: string): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const member = await tx.member.findFirst({ where: { id: memberId, organisationId: actor.organisationId } });
    if (!member) return { ok: false, formErrors: ["This member does not exist"] };
    if (resignedOn <= member.joinedOn) return { ok: false, fieldErrors: { resignedOn: ["The resignation must be after the date the member joined"] } };
    await tx.member.update({ where: { id: member.id }, data: { resignedOn, version: { increment: 1 } } });
    await recordAudit(tx, actor, { entity: "Member", entityId: member.id, action: "update", before: { resignedOn: member.resignedOn }, after: { resignedOn } });
    return { ok: true, id: member.id };
  });
}

/** Records dues paid or waived for a member (enrolled or a leaseholder household). */
export async function recordDues(db: Db, actor: AuditActor, key: string, values: DuesValues): Promise<Result> {
  const parsed = parseMemberKey(key);
  if (!parsed) return { ok: false, formErrors: ["Unknown member"] };
  if (values.kind === "paid" && !values.amount) return { ok: false, fieldErrors: { amount: ["Enter the amount paid"] } };
  return db.$transaction(async (tx): Promise<Result> => {
    const exists = parsed.kind === "member"
      ? await tx.member.count({ where: { id: parsed.id, organisationId: actor.organisationId } })
      : await tx.household.count({ where: { id: parsed.id, organisationId: actor.organisationId } });
    if (!exists) return { ok: false, formErrors: ["Unknown member"] };
    const amountCents = values.kind === "paid" ? values.amount! : 0;
    const row = await tx.duesPayment.create({
      data: { organisationId: actor.organisationId, memberKey: key, year: values.year, kind: values.kind, amountCents: BigInt(amountCents), recordedOn: values.recordedOn, note: values.note },
    });
    await recordAudit(tx, actor, { entity: "DuesPayment", entityId: row.id, action: "create", after: { memberKey: key, year: values.year, kind: values.kind, amountCents, recordedOn: values.recordedOn } });
    return { ok: true, id: row.id };
  });
}

export async function duesHistory(db: Db, organisationId: string, key: string) {
  const rows = await db.duesPayment.findMany({ where: { organisationId, memberKey: key }, orderBy: [{ year: "desc" }, { recordedOn: "desc" }] });
  return rows.map((r) => ({ ...r, amountCents: Number(r.amountCents) }));
}

export async function setRepresentative(db: Db, actor: AuditActor, householdId: string, values: { fullName: string; email: string }): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const household = await tx.household.findFirst({ where: { id: householdId, organisationId: actor.organisationId } });
    if (!household) return { ok: false, formErrors: ["This household does not exist"] };
    const before = await tx.householdRepresentative.findUnique({ where: { householdId, organisationId: actor.organisationId } });
    await tx.householdRepresentative.upsert({ where: { householdId }, create: { organisationId: actor.organisationId, householdId, ...values }, update: values });
    await recordAudit(tx, actor, { entity: "HouseholdRepresentative", entityId: householdId, action: before ? "update" : "create", before: before ? { fullName: before.fullName, email: before.email } : null, after: values });
    return { ok: true, id: householdId };
  });
}

// --- The roll ---------------------------------------------------------------------------------------------

export type RollEntry = {
  key: MemberKey;
  kind: "member" | "household";
  id: string;
  classId: string;
  className: string;
  name: string;
  /** who votes: the member, or the household's representative */
  voterName: string;
  email: string;
  memberSince: string;
  duesCents: number;
  paidCents: number;
  waived: boolean;
  owedCents: number;
  goodStanding: boolean;
  userId: string | null;
};

/**
 * Everyone who was a member on `date`, with good standing for that date's year: enrolled members who had
 * joined and not resigned, and every household holding a binding lease that day (in the leaseholder class).
 */
export async function memberRoll(db: Db | Tx, organisationId: string, date: string): Promise<RollEntry[]> {
  const year = yearOf(date);
  const classes = await db.membershipClass.findMany({ where: { organisationId }, orderBy: [{ position: "asc" }, { name: "asc" }], include: { dues: { where: { year } } } });
  const duesByClass = new Map(classes.map((c) => [c.id, Number(c.dues[0]?.amountCents ?? 0n)]));
  const payments = await db.duesPayment.findMany({ where: { organisationId, year } });
  const recordsByKey = new Map<string, DuesRecord[]>();
  for (const p of payments) recordsByKey.set(p.memberKey, [...(recordsByKey.get(p.memberKey) ?? []), { year: p.year, kind: p.kind === "waived" ? "waived" : "paid", amountCents: Number(p.amountCents) }]);
  const entries: RollEntry[] = [];
  const entry = (base: Omit<RollEntry, "duesCents" | "paidCents" | "waived" | "owedCents" | "goodStanding">): RollEntry => {
    const duesCents = duesByClass.get(base.classId) ?? 0;
    return { ...base, duesCents, ...standing({ isMember: true, duesCents, records: recordsByKey.get(base.key) ?? [], year }) };
  };

  const leaseholderClass = classes.find((c) => c.kind === "leaseholder");
  if (leaseholderClass) {
    const leases = await db.lease.findMany({
      where: { organisationId, status: { not: "draft" } },
      select: { householdId: true, status: true, executionDate: true, commencementDate: true, endedOn: true },
    });
    const byHousehold = new Map<string, typeof leases>();
    for (const lease of leases) byHousehold.set(lease.householdId, [...(byHousehold.get(lease.householdId) ?? []), lease]);
    const memberHouseholds = [...byHousehold].map(([id, ls]) => ({ id, on: leaseholderOn(ls, date) })).filter((h) => h.on.member);
    const ids = memberHouseholds.map((h) => h.id);
    const [households, representatives] = await Promise.all([
      db.household.findMany({ where: { organisationId, id: { in: ids } }, select: { id: true, name: true, email: true, members: { select: { fullName: true }, orderBy: { createdAt: "asc" }, take: 1 }, memberships: { select: { userId: true, role: true } } } }),
      db.householdRepresentative.findMany({ where: { organisationId, householdId: { in: ids } } }),
    ]);
    const repById = new Map(representatives.map((r) => [r.householdId, r]));
    const sinceById = new Map(memberHouseholds.map((h) => [h.id, h.on.since!]));
    for (const h of households) {
      const rep = repById.get(h.id);
      entries.push(
        entry({
          key: memberKey("household", h.id),
          kind: "household",
          id: h.id,
          classId: leaseholderClass.id,
          className: leaseholderClass.name,
          name: h.name,
          voterName: rep?.fullName ?? h.members[0]?.fullName ?? h.name,
          email: rep?.email || h.email,
          memberSince: sinceById.get(h.id)!,
          userId: h.memberships.find((m) => m.role === "homeowner")?.userId ?? null,
        }),
      );
    }
  }

  const enrolled = await db.member.findMany({ where: { organisationId, joinedOn: { lte: date } }, include: { membershipClass: true } });
  for (const m of enrolled.filter((m) => enrolledOn(m, date))) {
    entries.push(
      entry({ key: memberKey("member", m.id), kind: "member", id: m.id, classId: m.classId, className: m.membershipClass.name, name: m.fullName, voterName: m.fullName, email: m.email, memberSince: m.joinedOn, userId: m.userId }),
    );
  }
  const position = new Map(classes.map((c, i) => [c.id, i]));
  return entries.sort((a, b) => position.get(a.classId)! - position.get(b.classId)! || a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}

export const ROLL_CSV_HEADERS = ["class", "name", "voter", "email", "member_since", "dues", "paid", "waived", "good_standing"] as const;

export function rollCsvRows(roll: readonly RollEntry[]) {
  return roll.map((m) => ({
    class: m.className,
    name: m.name,
    voter: m.voterName,
    email: m.email,
    member_since: m.memberSince,
    dues: centsToString(m.duesCents),
    paid: centsToString(m.paidCents),
    waived: m.waived ? "yes" : "no",
    good_standing: m.goodStanding ? "yes" : "no",
  }));
}

/** The member key a signed-in person votes as: their household (homeowner) or their enrolled membership. */
export async function voterKeyForUser(db: Db, actor: { organisationId: string; userId: string; householdId: string | null }): Promise<MemberKey | null> {
  if (actor.householdId) return memberKey("household", actor.householdId);
  const member = await db.member.findFirst({ where: { organisationId: actor.organisationId, userId: actor.userId }, select: { id: true } });
  return member ? memberKey("member", member.id) : null;
}

/**
 * Gives an enrolled member a sign-in (role "member") so they can vote online; the password is set by staff
 * and handed over in person, as for other users.
 */
export async function createMemberSignIn(db: Db, actor: AuditActor, memberId: string, password: string): Promise<Result> {
  const member = await db.member.findFirst({ where: { id: memberId, organisationId: actor.organisationId } });
  if (!member) return { ok: false, formErrors: ["This member does not exist"] };
  if (member.userId) return { ok: false, formErrors: ["This member already has a sign-in."] };
  if (!member.email) return { ok: false, formErrors: ["Add the member's email address first: it is their sign-in."] };
  
  const added = await addUser(db, actor, { email: member.email, name: member.fullName, role: "member", password });
  if (!added.ok) return { ok: false, fieldErrors: { password: [added.message] } };
  const membership = await db.membership.findUniqueOrThrow({ where: { id: added.membershipId } });
  await db.$transaction(async (tx) => {
    await tx.member.update({ where: { id: member.id }, data: { userId: membership.userId, version: { increment: 1 } } });
    await recordAudit(tx, actor, { entity: "Member", entityId: member.id, action: "update", before: { signIn: false }, after: { signIn: true } });
  });
  return { ok: true, id: member.id };
}

export async function updateMemberEmail(db: Db, actor: AuditActor, memberId: string, values: { email: string; phone: string; address: string }): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const member = await tx.member.findFirst({ where: { id: memberId, organisationId: actor.organisationId } });
    if (!member) return { ok: false, formErrors: ["This member does not exist"] };
    await tx.member.update({ where: { id: member.id }, data: { ...values, version: { increment: 1 } } });
    await recordAudit(tx, actor, { entity: "Member", entityId: member.id, action: "update", before: { email: member.email, phone: member.phone, address: member.address }, after: values });
    return { ok: true, id: member.id };
  });
}

/** A household as a member of the trust (a household membership's key), with its voting representative if it named one; null if the organisation has no such household. */
export async function getHouseholdMember(db: Db, organisationId: string, householdId: string) {
  const household = await db.household.findFirst({ where: { id: householdId, organisationId }, select: { id: true, name: true, email: true, members: { select: { fullName: true } } } });
  if (!household) return null;
  const representative = await db.householdRepresentative.findFirst({ where: { householdId: household.id, organisationId } });
  return { household, representative };
}
