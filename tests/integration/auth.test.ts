import { describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/login";
import { loader as homeLoader } from "~/routes/_index";
import { action as passwordAction } from "~/routes/account.password";
import { getActor } from "~/modules/auth/session.server";
import { authenticate } from "~/modules/users/users.server";
import { db } from "~/utils/db.server";
import { createMember, createOrganisation, TEST_PASSWORD } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

describe("signing in", () => {
  it("signs in with the right password and the session identifies the user and organisation", async () => {
    const { organisation, user } = await createOrganisation(db());
    const response = (await run(loginAction, postRequest("/login", { email: user.email.toUpperCase(), password: TEST_PASSWORD, redirectTo: "/parcels" }))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/parcels");
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const actor = await getActor(getRequest("/", setCookie.split(";")[0]));
    expect(actor).toMatchObject({ userId: user.id, organisationId: organisation.id, role: "admin" });
    const session = await db().session.findFirst({ where: { userId: user.id } });
    expect(session!.id).not.toContain(setCookie.split(";")[0]!.split("=")[1]!.slice(0, 10));
  });

  it("refuses a wrong password with a message and a 401, and a malformed email with a field error", async () => {
    const { user } = await createOrganisation(db());
    const wrong = await unwrap(await run(loginAction, postRequest("/login", { email: user.email, password: "not the password" })));
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(wrong.body)).toContain("do not match");
    const malformed = await unwrap(await run(loginAction, postRequest("/login", { email: "not-an-email", password: "x" })));
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain("Enter a valid email address");
  });

  it("never redirects off-site after sign-in", async () => {
    const { user } = await createOrganisation(db());
    const response = (await run(loginAction, postRequest("/login", { email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example" }))) as Response;
    expect(response.headers.get("Location")).toBe("/");
    // /login?redirectTo=%2F%09%2Fevil.example%2Fx: browsers drop the tab and would read "//evil.example/x"
    for (const redirectTo of ["/\t/evil.example/x", "/\\evil.example", "/%2F%2Fevil.example"]) {
      const sneaky = (await run(loginAction, postRequest("/login", { email: user.email, password: TEST_PASSWORD, redirectTo }))) as Response;
      expect(sneaky.headers.get("Location")).toBe("/");
    }
  });

  it("pauses sign-in after 5 failures per account and address, even with the right password, and not from another address", async () => {
    const { user } = await createOrganisation(db());
    for (let i = 0; i < 5; i++) {
      const result = await authenticate(db(), user.email, "wrong password", "10.0.0.1");
      expect(result.ok).toBe(false);
    }
    const locked = await unwrap(await run(loginAction, postRequest("/login", { email: user.email, password: TEST_PASSWORD }, { ip: "10.0.0.1" })));
    expect(locked.status).toBe(429);
    expect(JSON.stringify(locked.body)).toMatch(/Too many failed sign-in attempts.*try again in 15 minutes/);
    const otherAddress = await authenticate(db(), user.email, TEST_PASSWORD, "10.0.0.2");
    expect(otherAddress.ok).toBe(true);
  });

  it("refuses a disabled account", async () => {
    const { organisation } = await createOrganisation(db());
    const { user } = await createMember(db(), organisation.id, "staff");
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    const result = await authenticate(db(), user.email, TEST_PASSWORD, "10.0.0.3");
    expect(result.ok).toBe(false);
  });

  it("sends a signed-out visitor to the sign-in page, remembering where they were going", async () => {
    const response = (await run(homeLoader, getRequest("/?tab=1"))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2F%3Ftab%3D1");
  });
});

describe("the session of a signed-in person", () => {
  it("names the person, the trust, its time zone and role, and every trust they are active in", async () => {
    const { organisation, user } = await createOrganisation(db(), { name: "Mill River Land Trust", timeZone: "America/Chicago" });
    const { membership: staffElsewhere } = await createOrganisation(db(), { name: "Alder Land Trust" }).then(async (other) => ({
      membership: await db().membership.create({ data: { organisationId: other.organisation.id, userId: user.id, role: "staff" } }),
    }));
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const actor = await getActor(getRequest("/", cookie));
    expect(actor).toMatchObject({
      userId: user.id,
      email: user.email,
      organisationId: organisation.id,
      organisationName: "Mill River Land Trust",
      timeZone: "America/Chicago",
      role: "admin",
      householdId: null,
    });
    expect(actor!.organisations).toEqual([
      { id: staffElsewhere.organisationId, name: "Alder Land Trust" },
      { id: organisation.id, name: "Mill River Land Trust" },
    ]);
  });

  it("ends when it expires, when the account is disabled, and when the membership in its trust is disabled", async () => {
    const expired = await createOrganisation(db());
    const expiredCookie = await sessionCookieFor(expired.user.id, expired.organisation.id);
    expect(await getActor(getRequest("/", expiredCookie))).not.toBeNull();
    await db().session.updateMany({ where: { userId: expired.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getActor(getRequest("/", expiredCookie))).toBeNull();

    const disabled = await createOrganisation(db());
    const disabledCookie = await sessionCookieFor(disabled.user.id, disabled.organisation.id);
    await db().user.update({ where: { id: disabled.user.id }, data: { disabledAt: new Date() } });
    expect(await getActor(getRequest("/", disabledCookie))).toBeNull();

    const left = await createOrganisation(db());
    const leftCookie = await sessionCookieFor(left.user.id, left.organisation.id);
    await db().membership.updateMany({ where: { userId: left.user.id }, data: { disabledAt: new Date() } });
    expect(await getActor(getRequest("/", leftCookie))).toBeNull();
  });
});

describe("changing the password", () => {
  it("requires the current password, then signs other sessions out", async () => {
    const { organisation, user } = await createOrganisation(db());
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const otherDevice = await sessionCookieFor(user.id, organisation.id);
    const bad = await unwrap(
      await run(passwordAction, postRequest("/account/password", { currentPassword: "nope", newPassword: "a brand new password", confirmPassword: "a brand new password" }, { cookie })),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("current password is not correct");
    const mismatch = await unwrap(
      await run(passwordAction, postRequest("/account/password", { currentPassword: TEST_PASSWORD, newPassword: "a brand new password", confirmPassword: "different" }, { cookie })),
    );
    expect(mismatch.status).toBe(400);
    const ok = (await run(
      passwordAction,
      postRequest("/account/password", { currentPassword: TEST_PASSWORD, newPassword: "a brand new password", confirmPassword: "a brand new password" }, { cookie }),
    )) as Response;
    expect(ok.status).toBe(302);
    expect(await getActor(getRequest("/", cookie))).not.toBeNull();
    expect(await getActor(getRequest("/", otherDevice))).toBeNull();
    expect((await authenticate(db(), user.email, "a brand new password", "10.9.9.9")).ok).toBe(true);
  });
});
