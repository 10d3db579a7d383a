import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { ForbiddenError, SignInRequiredError } from "~/utils/errors";
import { db } from "~/utils/db.server";
import { cookieSecure, sessionSecret } from "~/utils/env.server";
import { can, isRole, type Permission, type Role } from "~/utils/permissions";
import { memoForRequest, noteRequestReader } from "~/utils/request-context.server";
import { clientAddress, requestId } from "~/utils/request.server";

export const SESSION_DAYS = 14;

/** Who is acting: the signed-in user within their organisation. Passed to every data-access function. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  organisationId: string;
  organisationName: string;
  /** The organisation's IANA time zone: `todayIn(actor.timeZone)` is the trust's today (~/utils/calendar-date). */
  timeZone: string;
  role: Role;
  householdId: string | null;
  requestId: string;
  /** Every organisation this person belongs to (a network deployment may have several). */
  organisations: { id: string; name: string }[];
};

let sessionCookie: ReturnType<typeof createCookie> | undefined;
function cookie() {
  sessionCookie ??= createCookie("cg_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: cookieSecure(),
    path: "/",
    maxAge: SESSION_DAYS * 24 * 60 * 60,
    secrets: [sessionSecret()],
  });
  return sessionCookie;
}

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function readToken(request: Request): Promise<string | null> {
  const value = await cookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** Creates a database session and returns the Set-Cookie header value. */
export async function createUserSession(request: Request, userId: string, organisationId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db().session.create({
    data: {
      id: tokenHash(token),
      userId,
      organisationId,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
      ipAddress: clientAddress(request),
      userAgent: (request.headers.get("user-agent") ?? "").slice(0, 300),
    },
  });
  return cookie().serialize(token);
}

export async function destroyUserSession(request: Request): Promise<string> {
  const token = await readToken(request);
  // cross-organisation: signing out deletes this browser's own session, found by its token
  if (token) await db().session.deleteMany({ where: { id: tokenHash(token) } });
  return cookie().serialize("", { maxAge: 0 });
}

/**
 * The actor for this request, or null when not signed in (expired, revoked or disabled accounts count as signed
 * out). Looked up once per GET request however many loaders ask (app/utils/request-context.server.ts).
 */
export async function getActor(request: Request): Promise<Actor | null> {
  const token = await readToken(request);
  if (!token) return null;
  const id = tokenHash(token);
  const actor = await memoForRequest(`actor:${id}`, () => loadActor(request, id));
  if (actor) noteRequestReader({ userId: actor.userId, email: actor.email, organisationId: actor.organisationId, role: actor.role });
  return actor;
}

type ActorRow = {
  organisationId: string;
  expiresAt: Date | string;
  userId: string;
  name: string;
  email: string;
  userDisabledAt: Date | string | null;
  memberOrganisationId: string | null;
  role: string | null;
  householdId: string | null;
  organisationName: string | null;
  timeZone: string | null;
};

/**
 * The session, its person and their active memberships in one statement: every signed-in request asks, and
 * the same lookup as nested Prisma relations costs the server about a millisecond more CPU (four queries;
 * docs/decisions/012-hot-path-queries-in-sql.md). One row per active membership (one row with null membership
 * columns when there is none).
 */
async function loadActor(request: Request, sessionId: string): Promise<Actor | null> {
  const rows = await db().$queryRaw<ActorRow[]>`
    SELECT s."organisationId", s."expiresAt", u."id" AS "userId", u."name", u."email", u."disabledAt" AS "userDisabledAt",
           m."organisationId" AS "memberOrganisationId", m."role", m."householdId", o."name" AS "organisationName", o."timeZone"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Membership" m ON m."userId" = u."id" AND m."disabledAt" IS NULL
    LEFT JOIN "Organisation" o ON o."id" = m."organisationId"
    WHERE s."id" = ${sessionId}`;
  const session = rows[0];
  if (!session || new Date(session.expiresAt) < new Date() || session.userDisabledAt !== null) return null;
  const active = rows.filter((row) => row.memberOrganisationId !== null);
  const membership = active.find((row) => row.memberOrganisationId === session.organisationId);
  if (!membership || !isRole(membership.role)) return null;
  return {
    userId: session.userId,
    name: session.name,
    email: session.email,
    organisationId: session.organisationId,
    organisationName: membership.organisationName!,
    timeZone: membership.timeZone!,
    role: membership.role,
    householdId: membership.householdId,
    requestId: requestId(request),
    organisations: active
      .map((row) => ({ id: row.memberOrganisationId!, name: row.organisationName! }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export async function requireActor(request: Request): Promise<Actor> {
  const actor = await getActor(request);
  if (!actor) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw new SignInRequiredError(redirectTo);
  }
  return actor;
}

/** Signed in and allowed; otherwise a redirect to sign in, or a 403 the error boundary explains. */
export async function requirePermission(request: Request, permission: Permission): Promise<Actor> {
  const actor = await requireActor(request);
  if (!can(actor.role, permission)) {
    throw new ForbiddenError("You do not have permission to do this.");
  }
  return actor;
}

/** Signs the user out everywhere else (after a password change), keeping this request's session. */
export async function revokeOtherSessions(request: Request, userId: string): Promise<void> {
  const token = await readToken(request);
  // cross-organisation: a user's sessions in every trust end when their password changes
  await db().session.deleteMany({ where: { userId, NOT: token ? { id: tokenHash(token) } : undefined } });
}

export { safeRedirect } from "~/utils/safe-redirect";

/** Moves this session to another organisation the person belongs to; false when they do not belong to it. */
export async function switchOrganisation(request: Request, actor: Actor, organisationId: string): Promise<boolean> {
  if (!actor.organisations.some((o) => o.id === organisationId)) return false;
  const token = await readToken(request);
  if (!token) return false;
  await db().session.update({ where: { id: tokenHash(token) }, data: { organisationId } });
  return true;
}
