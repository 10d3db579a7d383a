import { recordAudit, systemActor, type AuditActor } from "~/modules/audit/audit.server";
import { hashPassword } from "~/modules/auth/password.server";
import { todayIn } from "~/utils/calendar-date";
import type { Db } from "~/utils/db.server";
import { timeZoneForState } from "./time-zone";

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return slug || "organisation";
}

/** `timeZone` (an IANA name, checked by the caller with `checkTimeZone`) defaults to the usual zone of `state`. */
export type NewOrganisation = { name: string; state?: string; county?: string; address?: string; timeZone?: string };

/** Creates an organisation and its first administrator in one transaction. */
export async function createOrganisationWithAdmin(
  db: Db,
  organisation: NewOrganisation,
  admin: { email: string; name: string; password: string },
) {
  const passwordHash = await hashPassword(admin.password);
  return db.$transaction(async (tx) => {
    let slug = slugify(organisation.name);
    for (let n = 2; await tx.organisation.findUnique({ where: { slug } }); n++) slug = `${slugify(organisation.name)}-${n}`;
    const created = await tx.organisation.create({
      data: {
        name: organisation.name,
        slug,
        state: organisation.state ?? "",
        county: organisation.county ?? "",
        address: organisation.address ?? "",
        timeZone: organisation.timeZone ?? timeZoneForState(organisation.state),
      },
    });
    const existing = await tx.user.findUnique({ where: { email: admin.email } });
    const user = existing ?? (await tx.user.create({ data: { email: admin.email, name: admin.name, passwordHash } }));
    const membership = await tx.membership.create({ data: { organisationId: created.id, userId: user.id, role: "admin" } });
    const actor = systemActor(created.id);
    await recordAudit(tx, actor, { entity: "Organisation", entityId: created.id, action: "create", after: created });
    await recordAudit(tx, actor, {
      entity: "Membership",
      entityId: membership.id,
      action: "create",
      after: { email: user.email, name: user.name, role: "admin" },
    });
    return { organisation: created, user, membership };
  });
}

/** The organisation's IANA time zone. */
export async function organisationTimeZone(db: Db, organisationId: string): Promise<string> {
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { timeZone: true } });
  return organisation.timeZone;
}

/**
 * The trust's today: the calendar date now in its time zone. Every "today" — form defaults, lease references,
 * document dates, "not in the future" checks, status by date — comes from here (or `todayIn(actor.timeZone)`
 * in a route that has the signed-in actor).
 */
export async function organisationToday(db: Db, organisationId: string, now: Date = new Date()): Promise<string> {
  return todayIn(await organisationTimeZone(db, organisationId), now);
}

/** Changes the trust's time zone (admins, Settings → Time zone); audited. `timeZone` must be canonical (`checkTimeZone`). */
export async function updateOrganisationTimeZone(db: Db, actor: AuditActor, timeZone: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: actor.organisationId }, select: { timeZone: true } });
    if (before.timeZone === timeZone) return;
    await tx.organisation.update({ where: { id: actor.organisationId }, data: { timeZone } });
    await recordAudit(tx, actor, { entity: "Organisation", entityId: actor.organisationId, action: "update", before, after: { timeZone } });
  });
}

/** The organisation's slug and IANA time zone (the stewardship calendar's JSON names the trust by its slug). */
export async function organisationSlugAndTimeZone(db: Db, organisationId: string): Promise<{ slug: string; timeZone: string }> {
  return db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { slug: true, timeZone: true } });
}
