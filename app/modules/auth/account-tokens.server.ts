/**
 * Invitations and password resets: one-time links sent by email (through the outbox, app/modules/email).
 *
 * - The link carries 32 random bytes; only their SHA-256 is stored (AccountToken.tokenHash), so a copy of the
 *   database does not let anyone in.
 * - A link works once (a conditional update on usedAt: two tabs submitting together cannot both succeed),
 *   until it expires (invitation 7 days, reset 1 hour), for the one person it was sent to. A newer link of the
 *   same kind cancels the older ones.
 * - Using a link sets the password, signs the person out everywhere else and is recorded in the audit trail.
 * - Reset requests answer the same whether or not the address has an account, and are throttled: at most
 *   RESET_PER_ACCOUNT links per account per hour and RESET_PER_ADDRESS requests per client address per
 *   RESET_WINDOW_MINUTES.
 */
import { createHash, randomBytes } from "node:crypto";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { queueEmails } from "~/modules/email/outbox.server";
import { hashPassword } from "~/modules/auth/password.server";
import { isUniqueViolation, type Db, type Tx } from "~/utils/db.server";
import { ROLE_LABELS, type Role } from "~/utils/permissions";

export type TokenPurpose = "invitation" | "password-reset";

export const INVITATION_DAYS = 7;
export const RESET_MINUTES = 60;
export const RESET_PER_ACCOUNT = 3;
export const RESET_PER_ADDRESS = 10;
export const RESET_WINDOW_MINUTES = 15;

/** Where each kind of link opens (app/routes/invitation.$token.tsx, app/routes/password-reset.$token.tsx). */
export const TOKEN_PATHS: Record<TokenPurpose, string> = { invitation: "/invitation/", "password-reset": "/password-reset/" };

/** An account created by invitation has no password until the link is used: this hash matches nothing. */
export const NO_PASSWORD = "";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What a role lets a person do, in the words of the invitation email. */
const ROLE_INVITE_WORDS: Record<Role, string> = {
  admin: "manage the trust's records, users and settings",
  staff: "keep the trust's parcels, households, leases and resales",
  viewer: "read the trust's records and reports",
  homeowner: "see your home, your ground lease and your lease-fee account, and what your home could sell for today",
  member: "take part in the trust's elections online",
};

async function issueToken(tx: Tx, purpose: TokenPurpose, userId: string, organisationId: string, now: Date, requestedFrom = ""): Promise<string> {
  // a newer link cancels the older ones of the same kind
  // cross-organisation: a login belongs to a person, not a trust: a newer link cancels their older ones
  await tx.accountToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
  const token = randomBytes(32).toString("base64url");
  const lifetimeMs = purpose === "invitation" ? INVITATION_DAYS * 24 * 60 * 60_000 : RESET_MINUTES * 60_000;
  await tx.accountToken.create({
    data: { tokenHash: hashToken(token), purpose, userId, organisationId, expiresAt: new Date(now.getTime() + lifetimeMs), requestedFrom },
  });
  return token;
}

function invitationText(input: { name: string; inviter: string; organisationName: string; role: Role; link: string }): string {
  return [
    `Hello ${input.name},`,
    "",
    `${input.inviter} has invited you to ${input.organisationName} on Commonground, where you can ${ROLE_INVITE_WORDS[input.role]}.`,
    "",
    `To choose your password and sign in, open this link within ${INVITATION_DAYS} days:`,
    input.link,
    "",
    "The link works once. If you did not expect this email, ignore it: nothing happens unless the link is used.",
    "",
    input.organisationName,
  ].join("\n");
}

function addedText(input: { name: string; inviter: string; organisationName: string; role: Role; link: string }): string {
  return [
    `Hello ${input.name},`,
    "",
    `${input.inviter} has added you to ${input.organisationName} on Commonground as ${ROLE_LABELS[input.role].toLowerCase()}, so you can ${ROLE_INVITE_WORDS[input.role]}.`,
    "",
    `Sign in with your existing email address and password: ${input.link}`,
    "",
    input.organisationName,
  ].join("\n");
}

export type InviteInput = { email: string; name: string; role: Role; householdId?: string | null };
export type InviteResult =
  | { ok: true; membershipId: string; kind: "invitation" | "added" }
  | { ok: false; field: "email" | "householdId"; message: string };

/**
 * Invites a person by email: a new account without a password and a one-time link to set it; or, for someone
 * who already has an account in another trust of the network, a membership here and a note to sign in as usual.
 * `baseUrl` is where links point (appUrl in ~/utils/env.server).
 */
export async function inviteUser(
  db: Db,
  actor: AuditActor & { organisationName: string },
  input: InviteInput,
  baseUrl: string,
  now = new Date(),
): Promise<InviteResult> {
  if (input.role === "homeowner" && !input.householdId) {
    return { ok: false, field: "householdId", message: "Choose the household this homeowner belongs to." };
  }
  if (input.householdId && input.role === "homeowner") {
    const household = await db.household.findFirst({ where: { id: input.householdId, organisationId: actor.organisationId } });
    if (!household) return { ok: false, field: "householdId", message: "Choose a household of this organisation." };
  }
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: input.email } });
      const user = existing ?? (await tx.user.create({ data: { email: input.email, name: input.name, passwordHash: NO_PASSWORD } }));
      const membership = await tx.membership.create({
        data: {
          organisationId: actor.organisationId,
          userId: user.id,
          role: input.role,
          householdId: input.role === "homeowner" ? input.householdId ?? null : null,
        },
      });
      const needsPassword = user.passwordHash === NO_PASSWORD;
      const words = { name: user.name, inviter: actor.label, organisationName: actor.organisationName, role: input.role };
      if (needsPassword) {
        const token = await issueToken(tx, "invitation", user.id, actor.organisationId, now);
        await queueEmails(tx, actor.organisationId, `invitation:${membership.id}`, [
          { to: user.email, subject: `Your invitation to ${actor.organisationName}`, text: invitationText({ ...words, link: `${baseUrl}${TOKEN_PATHS.invitation}${token}` }) },
        ]);
      } else {
        await queueEmails(tx, actor.organisationId, `added:${membership.id}`, [
          { to: user.email, subject: `You have been added to ${actor.organisationName}`, text: addedText({ ...words, link: `${baseUrl}/login` }) },
        ]);
      }
      await recordAudit(tx, actor, {
        entity: "Membership",
        entityId: membership.id,
        action: "create",
        after: { email: user.email, name: user.name, role: membership.role, householdId: membership.householdId, invitedByEmail: true },
      });
      return { ok: true as const, membershipId: membership.id, kind: needsPassword ? ("invitation" as const) : ("added" as const) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "email", message: "This person is already a member of this organisation." };
    throw error;
  }
}

/** Sends a new invitation link to a member of this organisation who has not yet set a password. */
export async function resendInvitation(
  db: Db,
  actor: AuditActor & { organisationName: string },
  membershipId: string,
  baseUrl: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, organisationId: actor.organisationId }, include: { user: true } });
    if (!membership) return { ok: false as const, message: "This person is not a member of this organisation." };
    if (membership.user.passwordHash !== NO_PASSWORD) return { ok: false as const, message: `${membership.user.name} has already set a password. They can use “Forgot your password?” on the sign-in page.` };
    if (membership.disabledAt || membership.user.disabledAt) return { ok: false as const, message: `${membership.user.name} is disabled here. Enable them first.` };
    const role = membership.role as Role;
    const token = await issueToken(tx, "invitation", membership.userId, actor.organisationId, now);
    await queueEmails(tx, actor.organisationId, `invitation:${membership.id}`, [
      {
        to: membership.user.email,
        subject: `Your invitation to ${actor.organisationName}`,
        text: invitationText({ name: membership.user.name, inviter: actor.label, organisationName: actor.organisationName, role, link: `${baseUrl}${TOKEN_PATHS.invitation}${token}` }),
      },
    ]);
    await recordAudit(tx, actor, { entity: "Membership", entityId: membership.id, action: "update", after: { invitationResent: true } });
    return { ok: true as const };
  });
}

type Unusable = "unknown" | "expired" | "used" | "disabled";
export type TokenCheck =
  | { ok: true; tokenId: string; userId: string; email: string; name: string; organisationId: string; organisationName: string }
  | { ok: false; reason: Unusable; message: string };

const TOKEN_MESSAGES: Record<TokenPurpose, Record<Unusable, string>> = {
  invitation: {
    unknown: "This invitation link is not valid. Check that you opened the whole link from the email, or ask the trust to send a new invitation.",
    expired: `This invitation has expired (links work for ${INVITATION_DAYS} days). Ask the trust to send you a new one.`,
    used: "This invitation has already been used (or a newer one was sent). Sign in with the password you chose, or use “Forgot your password?”.",
    disabled: "This account is not active. Ask the trust's administrator.",
  },
  "password-reset": {
    unknown: "This password-reset link is not valid. Check that you opened the whole link from the email, or ask for a new one.",
    expired: `This password-reset link has expired (links work for ${RESET_MINUTES} minutes). Ask for a new one.`,
    used: "This password-reset link has already been used (or a newer one was sent). Ask for a new one if you still need it.",
    disabled: "This account is not active. Ask the trust's administrator.",
  },
};

/** Whether a link may still be used, and for whom. Only reads. */
export async function checkToken(db: Db | Tx, purpose: TokenPurpose, token: string, now = new Date()): Promise<TokenCheck> {
  const fail = (reason: Unusable) => ({ ok: false as const, reason, message: TOKEN_MESSAGES[purpose][reason] });
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return fail("unknown");
  // cross-organisation: a one-time link is looked up by its hash before anyone knows the organisation
  const row = await db.accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      user: { select: { email: true, name: true, disabledAt: true, memberships: { where: { disabledAt: null }, select: { organisationId: true } } } },
      organisation: { select: { name: true } },
    },
  });
  if (!row || row.purpose !== purpose) return fail("unknown");
  if (row.usedAt) return fail("used");
  if (row.expiresAt <= now) return fail("expired");
  if (row.user.disabledAt || !row.user.memberships.some((m) => m.organisationId === row.organisationId)) return fail("disabled");
  return { ok: true, tokenId: row.id, userId: row.userId, email: row.user.email, name: row.user.name, organisationId: row.organisationId, organisationName: row.organisation.name };
}

export type RedeemResult = { ok: true; userId: string; organisationId: string } | { ok: false; reason: Unusable | "wrong-user"; message: string };

/**
 * Uses a link: sets the password (already checked against the password rules by the caller), marks the link
 * used, signs the person out everywhere and records it. `signedInUserId` is whoever is signed in in this
 * browser: a link for someone else is refused, so nobody sets another person's password by mistake.
 */
export async function redeemToken(
  db: Db,
  purpose: TokenPurpose,
  token: string,
  newPassword: string,
  options: { signedInUserId?: string | null; ipAddress?: string; now?: Date } = {},
): Promise<RedeemResult> {
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    const check = await checkToken(tx, purpose, token, now);
    if (!check.ok) return check;
    if (options.signedInUserId && options.signedInUserId !== check.userId) {
      return { ok: false as const, reason: "wrong-user" as const, message: `This link is for ${check.email}, and you are signed in as someone else. Sign out first, then open the link again.` };
    }
    // only one use can match usedAt: null
    const { count } = await tx.accountToken.updateMany({ where: { id: check.tokenId, usedAt: null }, data: { usedAt: now } });
    if (count !== 1) return { ok: false as const, reason: "used" as const, message: TOKEN_MESSAGES[purpose].used };
    await tx.accountToken.updateMany({ where: { userId: check.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: check.userId }, data: { passwordHash, passwordChangedAt: now } });
    await tx.session.deleteMany({ where: { userId: check.userId } });
    // a successful sign-in from this address ends any sign-in pause (app/modules/auth/throttle.server.ts)
    if (options.ipAddress) await tx.loginAttempt.create({ data: { email: check.email, ipAddress: options.ipAddress, succeeded: true } });
    await recordAudit(tx, { organisationId: check.organisationId, requestId: "", userId: check.userId, label: check.name }, {
      entity: "User",
      entityId: check.userId,
      action: "update",
      after: { password: purpose === "invitation" ? "set from an invitation link" : "reset from an emailed link" },
    });
    return { ok: true as const, userId: check.userId, organisationId: check.organisationId };
  });
}

/**
 * A "forgot your password?" request. Sends a reset link when the address belongs to an active account and the
 * throttles allow; otherwise does nothing. The caller answers the same either way.
 */
export async function requestPasswordReset(
  db: Db,
  email: string,
  ipAddress: string,
  baseUrl: string,
  now = new Date(),
): Promise<{ sent: true } | { sent: false; reason: "unknown" | "account-throttled" | "address-throttled" }> {
  const windowStart = new Date(now.getTime() - RESET_WINDOW_MINUTES * 60_000);
  // cross-organisation: password-reset throttle per address, across trusts (the address is not a trust's)
  const fromAddress = await db.accountToken.count({ where: { purpose: "password-reset", requestedFrom: ipAddress, createdAt: { gte: windowStart } } });
  if (fromAddress >= RESET_PER_ADDRESS) return { sent: false, reason: "address-throttled" };
  const user = await db.user.findUnique({
    where: { email },
    include: { memberships: { where: { disabledAt: null }, orderBy: { createdAt: "asc" }, take: 1, include: { organisation: { select: { name: true } } } } },
  });
  const membership = user?.memberships[0];
  if (!user || user.disabledAt || !membership) return { sent: false, reason: "unknown" };
  // cross-organisation: reset throttle per person, whichever trust sent their links
  const lastHour = await db.accountToken.count({ where: { userId: user.id, purpose: "password-reset", createdAt: { gte: new Date(now.getTime() - 60 * 60_000) } } });
  if (lastHour >= RESET_PER_ACCOUNT) return { sent: false, reason: "account-throttled" };
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, "password-reset", user.id, membership.organisationId, now, ipAddress);
    const organisationName = membership.organisation.name;
    await queueEmails(tx, membership.organisationId, `password-reset:${user.id}`, [
      {
        to: user.email,
        subject: `Reset your password for ${organisationName}`,
        text: [
          `Hello ${user.name},`,
          "",
          "Someone (we hope you) asked to reset your Commonground password. To choose a new password, open this link within the next hour:",
          `${baseUrl}${TOKEN_PATHS["password-reset"]}${token}`,
          "",
          "The link works once. If you did not ask for this, ignore this email: your password stays as it is.",
          "",
          organisationName,
        ].join("\n"),
      },
    ]);
  });
  return { sent: true };
}

/** Members of this organisation who were invited and have not yet set a password (Settings → Users). */
export async function pendingInvitationUserIds(db: Db, organisationId: string): Promise<Set<string>> {
  const users = await db.user.findMany({ where: { passwordHash: NO_PASSWORD, memberships: { some: { organisationId } } }, select: { id: true } });
  return new Set(users.map((u) => u.id));
}
