import { recordAudit, systemActor } from "~/modules/audit/audit.server";
import { hashPassword } from "~/modules/auth/password.server";
import type { Db } from "~/utils/db.server";

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return slug || "organisation";
}

export type NewOrganisation = { name: string; state?: string; county?: string; address?: string };

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
