import { describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/households._index";
import { systemActor } from "~/modules/audit/audit.server";
import { commitHouseholdImport } from "~/modules/households/csv.server";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { db } from "~/utils/db.server";
import { getRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * The household import's commit writes set-based (docs/decisions/025-large-imports-set-based.md): what it stores must
 * be what creating each household on its own stored — the household, its members, its search words and one audit
 * entry per household, in file order.
 */
const CSV = `household_name,email,phone,mailing_address,first_time_buyer,ethnicity,race,member_names
Núñez household,ANA@Example.org,802-555-0100,"1 Elm St, Winooski",yes,not-hispanic,white,Ana Núñez; Ben Núñez
Okafor household,,,,no,declined,,
`;

describe("committing a household import", () => {
  it("stores each household with its members, search words and one audit entry, in file order", async () => {
    const { organisation } = await createOrganisation(db());
    const { user } = await createMember(db(), organisation.id, "staff");
    const before = new Date();
    expect(await commitHouseholdImport(db(), systemActor(organisation.id, "Importer"), CSV)).toEqual({ ok: true, created: 2 });

    const households = await db().household.findMany({
      where: { organisationId: organisation.id },
      include: { members: { orderBy: { fullName: "asc" } }, searchTokens: { orderBy: { token: "asc" } } },
      orderBy: { name: "asc" },
    });
    expect(households.map((h) => [h.name, h.email, h.phone, h.mailingAddress, h.firstTimeBuyer, h.ethnicity, h.race, h.searchText, h.archivedAt, h.version])).toEqual([
      ["Núñez household", "ana@example.org", "802-555-0100", "1 Elm St, Winooski", true, "not-hispanic", "white", "núñez household ana núñez ben núñez ana@example.org", null, 1],
      ["Okafor household", "", "", "", false, "declined", "", "okafor household", null, 1],
    ]);
    const [nunez, okafor] = households;
    expect(nunez!.members.map((m) => [m.fullName, m.relationship, m.dateOfBirth, m.email, m.phone, m.organisationId])).toEqual([
      ["Ana Núñez", "", null, "", "", organisation.id],
      ["Ben Núñez", "", null, "", "", organisation.id],
    ]);
    expect(okafor!.members).toEqual([]);
    // words folded to [0-9a-z] (ñ → n), the email's parts and the whole address
    expect(nunez!.searchTokens.map((t) => t.token)).toEqual(["ana", "anaexampleorg", "ben", "example", "household", "nunez", "org"]);
    expect(okafor!.searchTokens.map((t) => t.token)).toEqual(["household", "okafor"]);
    for (const record of [nunez!, okafor!, ...nunez!.members]) {
      expect(record.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
      expect(record.updatedAt).toEqual(record.createdAt);
    }

    const audit = await db().auditEntry.findMany({ where: { organisationId: organisation.id, entity: "Household" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(audit.map((entry) => [entry.entityId, entry.action, entry.actorLabel])).toEqual([
      [nunez!.id, "create", "Importer"],
      [okafor!.id, "create", "Importer"],
    ]);
    expect(audit[0]!.changes).toEqual({
      before: null,
      after: {
        id: nunez!.id,
        organisationId: organisation.id,
        name: "Núñez household",
        email: "ana@example.org",
        phone: "802-555-0100",
        mailingAddress: "1 Elm St, Winooski",
        firstTimeBuyer: true,
        ethnicity: "not-hispanic",
        race: "white",
        archivedAt: null,
        members: ["Ana Núñez", "Ben Núñez"],
      },
    });

    // found by a member's name without its accents, as a household created on the form is
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const found = await unwrap(await run(listLoader, getRequest("/households?q=nunez", cookie)));
    expect(JSON.stringify(found.body)).toContain("Núñez household");
    expect(JSON.stringify(found.body)).not.toContain("Okafor household");
  });

  it("lets other work run while a large file is committed", async () => {
    const { organisation } = await createOrganisation(db());
    const rows = Array.from({ length: 2_500 }, (_, i) => `Import ${i} household,h${i}@example.org,Ana Import ${i}`);
    const csv = ["household_name,email,member_names", ...rows].join("\n");
    // a timer stands for a request such as /healthz: it runs only when the import lets the event loop turn
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    try {
      expect(await commitHouseholdImport(db(), systemActor(organisation.id, "Importer"), csv)).toEqual({ ok: true, created: 2_500 });
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
    expect(await db().householdMember.count({ where: { organisationId: organisation.id } })).toBe(2_500);
    expect(await db().auditEntry.count({ where: { organisationId: organisation.id, entity: "Household" } })).toBe(2_500);
  });
});
