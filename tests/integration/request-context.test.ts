import { describe, expect, it } from "vitest";
import { getActor } from "~/modules/auth/session.server";
import { db } from "~/utils/db.server";
import { newRequestContext, runWithRequestContext } from "~/utils/request-context.server";
import { createOrganisation } from "~/modules/demo/organisations";
import { getRequest, sessionCookieFor } from "./helpers";

/**
 * One session lookup per page request: the root loader and the route loader of a GET share it
 * (app/utils/request-context.server.ts). Shown by revoking the session between the two lookups.
 */
describe("the session is looked up once per GET request", () => {
  it("a second lookup in the same GET request reuses the first; a new request sees the revocation", async () => {
    const { organisation, user } = await createOrganisation(db());
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const request = getRequest("/", cookie);
    await runWithRequestContext("GET", async () => {
      const first = await getActor(request);
      expect(first?.userId).toBe(user.id);
      await db().session.deleteMany({ where: { userId: user.id } });
      const second = await getActor(request);
      expect(second).toBe(first);
    });
    await runWithRequestContext("GET", async () => {
      expect(await getActor(getRequest("/", cookie))).toBeNull();
    });
  });

  it("a POST is not memoised: its action may sign out before the loaders run", async () => {
    const { organisation, user } = await createOrganisation(db());
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const request = getRequest("/", cookie);
    await runWithRequestContext("POST", async () => {
      expect((await getActor(request))?.userId).toBe(user.id);
      await db().session.deleteMany({ where: { userId: user.id } });
      expect(await getActor(request)).toBeNull();
    });
  });

  it("the actor lists only the person's active organisations, sorted by name", async () => {
    const { organisation, user } = await createOrganisation(db(), { name: "Zeta Land Trust" });
    const other = await db().organisation.create({ data: { name: "Alpha Land Trust", slug: `alpha-${organisation.id}` } });
    const gone = await db().organisation.create({ data: { name: "Beta Land Trust", slug: `beta-${organisation.id}` } });
    await db().membership.create({ data: { organisationId: other.id, userId: user.id, role: "viewer" } });
    await db().membership.create({ data: { organisationId: gone.id, userId: user.id, role: "viewer", disabledAt: new Date() } });
    const actor = await getActor(getRequest("/", await sessionCookieFor(user.id, organisation.id)));
    expect(actor?.organisations.map((o) => o.name)).toEqual(["Alpha Land Trust", "Zeta Land Trust"]);
    expect(actor?.organisationName).toBe("Zeta Land Trust");
  });
});

describe("who is reading", () => {
  it("the request's context notes the signed-in person, for a GET and for a POST alike", async () => {
    const { organisation, user } = await createOrganisation(db());
    const cookie = await sessionCookieFor(user.id, organisation.id);
    for (const method of ["GET", "POST"]) {
      const context = newRequestContext(method);
      await runWithRequestContext(method, () => getActor(getRequest("/", cookie)), context);
      expect({ method, reader: context.reader }).toEqual({
        method,
        reader: { organisationId: organisation.id, userId: user.id, email: user.email, role: "admin" },
      });
    }
    const signedOut = newRequestContext("GET");
    await runWithRequestContext("GET", () => getActor(getRequest("/")), signedOut);
    expect(signedOut.reader).toBeUndefined();
  });
});
