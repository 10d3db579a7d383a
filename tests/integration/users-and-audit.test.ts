import { describe, expect, it } from "vitest";
import { loader as usersLoader } from "~/routes/settings.users._index";
import { action as addUserAction } from "~/routes/settings.users.new";
import { action as editMemberAction } from "~/routes/settings.users.$membershipId";
import { loader as auditLoader } from "~/routes/settings.audit";
import { db } from "~/utils/db.server";
import { createMember, createOrganisation, TEST_PASSWORD } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

async function adminSession() {
  const { organisation, user } = await createOrganisation(db());
  return { organisation, user, cookie: await sessionCookieFor(user.id, organisation.id) };
}

describe("users and roles", () => {
  it("an admin adds a staff member; the change is in the audit trail", async () => {
    const { organisation, cookie } = await adminSession();
    const response = (await run(
      addUserAction,
      postRequest("/settings/users/new", { name: "Priya Natarajan", email: "priya@example.org", role: "staff", password: "long enough password" }, { cookie }),
    )) as Response;
    expect(response.status).toBe(302);
    const membership = await db().membership.findFirstOrThrow({ where: { organisationId: organisation.id, user: { email: "priya@example.org" } } });
    expect(membership.role).toBe("staff");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { organisationId: organisation.id, entity: "Membership", entityId: membership.id } });
    expect(audit.action).toBe("create");
    expect(audit.changes).toMatchObject({ after: { email: "priya@example.org", role: "staff" } });
  });

  it("bad input gives field messages, a 400, and creates nothing", async () => {
    const { organisation, cookie } = await adminSession();
    const before = await db().membership.count({ where: { organisationId: organisation.id } });
    const result = await unwrap(await run(addUserAction, postRequest("/settings/users/new", { name: "", email: "nope", role: "wizard", password: "short" }, { cookie })));
    expect(result.status).toBe(400);
    const errors = (result.body as { error: Record<string, string[]> }).error;
    expect(Object.keys(errors).sort()).toEqual(["email", "name", "password", "role"]);
    expect(await db().membership.count({ where: { organisationId: organisation.id } })).toBe(before);
  });

  it("refuses a guessable password, or one with the person's email or the trust's name, in plain words, with the other field errors", async () => {
    const { organisation, cookie } = await adminSession();
    const before = await db().membership.count({ where: { organisationId: organisation.id } });
    const trustWord = organisation.name.split(/\s+/).find((word) => word.length >= 5 && !/community|trust|housing|land/i.test(word)) ?? organisation.name;
    const cases: [string, RegExp][] = [
      ["password1234", /too easy to guess/],
      ["qwertyuiop123", /too easy to guess/],
      ["priya.natarajan-2031", /email address/],
      [`${trustWord}-gardens-2031!`, /trust's name/],
    ];
    for (const [password, message] of cases) {
      const result = await unwrap(
        await run(addUserAction, postRequest("/settings/users/new", { name: "Priya Natarajan", email: "priya.natarajan@example.org", role: "staff", password }, { cookie })),
      );
      expect(result.status).toBe(400);
      expect((result.body as { error: Record<string, string[]> }).error.password).toEqual([expect.stringMatching(message)]);
    }
    const both = await unwrap(await run(addUserAction, postRequest("/settings/users/new", { name: "", email: "priya@example.org", role: "staff", password: "password1234" }, { cookie })));
    expect(Object.keys((both.body as { error: Record<string, string[]> }).error).sort()).toEqual(["name", "password"]);
    expect(await db().membership.count({ where: { organisationId: organisation.id } })).toBe(before);
  });

  it("staff and viewers may not manage users (403)", async () => {
    const { organisation } = await adminSession();
    for (const role of ["staff", "viewer"] as const) {
      const { user } = await createMember(db(), organisation.id, role);
      const cookie = await sessionCookieFor(user.id, organisation.id);
      const response = (await run(usersLoader, getRequest("/settings/users", cookie))) as Response;
      expect(response.status).toBe(403);
      const post = (await run(addUserAction, postRequest("/settings/users/new", { name: "X", email: "x@example.org", role: "admin", password: "long enough password" }, { cookie }))) as Response;
      expect(post.status).toBe(403);
    }
    expect(await db().user.count({ where: { email: "x@example.org" } })).toBe(0);
  });

  it("an edit over a stale version is refused and overwrites nothing", async () => {
    const { organisation, cookie } = await adminSession();
    const { membership } = await createMember(db(), organisation.id, "viewer");
    const first = (await run(editMemberAction, postRequest(`/settings/users/${membership.id}`, { intent: "save", role: "staff", version: "1" }, { cookie }), { membershipId: membership.id })) as Response;
    expect(first.status).toBe(302);
    const stale = await unwrap(await run(editMemberAction, postRequest(`/settings/users/${membership.id}`, { intent: "save", role: "admin", version: "1" }, { cookie }), { membershipId: membership.id }));
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).toContain("changed by someone else");
    const stored = await db().membership.findUniqueOrThrow({ where: { id: membership.id } });
    expect(stored.role).toBe("staff");
    expect(stored.version).toBe(2);
  });

  it("the last active administrator cannot be demoted", async () => {
    const { organisation, user, cookie } = await adminSession();
    const membership = await db().membership.findFirstOrThrow({ where: { organisationId: organisation.id, userId: user.id } });
    const result = await unwrap(await run(editMemberAction, postRequest(`/settings/users/${membership.id}`, { intent: "save", role: "viewer", version: "1" }, { cookie }), { membershipId: membership.id }));
    expect(result.status).toBe(400);
    expect((await db().membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("admin");
  });

  it("records of one organisation are invisible to another's admin", async () => {
    const a = await adminSession();
    const b = await adminSession();
    const { membership } = await createMember(db(), a.organisation.id, "staff");
    const response = (await run(editMemberAction, postRequest(`/settings/users/${membership.id}`, { intent: "save", role: "admin", version: "1" }, { cookie: b.cookie }), { membershipId: membership.id })) as Response;
    expect(response.status).toBe(404);
    const audit = await unwrap(await run(auditLoader, getRequest("/settings/audit", b.cookie)));
    const entries = (audit.body as { entries: { entityId: string }[] }).entries;
    expect(entries.some((entry) => entry.entityId === membership.id)).toBe(false);
  });

  it("the audit trail filters by record type and action", async () => {
    const { cookie } = await adminSession();
    await run(addUserAction, postRequest("/settings/users/new", { name: "Lee", email: "lee@example.org", role: "viewer", password: "long enough password" }, { cookie }));
    const result = await unwrap(await run(auditLoader, getRequest("/settings/audit?entity=Membership&action=create", cookie)));
    const body = result.body as { entries: { entity: string; action: string }[]; total: number };
    expect(body.total).toBe(2);
    expect(body.entries.every((entry) => entry.entity === "Membership" && entry.action === "create")).toBe(true);
  });
});

describe("working for several trusts of a network", () => {
  it("switches the session to another organisation the person belongs to, and only to those", async () => {
    const { action: switchAction } = await import("~/routes/account.organisation");
    const { loader: parcelsLoader } = await import("~/routes/parcels._index");
    const { getActor } = await import("~/modules/auth/session.server");
    const { createParcel } = await import("~/modules/demo/parcels");
    const first = await createOrganisation(db(), { name: "Alpha Land Trust" });
    const second = await createOrganisation(db(), { name: "Beta Land Trust" });
    const stranger = await createOrganisation(db(), { name: "Gamma Land Trust" });
    await db().membership.create({ data: { organisationId: second.organisation.id, userId: first.user.id, role: "viewer" } });
    await createParcel(db(), second.organisation.id, { parcelNumber: "BETA-1" });
    const cookie = await sessionCookieFor(first.user.id, first.organisation.id);
    expect((await getActor(getRequest("/", cookie)))!.organisations.map((o) => o.name)).toEqual(["Alpha Land Trust", "Beta Land Trust"]);

    const refused = (await run(switchAction, postRequest("/account/organisation", { organisationId: stranger.organisation.id }, { cookie }))) as Response;
    expect(refused.status).toBe(403);
    expect((await getActor(getRequest("/", cookie)))!.organisationId).toBe(first.organisation.id);

    const switched = (await run(switchAction, postRequest("/account/organisation", { organisationId: second.organisation.id }, { cookie }))) as Response;
    expect(switched.status).toBe(302);
    const actor = await getActor(getRequest("/", cookie));
    expect(actor).toMatchObject({ organisationId: second.organisation.id, role: "viewer" });
    const list = await unwrap(await run(parcelsLoader, getRequest("/parcels", cookie)));
    expect((list.body as { parcels: { parcelNumber: string }[] }).parcels.map((p) => p.parcelNumber)).toEqual(["BETA-1"]);
  });
});

describe("disabling a person", () => {
  it("disables them in this organisation only: another trust's access and sessions are untouched", async () => {
    const { getActor } = await import("~/modules/auth/session.server");
    const a = await adminSession();
    const b = await createOrganisation(db(), { name: "Other Network Trust" });
    const { user, membership } = await createMember(db(), a.organisation.id, "staff");
    await db().membership.create({ data: { organisationId: b.organisation.id, userId: user.id, role: "staff" } });
    const inA = await sessionCookieFor(user.id, a.organisation.id);
    const inB = await sessionCookieFor(user.id, b.organisation.id);

    const response = (await run(editMemberAction, postRequest(`/settings/users/${membership.id}`, { intent: "save", role: "staff", disabled: "on", version: "1" }, { cookie: a.cookie }), { membershipId: membership.id })) as Response;
    expect(response.status).toBe(302);
    expect(await getActor(getRequest("/", inA))).toBeNull();
    expect(await getActor(getRequest("/", inB))).toMatchObject({ organisationId: b.organisation.id });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).toBeNull();
    // signing in lands in the organisation where the person is still active
    const { authenticate } = await import("~/modules/users/users.server");
    expect(await authenticate(db(), user.email, TEST_PASSWORD, "10.7.7.7")).toMatchObject({ ok: true, organisationId: b.organisation.id });

    // re-enabled by A's admin, they can work in A again
    await run(editMemberAction, postRequest(`/settings/users/${membership.id}`, { intent: "save", role: "staff", version: "2" }, { cookie: a.cookie }), { membershipId: membership.id });
    expect((await db().membership.findUniqueOrThrow({ where: { id: membership.id } })).disabledAt).toBeNull();
  });
});
