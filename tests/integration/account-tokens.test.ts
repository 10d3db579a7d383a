import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { checkToken, inviteUser, requestPasswordReset, RESET_PER_ACCOUNT } from "~/modules/auth/account-tokens.server";
import { authenticate } from "~/modules/users/users.server";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as invitationAction, loader as invitationLoader } from "~/routes/invitation.$token";
import { action as resetAction, loader as resetLoader } from "~/routes/password-reset.$token";
import { action as editMemberAction, loader as editMemberLoader } from "~/routes/settings.users.$membershipId";
import { loader as usersLoader } from "~/routes/settings.users._index";
import { action as addUserAction } from "~/routes/settings.users.new";
import { parseEnv } from "~/utils/env.server";
import { db } from "~/utils/db.server";
import { createHousehold } from "~/modules/demo/households";
import { createMember, createOrganisation, TEST_PASSWORD } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * Invitations and password resets by emailed one-time link (app/modules/auth/account-tokens.server.ts), through
 * the routes as a browser uses them. The link is read back from the outbox, the way the person receives it.
 */
const NEW_PASSWORD = "violet tractor anchors pepper";
const DAY = 24 * 60 * 60_000;

async function adminSession() {
  const { organisation, user } = await createOrganisation(db());
  return { organisation, admin: user, cookie: await sessionCookieFor(user.id, organisation.id) };
}

/** The last message queued for an address, and the token in its link. */
async function lastLink(to: string, path: "/invitation/" | "/password-reset/") {
  const message = await db().emailMessage.findFirstOrThrow({ where: { toAddress: to }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const match = new RegExp(`http://localhost${path}([A-Za-z0-9_-]+)`).exec(message.textBody);
  expect(match, message.textBody).not.toBeNull();
  return { message, token: match![1]! };
}

async function invite(cookie: string, form: Record<string, string>) {
  return (await run(addUserAction, postRequest("/settings/users/new", form, { cookie }))) as Response;
}

function passwordForm(password = NEW_PASSWORD, confirm = password) {
  return { newPassword: password, confirmPassword: confirm };
}

describe("invitations", () => {
  it("an admin invites a homeowner of a household; the link, used once, sets the password and signs them in", async () => {
    const { organisation, cookie } = await adminSession();
    const household = await createHousehold(db(), organisation.id, { name: "Okafor household" });
    const response = await invite(cookie, { name: "Ada Okafor", email: "ada.okafor@example.org", role: "homeowner", householdId: household.id, password: "" });
    expect(response.status).toBe(302);

    const user = await db().user.findUniqueOrThrow({ where: { email: "ada.okafor@example.org" } });
    const membership = await db().membership.findFirstOrThrow({ where: { userId: user.id, organisationId: organisation.id } });
    expect(membership).toMatchObject({ role: "homeowner", householdId: household.id });
    // no password until the link is used: signing in with anything fails
    expect((await authenticate(db(), user.email, "", "10.0.0.1")).ok).toBe(false);

    const { message, token } = await lastLink("ada.okafor@example.org", "/invitation/");
    expect(message.organisationId).toBe(organisation.id);
    expect(message.subject).toBe(`Your invitation to ${organisation.name}`);
    expect(message.textBody).toContain("within 7 days");
    // hashed at rest: the database holds the SHA-256 of the link's secret, never the secret
    const stored = await db().accountToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(await db().accountToken.findMany())).not.toContain(token);

    // the admin's list shows them as invited
    const users = (await unwrap(await run(usersLoader, getRequest("/settings/users", cookie)))).body as { members: { email: string; invited: boolean }[] };
    expect(users.members.find((m) => m.email === "ada.okafor@example.org")!.invited).toBe(true);

    const page = await unwrap(await run(invitationLoader, getRequest(`/invitation/${token}`), { token }));
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    expect(page.body).toMatchObject({ usable: true, email: "ada.okafor@example.org", name: "Ada Okafor", organisationName: organisation.name });

    // a guessable password and a mismatch are refused next to the field, and the link stays usable
    const weak = await unwrap(await run(invitationAction, postRequest(`/invitation/${token}`, passwordForm("password1234")), { token }));
    expect(weak.status).toBe(400);
    expect((weak.body as { reply: { error: Record<string, string[]> } }).reply.error.newPassword![0]).toMatch(/too easy to guess/);
    const mismatch = await unwrap(await run(invitationAction, postRequest(`/invitation/${token}`, passwordForm(NEW_PASSWORD, "violet tractor anchors")), { token }));
    expect(mismatch.status).toBe(400);
    expect((mismatch.body as { reply: { error: Record<string, string[]> } }).reply.error.confirmPassword).toEqual(["The two passwords do not match"]);
    expect((await checkToken(db(), "invitation", token)).ok).toBe(true);

    const accepted = (await run(invitationAction, postRequest(`/invitation/${token}`, passwordForm(), { ip: "10.0.0.9" }), { token })) as Response;
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toBe("/");
    expect(accepted.headers.get("Set-Cookie")).toMatch(/^cg_session=/);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
    expect((await authenticate(db(), user.email, NEW_PASSWORD, "10.0.0.1")).ok).toBe(true);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { organisationId: organisation.id, entity: "User", entityId: user.id } });
    expect(audit).toMatchObject({ userId: user.id, action: "update" });
    expect(audit.changes).toMatchObject({ after: { password: "set from an invitation link" } });

    // single use: the page says so (410), and a second submission changes nothing
    const again = await unwrap(await run(invitationLoader, getRequest(`/invitation/${token}`), { token }));
    expect(again.status).toBe(410);
    expect((again.body as { message: string }).message).toMatch(/already been used/);
    const hashBefore = (await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    const reuse = await unwrap(await run(invitationAction, postRequest(`/invitation/${token}`, passwordForm("quiet harbour lantern seventeen")), { token }));
    expect(reuse.status).toBe(410);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hashBefore);
  });

  it("expires after 7 days: the page says so and the password stays unset", async () => {
    const { organisation, admin } = await adminSession();
    const sent = new Date(Date.now() - 7 * DAY - 60_000);
    const result = await inviteUser(db(), { ...systemActor(organisation.id, "Avery Admin"), userId: admin.id, organisationName: organisation.name }, { email: "late@example.org", name: "Lee Late", role: "viewer" }, "http://localhost", sent);
    expect(result.ok).toBe(true);
    const { token } = await lastLink("late@example.org", "/invitation/");
    // 7 days less a minute after sending it still worked; at 7 days it no longer does
    expect((await checkToken(db(), "invitation", token, new Date(sent.getTime() + 7 * DAY - 60_000))).ok).toBe(true);
    expect(await checkToken(db(), "invitation", token, new Date(sent.getTime() + 7 * DAY))).toMatchObject({ ok: false, reason: "expired" });
    const page = await unwrap(await run(invitationLoader, getRequest(`/invitation/${token}`), { token }));
    expect(page.status).toBe(410);
    expect((page.body as { message: string }).message).toMatch(/expired/);
    const post = await unwrap(await run(invitationAction, postRequest(`/invitation/${token}`, passwordForm()), { token }));
    expect(post.status).toBe(410);
    expect((await db().user.findUniqueOrThrow({ where: { email: "late@example.org" } })).passwordHash).toBe("");
  });

  it("refuses a link for another person when someone else is signed in, and leaves it usable for its owner", async () => {
    const { organisation, cookie } = await adminSession();
    await invite(cookie, { name: "Sam Staff", email: "sam.staff@example.org", role: "staff", password: "" });
    const { token } = await lastLink("sam.staff@example.org", "/invitation/");
    const page = await unwrap(await run(invitationLoader, getRequest(`/invitation/${token}`, cookie), { token }));
    expect(page.status).toBe(403);
    expect((page.body as { message: string }).message).toMatch(/This link is for sam\.staff@example\.org/);
    const post = await unwrap(await run(invitationAction, postRequest(`/invitation/${token}`, passwordForm(), { cookie }), { token }));
    expect(post.status).toBe(403);
    expect((await db().user.findUniqueOrThrow({ where: { email: "sam.staff@example.org" } })).passwordHash).toBe("");
    expect((await checkToken(db(), "invitation", token)).ok).toBe(true);
    // a made-up token, or an invitation's token on the reset page, is unknown (404)
    expect((await unwrap(await run(invitationLoader, getRequest("/invitation/notarealtokennotarealtoken"), { token: "notarealtokennotarealtoken" }))).status).toBe(404);
    expect((await unwrap(await run(resetLoader, getRequest(`/password-reset/${token}`), { token }))).status).toBe(404);
    expect(organisation.id).toBeTruthy();
  });

  it("a new invitation cancels the earlier link; a disabled member's link does not work", async () => {
    const { cookie } = await adminSession();
    await invite(cookie, { name: "Robin Board", email: "robin.board@example.org", role: "viewer", password: "" });
    const first = await lastLink("robin.board@example.org", "/invitation/");
    const membership = await db().membership.findFirstOrThrow({ where: { user: { email: "robin.board@example.org" } } });
    const edit = (await unwrap(await run(editMemberLoader, getRequest(`/settings/users/${membership.id}`, cookie), { membershipId: membership.id }))).body as { invitationPending: boolean };
    expect(edit.invitationPending).toBe(true);
    const resent = (await run(editMemberAction, postRequest(`/settings/users/${membership.id}`, { intent: "resend-invitation" }, { cookie }), { membershipId: membership.id })) as Response;
    expect(resent.status).toBe(302);
    const second = await lastLink("robin.board@example.org", "/invitation/");
    expect(second.token).not.toBe(first.token);
    expect(await checkToken(db(), "invitation", first.token)).toMatchObject({ ok: false, reason: "used" });
    expect((await checkToken(db(), "invitation", second.token)).ok).toBe(true);

    await run(editMemberAction, postRequest(`/settings/users/${membership.id}`, { intent: "save", role: "viewer", disabled: "on", version: String(membership.version) }, { cookie }), { membershipId: membership.id });
    expect(await checkToken(db(), "invitation", second.token)).toMatchObject({ ok: false, reason: "disabled" });
  });

  it("a homeowner needs a household of this trust; bad input changes nothing", async () => {
    const { organisation, cookie } = await adminSession();
    const other = await createOrganisation(db());
    const foreign = await createHousehold(db(), other.organisation.id, { name: "Elsewhere household" });
    const messagesBefore = await db().emailMessage.count({ where: { organisationId: organisation.id } });
    const none = await unwrap(await invite(cookie, { name: "Hal Home", email: "hal@example.org", role: "homeowner", password: "" }).catch((e: unknown) => e));
    expect(none.status).toBe(400);
    expect((none.body as { error: Record<string, string[]> }).error.householdId).toEqual(["Choose the household this homeowner belongs to."]);
    const wrong = await unwrap(await invite(cookie, { name: "Hal Home", email: "hal@example.org", role: "homeowner", householdId: foreign.id, password: "" }));
    expect(wrong.status).toBe(400);
    expect((wrong.body as { error: Record<string, string[]> }).error.householdId).toEqual(["Choose a household of this organisation."]);
    expect(await db().user.count({ where: { email: "hal@example.org" } })).toBe(0);
    expect(await db().emailMessage.count({ where: { organisationId: organisation.id } })).toBe(messagesBefore);
  });

  it("a person with an account in another trust is added and told by email, with no link", async () => {
    const { organisation, cookie } = await adminSession();
    const other = await createOrganisation(db());
    const existing = await createMember(db(), other.organisation.id, "staff", { email: "shared.staff@example.org" });
    const response = await invite(cookie, { name: "Shared Staff", email: "shared.staff@example.org", role: "viewer", password: "" });
    expect(response.status).toBe(302);
    const message = await db().emailMessage.findFirstOrThrow({ where: { toAddress: "shared.staff@example.org", organisationId: organisation.id } });
    expect(message.subject).toBe(`You have been added to ${organisation.name}`);
    expect(message.textBody).not.toMatch(/invitation\//);
    expect(await db().accountToken.count({ where: { userId: existing.user.id } })).toBe(0);
    expect((await authenticate(db(), "shared.staff@example.org", TEST_PASSWORD, "10.0.0.1")).ok).toBe(true);
  });
});

describe("password reset by email", () => {
  it("answers the same for any address, emails a one-hour link, and the link signs the person out everywhere", async () => {
    const { organisation } = await adminSession();
    const { user } = await createMember(db(), organisation.id, "homeowner", { email: "pat.reset@example.org", name: "Pat Reset" });
    const oldSession = await sessionCookieFor(user.id, organisation.id);
    expect(oldSession).toBeTruthy();

    const known = await unwrap(await run(forgotAction, postRequest("/forgot-password", { email: "Pat.Reset@example.org" }, { ip: "10.1.0.1" })));
    const unknown = await unwrap(await run(forgotAction, postRequest("/forgot-password", { email: "nobody@example.org" }, { ip: "10.1.0.1" })));
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(Object.keys(known.body as object)).toEqual(Object.keys(unknown.body as object));
    expect(await db().emailMessage.count({ where: { toAddress: "nobody@example.org" } })).toBe(0);

    const { message, token } = await lastLink("pat.reset@example.org", "/password-reset/");
    expect(message.organisationId).toBe(organisation.id);
    expect(message.textBody).toContain("within the next hour");
    const stored = await db().accountToken.findFirstOrThrow({ where: { userId: user.id, purpose: "password-reset" } });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeGreaterThanOrEqual(60 * 60_000 - 2_000);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeLessThanOrEqual(60 * 60_000 + 2_000);
    expect(await checkToken(db(), "password-reset", token, new Date(stored.expiresAt.getTime()))).toMatchObject({ ok: false, reason: "expired" });
    // a reset link is not an invitation
    expect((await unwrap(await run(invitationLoader, getRequest(`/invitation/${token}`), { token }))).status).toBe(404);

    const done = (await run(resetAction, postRequest(`/password-reset/${token}`, passwordForm(), { ip: "10.1.0.1" }), { token })) as Response;
    expect(done.status).toBe(302);
    expect((await authenticate(db(), user.email, NEW_PASSWORD, "10.1.0.1")).ok).toBe(true);
    expect((await authenticate(db(), user.email, TEST_PASSWORD, "10.1.0.2")).ok).toBe(false);
    // the session from before the reset is gone; the one just created is the only one
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { entity: "User", entityId: user.id } });
    expect(audit.changes).toMatchObject({ after: { password: "reset from an emailed link" } });
    expect((await unwrap(await run(resetLoader, getRequest(`/password-reset/${token}`), { token }))).status).toBe(410);
  });

  it("is throttled per account (3 links an hour) and per client address, silently", async () => {
    const { organisation } = await adminSession();
    const { user } = await createMember(db(), organisation.id, "staff", { email: "often@example.org" });
    const now = new Date();
    for (let i = 0; i < RESET_PER_ACCOUNT; i += 1) {
      expect(await requestPasswordReset(db(), user.email, `10.2.0.${i}`, "http://localhost", now)).toEqual({ sent: true });
    }
    expect(await requestPasswordReset(db(), user.email, "10.2.0.9", "http://localhost", now)).toEqual({ sent: false, reason: "account-throttled" });
    expect(await db().emailMessage.count({ where: { toAddress: user.email } })).toBe(RESET_PER_ACCOUNT);
    // an hour later it may be asked again
    expect(await requestPasswordReset(db(), user.email, "10.2.0.9", "http://localhost", new Date(now.getTime() + 61 * 60_000))).toEqual({ sent: true });

    // one address asking for ten different accounts is paused
    const accounts = await Promise.all(Array.from({ length: 11 }, (_, i) => createMember(db(), organisation.id, "viewer", { email: `many${i}@example.org` })));
    const results = [];
    for (const account of accounts) results.push(await requestPasswordReset(db(), account.user.email, "10.3.0.1", "http://localhost", now));
    expect(results.filter((r) => r.sent)).toHaveLength(10);
    expect(results[10]).toEqual({ sent: false, reason: "address-throttled" });
    // and the page still answers as usual
    const page = await unwrap(await run(forgotAction, postRequest("/forgot-password", { email: "many10@example.org" }, { ip: "10.3.0.1" })));
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ sentTo: "many10@example.org" });
  });

  it("sends nothing for a disabled account, and refuses a malformed address next to the field", async () => {
    const { organisation } = await adminSession();
    const { user } = await createMember(db(), organisation.id, "staff", { email: "gone@example.org" });
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await requestPasswordReset(db(), user.email, "10.4.0.1", "http://localhost")).toEqual({ sent: false, reason: "unknown" });
    const bad = await unwrap(await run(forgotAction, postRequest("/forgot-password", { email: "not an address" })));
    expect(bad.status).toBe(400);
    expect((bad.body as { reply: { error: Record<string, string[]> } }).reply.error.email).toEqual(["Enter a valid email address"]);
  });
});

describe("APP_URL", () => {
  it("is required with SMTP_URL, so emailed links never come from a request's Host header", () => {
    expect(() => parseEnv({ SMTP_URL: "smtp://127.0.0.1:2525" })).toThrow(/APP_URL: is required when SMTP_URL is set/);
    expect(parseEnv({ SMTP_URL: "smtp://127.0.0.1:2525", APP_URL: "https://app.riverbend.example" }).APP_URL).toBe("https://app.riverbend.example");
    expect(() => parseEnv({ APP_URL: "app.riverbend.example" })).toThrow(/APP_URL: must be an http/);
  });
});
