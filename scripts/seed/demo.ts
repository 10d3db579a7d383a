import { randomInt } from "node:crypto";
import { db } from "~/utils/db.server";
import { createMember, createOrganisation } from "../../tests/factories/organisations.ts";
import { seedDemoPortfolio } from "../../tests/factories/demo-portfolio.ts";

export const DEMO_ORGANISATION = "Riverbend Community Land Trust";
export const DEMO_ADMIN_EMAIL = "admin@riverbend-clt.example";

const WORDS = ["maple", "harbor", "quilt", "meadow", "lantern", "cedar", "orchard", "pebble", "willow", "summit", "garden", "river"];

function memorablePassword(): string {
  const words = Array.from({ length: 3 }, () => WORDS[randomInt(WORDS.length)]);
  return `${words.join("-")}-${randomInt(10, 99)}`;
}

/**
 * On an empty database: the demo organisation with an admin, a staff member and a viewer, and a small
 * realistic portfolio. Returns the admin's login (printed once by `npm start`), or null when the database
 * already has an organisation. DEMO_PASSWORD fixes the password (used by the browser tests).
 */
export async function seedDemoIfEmpty(): Promise<{ organisationName: string; email: string; password: string } | null> {
  const client = db();
  if ((await client.organisation.count()) > 0) return null;
  const password = process.env.DEMO_PASSWORD || memorablePassword();
  const { organisation } = await createOrganisation(client, {
    name: DEMO_ORGANISATION,
    state: "VT",
    county: "Chittenden",
    adminEmail: DEMO_ADMIN_EMAIL,
    adminName: "Dana Okafor",
    password,
  });
  await client.organisation.update({
    where: { id: organisation.id },
    data: { address: "12 Mill Street, Winooski, VT 05404" },
  });
  await createMember(client, organisation.id, "staff", { email: "staff@riverbend-clt.example", name: "Sam Rivera", password });
  await createMember(client, organisation.id, "viewer", { email: "board@riverbend-clt.example", name: "Board Member", password });
  await seedDemoPortfolio(client, organisation.id);
  return { organisationName: DEMO_ORGANISATION, email: DEMO_ADMIN_EMAIL, password };
}
