import { describe, expect, it } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { authenticateApiRequest, createApiToken, revokeApiToken } from "~/modules/api-tokens/api-tokens.server";
import { runResaleCommand } from "~/modules/resale/cli";
import { action, loader, MAX_BODY_BYTES } from "~/routes/api.v1.resale-calculations";
import { db } from "~/utils/db.server";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { run } from "./helpers";

const URL = "http://localhost/api/v1/resale-calculations";

const REQUEST = {
  formula: { type: "fixed-rate", annualRate: "0.015", compounding: "compound", elapsed: "full-months" },
  purchase: { price: "180000.00", date: "2015-06-01" },
  valuationDate: "2025-09-15",
  appraisals: { current: "400000.00" },
  improvements: [{ description: "New roof", cost: "12000.00", completedOn: "2020-05-01", approved: true }],
  caps: [{ type: "market-value" }],
  rounding: { mode: "down", increment: "100" },
};

async function apiToken() {
  const { organisation } = await createOrganisation(db());
  const { user } = await createMember(db(), organisation.id, "admin");
  const actor = systemActor(organisation.id, "Test");
  const token = await createApiToken(db(), actor, user.id, "Integration test");
  return { organisation, actor, ...token };
}

function post(body: string, token?: string): Request {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  return new Request(URL, { method: "POST", headers, body });
}

describe("POST /api/v1/resale-calculations", () => {
  it("answers 401 (JSON) without a valid token", async () => {
    for (const request of [post(JSON.stringify(REQUEST)), post(JSON.stringify(REQUEST), "cg_not-a-real-token")]) {
      const response = (await run(action, request)) as Response;
      expect(response.status).toBe(401);
      expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
      expect(await response.json()).toMatchObject({ error: "unauthorized" });
    }
  });

  it("answers 200 with exactly what the CLI prints for the same request, and saves nothing", async () => {
    const { organisation, secret } = await apiToken();
    const body = JSON.stringify(REQUEST);
    const response = (await run(action, post(body, secret))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const text = await response.text();
    const cli = runResaleCommand(body);
    expect(cli.exitCode).toBe(0);
    expect(text).toBe(cli.stdout);
    expect(JSON.parse(text)).toMatchObject({ boundBy: "formula" });
    expect(await db().resaleCalculation.count({ where: { organisationId: organisation.id } })).toBe(0);
  });

  it("answers 400 with the field paths for invalid fields, and for invalid JSON", async () => {
    const { secret } = await apiToken();
    const bad = { ...REQUEST, formula: { ...REQUEST.formula, annualRate: 0.015, anualRate: "0.015" }, purchase: { price: "180000.001", date: "2015-02-30" } };
    const response = (await run(action, post(JSON.stringify(bad), secret))) as Response;
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; fields: { path: string; message: string }[] };
    expect(body.error).toBe("invalid-request");
    expect(body.fields.map((f) => f.path)).toEqual(expect.arrayContaining(["formula.annualRate", "formula.anualRate", "purchase.price", "purchase.date"]));

    const broken = (await run(action, post("{ not json", secret))) as Response;
    expect(broken.status).toBe(400);
    const brokenBody = (await broken.json()) as { fields: { path: string; message: string }[] };
    expect(brokenBody.fields[0]).toMatchObject({ path: "" });
    expect(brokenBody.fields[0]!.message).toMatch(/^is not valid JSON/);
  });

  it("answers 413 for a body over 1 MB", async () => {
    const { secret } = await apiToken();
    const huge = JSON.stringify({ ...REQUEST, padding: "x".repeat(MAX_BODY_BYTES) });
    const response = (await run(action, post(huge, secret))) as Response;
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "payload-too-large" });
  });

  it("refuses a revoked token", async () => {
    const { actor, id, secret } = await apiToken();
    expect(((await run(action, post(JSON.stringify(REQUEST), secret))) as Response).status).toBe(200);
    expect(await revokeApiToken(db(), actor, id)).toBe(true);
    const response = (await run(action, post(JSON.stringify(REQUEST), secret))) as Response;
    expect(response.status).toBe(401);
  });

  it("answers 405 to GET", async () => {
    const response = (await run(loader, new Request(URL))) as Response;
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("POST");
    expect(await response.json()).toMatchObject({ error: "method-not-allowed" });
  });
});

describe("an API token's last use", () => {
  const read = (secret: string) => authenticateApiRequest(db(), new Request("http://localhost/api/v1/stewardship", { headers: { Authorization: `Bearer ${secret}` } }));
  const lastUsedAt = async (id: string) => (await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;

  it("is recorded on first use, not rewritten by every read within the minute, and refreshed once it is a minute old", async () => {
    const { id, secret } = await apiToken();
    expect(await lastUsedAt(id)).toBeNull();

    const beforeFirst = Date.now();
    expect(await read(secret)).toMatchObject({ tokenId: id });
    expect((await lastUsedAt(id))!.getTime()).toBeGreaterThanOrEqual(beforeFirst);

    // used 30 s ago: a read now leaves the stored time exactly as it was (no write on every GET)
    const thirtySecondsAgo = new Date(Date.now() - 30_000);
    await db().apiToken.update({ where: { id }, data: { lastUsedAt: thirtySecondsAgo } });
    expect(await read(secret)).toMatchObject({ tokenId: id });
    expect(await read(secret)).toMatchObject({ tokenId: id });
    expect((await lastUsedAt(id))!.getTime()).toBe(thirtySecondsAgo.getTime());

    // used 61 s ago: the next read records the new time
    await db().apiToken.update({ where: { id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    const beforeLate = Date.now();
    expect(await read(secret)).toMatchObject({ tokenId: id });
    expect((await lastUsedAt(id))!.getTime()).toBeGreaterThanOrEqual(beforeLate);
  });
});
