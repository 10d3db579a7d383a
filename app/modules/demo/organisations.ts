import { randomBytes } from "node:crypto";
import { hashPassword } from "~/modules/auth/password.server";
import { createOrganisationWithAdmin } from "~/modules/organisations/organisations.server";
import type { Db } from "~/utils/db.server";
import type { Role } from "~/utils/permissions";

/** Factories shared by the tests and the demo seed (docs/decisions: demo data from test factories). */

let sequence = 0;
function unique(): string {
  sequence += 1;
  return `${Date.now().toString(36)}${sequence}${randomBytes(2).toString("hex")}`;
}

export const TEST_PASSWORD = "correct horse battery staple";

export async function createOrganisation(
  db: Db,
  overrides: { name?: string; state?: string; county?: string; timeZone?: string; adminEmail?: string; adminName?: string; password?: string } = {},
) {
  const id = unique();
  const password = overrides.password ?? TEST_PASSWORD;
  const created = await createOrganisationWithAdmin(
    db,
    { name: overrides.name ?? `Test Land Trust ${id}`, state: overrides.state ?? "VT", county: overrides.county ?? "Chittenden", timeZone: overrides.timeZone },
    { email: overrides.adminEmail ?? `admin-${id}@example.org`, name: overrides.adminName ?? "Avery Admin", password },
  );
  return { ...created, password };
}

let cachedHash: Promise<string> | undefined;

export async function createMember(
  db: Db,
  organisationId: string,
  role: Role,
  options: { email?: string; name?: string; password?: string; householdId?: string } = {},
) {
  const password = options.password ?? TEST_PASSWORD;
  const passwordHash = options.password ? await hashPassword(password) : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  const user = await db.user.create({
    data: { email: options.email ?? `${role}-${unique()}@example.org`, name: options.name ?? `Test ${role}`, passwordHash },
  });
  const membership = await db.membership.create({
    data: { organisationId, userId: user.id, role, householdId: options.householdId ?? null },
  });
  return { user, membership, password };
}
