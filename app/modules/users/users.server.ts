import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { decoyPasswordHash, hashPassword, verifyPassword } from "~/modules/auth/password.server";
import { loginThrottle, recordLoginAttempt, WINDOW_MINUTES } from "~/modules/auth/throttle.server";
import { assertUpdated } from "~/utils/concurrency.server";
import { isUniqueViolation, type Db } from "~/utils/db.server";
import type { Role } from "~/utils/permissions";
import { NotFoundError } from "~/utils/errors";
import { noticesOffFromChosen, parseNoticesOff } from "~/modules/reminders/email-notices";

export type LoginResult =
  | { ok: true; userId: string; organisationId: string }
  | { ok: false; reason: "invalid" | "throttled" | "no-organisation"; message: string };

/**
 * Checks a sign-in. Failures are recorded per account and address; after 5 in 15 minutes the account is
 * refused from that address until the window passes, whatever the password.
 */
export async function authenticate(db: Db, email: string, password: string, ipAddress: string): Promise<LoginResult> {
  const throttle = await loginThrottle(db, email, ipAddress);
  if (throttle.locked) {
    return {
      ok: false,
      reason: "throttled",
      message: `Too many failed sign-in attempts. For your security, sign-in is paused for this account — try again in ${throttle.retryAfterMinutes} minute${throttle.retryAfterMinutes === 1 ? "" : "s"}.`,
    };
  }
  const user = await db.user.findUnique({
    where: { email },
    include: { memberships: { where: { disabledAt: null }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const valid = user
    ? !user.disabledAt && (await verifyPassword(user.passwordHash, password))
    : (await verifyPassword(await decoyPasswordHash(), password)) && false;
  await recordLoginAttempt(db, email, ipAddress, Boolean(valid));
  if (!user || !valid) {
    return { ok: false, reason: "invalid", message: "That email and password do not match an account." };
  }
  const membership = user.memberships[0];
  if (!membership) {
    return { ok: false, reason: "no-organisation", message: "This account is not a member of any organisation yet. Ask an administrator." };
  }
  return { ok: true, userId: user.id, organisationId: membership.organisationId };
}

export { WINDOW_MINUTES };

export type ChangePasswordResult = { ok: true } | { ok: false; field: "currentPassword"; message: string };

export async function changePassword(db: Db, userId: string, currentPassword: string, newPassword: string): Promise<ChangePasswordResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    return { ok: false, field: "currentPassword", message: "Your current password is not correct." };
  }
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date() },
  });
  return { ok: true };
}

/** Your settings: the signed-in person's name and which email reminders they receive. */
export async function getOwnSettings(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true, email: true, emailNoticesOff: true } });
  if (!user) throw new NotFoundError("Account not found");
  return { name: user.name, email: user.email, noticesOff: [...parseNoticesOff(user.emailNoticesOff)] };
}

/** Changes the signed-in person's own name, audited in the organisation they act in. */
export async function updateOwnName(db: Db, actor: AuditActor & { userId: string }, name: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } });
    if (!before) throw new NotFoundError("Account not found");
    if (before.name === name) return;
    await tx.user.update({ where: { id: actor.userId }, data: { name } });
    await recordAudit(tx, actor, { entity: "User", entityId: actor.userId, action: "update", before: { name: before.name }, after: { name } });
  });
}

/** Saves which email reminders the signed-in person receives (`chosen`: the kinds ticked). */
export async function updateOwnNotices(db: Db, actor: AuditActor & { userId: string }, chosen: readonly string[]): Promise<void> {
  const off = noticesOffFromChosen(chosen);
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: actor.userId }, select: { emailNoticesOff: true } });
    if (!before) throw new NotFoundError("Account not found");
    if (before.emailNoticesOff === off) return;
    await tx.user.update({ where: { id: actor.userId }, data: { emailNoticesOff: off } });
    await recordAudit(tx, actor, { entity: "User", entityId: actor.userId, action: "update", before: { emailNoticesOff: before.emailNoticesOff }, after: { emailNoticesOff: off } });
  });
}

export async function listMembers(db: Db, organisationId: string) {
  return db.membership.findMany({
    where: { organisationId },
    include: { user: { select: { id: true, email: true, name: true, createdAt: true } }, household: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
  });
}

export async function getMember(db: Db, organisationId: string, membershipId: string) {
  return db.membership.findFirst({
    where: { id: membershipId, organisationId },
    include: { user: { select: { id: true, email: true, name: true } } },
  });
}

export type AddUserInput = { email: string; name: string; role: Role; password: string; householdId?: string | null };
export type AddUserResult = { ok: true; membershipId: string } | { ok: false; field: "email" | "householdId"; message: string };

/**
 * Adds a person to the organisation: a new account with the given initial password, or an existing account
 * (another organisation of the network) gains a membership.
 */
export async function addUser(db: Db, actor: AuditActor, input: AddUserInput): Promise<AddUserResult> {
  if (input.role === "homeowner" && !input.householdId) {
    return { ok: false, field: "householdId", message: "Choose the household this homeowner belongs to." };
  }
  if (input.householdId) {
    const household = await db.household.findFirst({ where: { id: input.householdId, organisationId: actor.organisationId } });
    if (!household) return { ok: false, field: "householdId", message: "Choose a household of this organisation." };
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const membership = await db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: input.email } });
      const user = existing ?? (await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } }));
      const created = await tx.membership.create({
        data: {
          organisationId: actor.organisationId,
          userId: user.id,
          role: input.role,
          householdId: input.role === "homeowner" ? input.householdId ?? null : null,
        },
      });
      await recordAudit(tx, actor, {
        entity: "Membership",
        entityId: created.id,
        action: "create",
        after: { email: user.email, name: user.name, role: created.role, householdId: created.householdId },
      });
      return created;
    });
    return { ok: true, membershipId: membership.id };
  } catch (error) {
    if (isUniqueViolation(error)) {
      return { ok: false, field: "email", message: "This person is already a member of this organisation." };
    }
    throw error;
  }
}

export type UpdateMemberResult = { ok: true } | { ok: false; message: string };

/**
 * Changes a member's role, or disables or re-enables them in this organisation — never leaving it without an
 * active admin. It never touches the person's account itself, which other organisations may share.
 */
export async function updateMember(
  db: Db,
  actor: AuditActor,
  membershipId: string,
  input: { role: Role; disabled: boolean; version: number },
): Promise<UpdateMemberResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findFirst({
      where: { id: membershipId, organisationId: actor.organisationId },
      include: { user: true },
    });
    if (!before) throw new NotFoundError("Not found");
    const losingAdmin = before.role === "admin" && (input.role !== "admin" || input.disabled);
    if (losingAdmin) {
      const otherAdmins = await tx.membership.count({
        where: { organisationId: actor.organisationId, role: "admin", id: { not: membershipId }, disabledAt: null, user: { disabledAt: null } },
      });
      if (otherAdmins === 0) return { ok: false, message: "The organisation needs at least one active administrator." };
    }
    assertUpdated(
      await tx.membership.updateMany({
        where: { id: membershipId, organisationId: actor.organisationId, version: input.version },
        // disabled here only: the person's other organisations (a network deployment) are not this admin's
        data: { role: input.role, disabledAt: input.disabled ? before.disabledAt ?? new Date() : null, version: { increment: 1 } },
      }),
    );
    if (input.disabled) await tx.session.deleteMany({ where: { userId: before.userId, organisationId: actor.organisationId } });
    await recordAudit(tx, actor, {
      entity: "Membership",
      entityId: membershipId,
      action: "update",
      before: { role: before.role, disabled: Boolean(before.disabledAt) },
      after: { role: input.role, disabled: input.disabled },
    });
    return { ok: true };
  });
}
