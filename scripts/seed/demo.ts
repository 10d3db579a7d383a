import { randomBytes } from "node:crypto";
import { DEMO_ORGANISATION_NAME } from "~/modules/organisations/demo";
import { db } from "~/utils/db.server";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { seedDemoPortfolio } from "~/modules/demo/demo-portfolio";
import { DEMO_MEMBER_EMAIL, seedDemoGovernance } from "~/modules/demo/demo-governance";

export const DEMO_ORGANISATION = DEMO_ORGANISATION_NAME;
export const DEMO_ADMIN_EMAIL = "admin@riverbend-clt.example";

/** A strong random password (128 bits, base64url): each demo account gets its own, printed once. */
function randomPassword(): string {
  return randomBytes(16).toString("base64url");
}

export type DemoLogin = { role: "admin" | "staff" | "viewer" | "member" | "homeowner"; email: string; password: string };
export const DEMO_HOMEOWNER_EMAIL = "homeowner@riverbend-clt.example";

/**
 * On an empty database: the demo organisation with an admin, a staff member and a viewer, and a small
 * realistic portfolio. Returns the logins (admin, staff, viewer, a governance member and a homeowner), each with its own
 * strong random password (printed once by `npm start`), or null when the database already has an
 * organisation. DEMO_PASSWORD, DEMO_STAFF_PASSWORD, DEMO_VIEWER_PASSWORD, DEMO_MEMBER_PASSWORD and DEMO_HOMEOWNER_PASSWORD fix them
 * (the browser tests do).
 */
export async function seedDemoIfEmpty(): Promise<{ organisationName: string; logins: DemoLogin[] } | null> {
  const client = db();
  if ((await client.organisation.count()) > 0) return null;
  const logins: DemoLogin[] = [
    { role: "admin", email: DEMO_ADMIN_EMAIL, password: process.env.DEMO_PASSWORD || randomPassword() },
    { role: "staff", email: "staff@riverbend-clt.example", password: process.env.DEMO_STAFF_PASSWORD || randomPassword() },
    { role: "viewer", email: "board@riverbend-clt.example", password: process.env.DEMO_VIEWER_PASSWORD || randomPassword() },
  ];
  const { organisation } = await createOrganisation(client, {
    name: DEMO_ORGANISATION,
    state: "VT",
    county: "Addison",
    adminEmail: DEMO_ADMIN_EMAIL,
    adminName: "Dana Okafor",
    password: logins[0]!.password,
  });
  await client.organisation.update({
    where: { id: organisation.id },
    data: { address: "12 Mill Street, Winooski, VT 05404" },
  });
  await createMember(client, organisation.id, "staff", { email: logins[1]!.email, name: "Sam Rivera", password: logins[1]!.password });
  await createMember(client, organisation.id, "viewer", { email: logins[2]!.email, name: "Board Member", password: logins[2]!.password });
  await seedDemoPortfolio(client, organisation.id);
  // a general member who votes online (app/modules/demo/demo-governance.ts)
  const memberLogin: DemoLogin = { role: "member", email: DEMO_MEMBER_EMAIL, password: process.env.DEMO_MEMBER_PASSWORD || randomPassword() };
  if (await seedDemoGovernance(client, organisation.id, { password: memberLogin.password })) logins.push(memberLogin);
  // a homeowner of the household with the longest-running active lease, to try My home
  const activeLease = await client.lease.findFirst({
    where: { organisationId: organisation.id, status: "active" },
    orderBy: [{ commencementDate: "asc" }, { id: "asc" }],
    select: { householdId: true, lessees: { select: { fullName: true }, orderBy: { position: "asc" }, take: 1 } },
  });
  if (activeLease) {
    const homeownerLogin: DemoLogin = { role: "homeowner", email: DEMO_HOMEOWNER_EMAIL, password: process.env.DEMO_HOMEOWNER_PASSWORD || randomPassword() };
    await createMember(client, organisation.id, "homeowner", {
      email: homeownerLogin.email,
      name: activeLease.lessees[0]?.fullName ?? "Demo Homeowner",
      password: homeownerLogin.password,
      householdId: activeLease.householdId,
    });
    logins.push(homeownerLogin);
  }
  return { organisationName: DEMO_ORGANISATION, logins };
}
