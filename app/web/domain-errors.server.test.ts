import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it, vi } from "vitest";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, SignInRequiredError, formErrorsOf, formStatusOf } from "~/utils/errors";
import { domainErrorResponse, handlingDomainErrors, withDomainErrors } from "./domain-errors.server";

describe("domain errors become HTTP answers in one place", () => {
  it("maps not found, conflict, invalid and forbidden to 404, 409, 400 and 403 with the user's message", async () => {
    const cases = [
      [new NotFoundError("Household not found"), 404, "Household not found"],
      [new ConflictError("This record was changed by someone else — review and save again."), 409, "This record was changed by someone else — review and save again."],
      [new InvalidError("The date cannot be after today (2025-01-31).", { field: "date" }), 400, "The date cannot be after today (2025-01-31)."],
      [new ForbiddenError(), 403, "You do not have permission to do this."],
    ] as const;
    for (const [error, status, text] of cases) {
      const response = domainErrorResponse(error)!;
      expect(response.status).toBe(status);
      expect(await response.text()).toBe(text);
    }
  });

  it("sends someone who is not signed in to the sign-in page and back to where they were", () => {
    const response = domainErrorResponse(new SignInRequiredError("/households?q=ash"))!;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fhouseholds%3Fq%3Dash");
  });

  it("recognises errors thrown by another copy of the errors module (the Remix build and the server bundle each have one)", async () => {
    vi.resetModules();
    const other = await import("~/utils/errors");
    const forbidden = new other.ForbiddenError();
    expect(forbidden instanceof ForbiddenError).toBe(false); // really another copy: instanceof cannot see it
    expect(domainErrorResponse(forbidden)!.status).toBe(403);
    expect(domainErrorResponse(new other.NotFoundError("Lease not found"))!.status).toBe(404);
    const signIn = domainErrorResponse(new other.SignInRequiredError("/leases"))!;
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("Location")).toBe("/login?redirectTo=%2Fleases");
  });

  it("leaves any other error alone (a fault stays a 500)", () => {
    expect(domainErrorResponse(new Error("boom"))).toBeNull();
    expect(domainErrorResponse(new Response("x", { status: 404 }))).toBeNull();
  });

  it("wraps every loader and action of the server build, leaving their results as they were", async () => {
    const build = {
      routes: {
        "routes/a": { id: "routes/a", module: { loader: () => { throw new NotFoundError("Parcel not found"); }, action: () => "saved", default: () => null } },
        root: { id: "root", module: { default: () => null } },
      },
    } as unknown as ServerBuild;
    const wrapped = withDomainErrors(build);
    const thrown = await Promise.resolve(wrapped.routes["routes/a"]!.module.loader!({} as never)).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
    expect(await wrapped.routes["routes/a"]!.module.action!({} as never)).toBe("saved");
    expect(wrapped.routes.root!.module.loader).toBeUndefined();
    await expect(handlingDomainErrors(() => { throw new TypeError("bug"); })()).rejects.toBeInstanceOf(TypeError);
  });

  it("puts a field's message beside its field, or above the form when it has none", () => {
    expect(formErrorsOf(new InvalidError("Too large", { field: "amount" }))).toEqual({ fieldErrors: { amount: ["Too large"] } });
    expect(formErrorsOf(new ConflictError("Someone saved first"))).toEqual({ formErrors: ["Someone saved first"] });
    expect(formStatusOf(new ConflictError("Someone saved first"))).toBe(409);
    expect(formStatusOf(new InvalidError("Too large"))).toBe(400);
  });
});
