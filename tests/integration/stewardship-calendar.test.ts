import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { systemActor } from "~/modules/audit/audit.server";
import { createApiToken } from "~/modules/api-tokens/api-tokens.server";
import { calendarSummary, stewardshipCalendar, storedEventFor } from "~/modules/stewardship/calendar.server";
import { runStewardshipCli } from "~/modules/stewardship/cli.server";
import { changeEventStatus, createMonitoringEvent } from "~/modules/stewardship/events.server";
import { loader as apiLoader } from "~/routes/api.v1.stewardship";
import { createDb, db } from "~/utils/db.server";
import { createLeasableHome, createLease } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { getRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * The compliance calendar on a real database (SQLite and PostgreSQL): the example lease, a year never
 * duplicated when two app servers (two database clients, each with its own connection pool) act on it at
 * once, the homeowner's own view, and the CLI and API documents (docs/stewardship.md keeps their examples).
 */
const doc = readFileSync(new URL("../../docs/stewardship.md", import.meta.url), "utf8");
const cliExample = /<!-- stewardship-example -->\s*```json\n([\s\S]*?)```/.exec(doc)![1]!;
const cliError = /<!-- stewardship-error -->\s*```json\n([\s\S]*?)```/.exec(doc)![1]!;

afterEach(() => vi.restoreAllMocks());

async function setup() {
  const { organisation, user } = await createOrganisation(db());
  const actor = { ...systemActor(organisation.id, "Dana Staff"), userId: user.id };
  const made = await createLeasableHome(db(), organisation.id, { streetAddress: "12 Alder Lane", members: ["Ana Lima"] });
  const lease = await createLease(db(), organisation.id, { status: "active", homeId: made.home.id, householdId: made.household.id, today: "2024-01-10", values: { commencementDate: "2024-01-15" } });
  return { organisation, user, actor, lease, household: made.household };
}

const staff = (organisationId: string) => ({ organisationId, role: "staff" as const, householdId: null });
const occupancy = (items: Awaited<ReturnType<typeof stewardshipCalendar>>["items"]) =>
  items.filter((i) => i.type === "occupancy_certification").map((i) => [i.dueDate, i.status, i.eventId === null ? "scheduled" : "stored"]);

describe("the compliance calendar", () => {
  it("shows a lease commenced 2024-01-15 with occupancy certifications due 2025-01-15 and 2026-01-15, the 2026 one delinquent after the 14-day grace period", async () => {
    const { organisation, actor, lease } = await setup();
    // the 2025 certification was answered and checked
    const stored = await storedEventFor(db(), actor, lease.id, "occupancy_certification:2025");
    if (!stored.ok) throw new Error(stored.message);
    await changeEventStatus(db(), actor, stored.id, { to: "submitted", version: 1, submittedOn: "2025-01-10", notes: "" });
    await changeEventStatus(db(), actor, stored.id, { to: "resolved", version: 2, resolvedOn: "2025-01-12", resolution: "Owner-occupied" });

    expect(occupancy((await stewardshipCalendar(db(), staff(organisation.id), "2026-01-29")).items)).toEqual([
      ["2025-01-15", "resolved", "stored"],
      ["2026-01-15", "open", "scheduled"],
    ]);
    const feb = await stewardshipCalendar(db(), staff(organisation.id), "2026-01-30");
    expect(occupancy(feb.items)).toEqual([
      ["2025-01-15", "resolved", "stored"],
      ["2026-01-15", "delinquent", "scheduled"],
    ]);
    // tax proof follows the same anniversaries, never answered: both delinquent on 2026-01-30
    expect(feb.items.filter((i) => i.type === "property_tax_proof").map((i) => [i.dueDate, i.status])).toEqual([
      ["2025-01-15", "delinquent"],
      ["2026-01-15", "delinquent"],
    ]);
    expect(calendarSummary(feb.items, "2026-01-30")).toMatchObject({ dueThisMonth: 2, overdue: 0, delinquent: 3, submitted: 0 });
  });

  it("follows the trust's grace period", async () => {
    const { organisation, lease } = await setup();
    await db().stewardshipSettings.create({ data: { organisationId: organisation.id, graceDays: 30 } });
    const items = (await stewardshipCalendar(db(), staff(organisation.id), "2026-02-14")).items;
    expect(items.filter((i) => i.leaseId === lease.id && i.dueDate === "2026-01-15").map((i) => i.status)).toEqual(["open", "open"]);
    expect(items.filter((i) => i.dueDate === "2026-01-15").every((i) => i.overdue)).toBe(true);
  });

  it("stores a year once when two app servers act on it at the same moment, and both then show the same event", async () => {
    const { organisation, actor, lease } = await setup();
    const url = process.env.DATABASE_URL!;
    // PostgreSQL: two clients with their own connection pools, as two app servers have. SQLite serves one
    // server (README); its driver is synchronous, so two clients in one process would wait on each other's
    // lock with the event loop blocked — there, concurrent requests of the one server share its client.
    const postgres = process.env.TEST_DATABASE === "postgresql";
    const serverA = postgres ? createDb(url) : db();
    const serverB = postgres ? createDb(url) : db();
    try {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => storedEventFor(i % 2 ? serverA : serverB, actor, lease.id, "occupancy_certification:2026")),
      );
      const ids = new Set(results.map((r) => (r.ok ? r.id : r.message)));
      expect(ids.size).toBe(1);
      expect(results.filter((r) => r.ok && r.created).length).toBe(1);
      expect(await db().monitoringEvent.count({ where: { organisationId: organisation.id, leaseId: lease.id, scheduleKey: "occupancy_certification:2026" } })).toBe(1);
      const [a, b] = await Promise.all([stewardshipCalendar(serverA, staff(organisation.id), "2026-02-01"), stewardshipCalendar(serverB, staff(organisation.id), "2026-02-01")]);
      expect(a.items).toEqual(b.items);
      expect(a.items.filter((i) => i.type === "occupancy_certification").map((i) => i.dueDate)).toEqual(["2025-01-15", "2026-01-15"]);
    } finally {
      if (postgres) await Promise.all([serverA.$disconnect(), serverB.$disconnect()]);
    }
  });

  it("refuses a schedule key that is not an occurrence of the lease", async () => {
    const { actor, lease } = await setup();
    expect(await storedEventFor(db(), actor, lease.id, "occupancy_certification:2024")).toEqual({ ok: false, message: "This scheduled event does not exist." });
    expect(await storedEventFor(db(), actor, lease.id, "inspection:2025")).toEqual({ ok: false, message: "This scheduled event does not exist." });
  });

  it("shows a homeowner only their own household's events, and staff filter by type and staff member", async () => {
    const { organisation, user, actor, lease } = await setup();
    const neighbour = await createLease(db(), organisation.id, { status: "active", values: { commencementDate: "2024-03-01" } });
    const inspection = await createMonitoringEvent(db(), actor, { leaseId: neighbour.id, type: "inspection", subject: "", dueDate: "2026-01-20", notes: "", assignedToId: user.id });
    if (!inspection.ok) throw new Error("create");
    const owner = { organisationId: organisation.id, role: "homeowner" as const, householdId: lease.householdId };
    const mine = (await stewardshipCalendar(db(), owner, "2026-02-01")).items;
    expect(new Set(mine.map((i) => i.leaseId))).toEqual(new Set([lease.id]));
    const all = (await stewardshipCalendar(db(), staff(organisation.id), "2026-02-01")).items;
    expect(new Set(all.map((i) => i.leaseId))).toEqual(new Set([lease.id, neighbour.id]));
    expect((await stewardshipCalendar(db(), staff(organisation.id), "2026-02-01", { type: "inspection" })).items.map((i) => i.eventId)).toEqual([inspection.id]);
    expect((await stewardshipCalendar(db(), staff(organisation.id), "2026-02-01", { assignedToId: user.id })).items.map((i) => i.eventId)).toEqual([inspection.id]);
  });
});

describe("the calendar as JSON", () => {
  it("clt stewardship prints the documented calendar, and the documented error for a bad date", async () => {
    const { organisation } = await setup();
    const out: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
    expect(await runStewardshipCli(["--organisation", organisation.slug, "--as-of", "2026-01-30"])).toBe(0);
    vi.restoreAllMocks();
    const normalise = (text: string) => text.replace(organisation.slug, "riverbend").replace(/Lima household [0-9a-f]+/g, "Lima household");
    expect(normalise(out.join(""))).toBe(cliExample);

    const err: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
    expect(await runStewardshipCli(["--organisation", organisation.slug, "--as-of", "2026-02-30"])).toBe(2);
    vi.restoreAllMocks();
    expect(err.join("")).toBe(cliError);
  });

  it("GET /api/v1/stewardship answers the same document with a token, the homeowner's own with a session, 400 for a bad date, 401 without either", async () => {
    const { organisation, actor, user, lease } = await setup();
    const other = await createLease(db(), organisation.id, { status: "active" });
    const { secret: token } = await createApiToken(db(), actor, user.id, "calendar");
    const withToken = await unwrap(await run(apiLoader, new Request("http://localhost/api/v1/stewardship?asOf=2026-01-30", { headers: { Authorization: `Bearer ${token}` } })));
    expect(withToken.status).toBe(200);
    const body = withToken.body as { asOf: string; items: { lease: string }[] };
    expect(body.asOf).toBe("2026-01-30");
    expect(new Set(body.items.map((i) => i.lease))).toEqual(new Set([lease.reference, other.reference]));

    const homeowner = await createMember(db(), organisation.id, "homeowner", { householdId: lease.householdId });
    const mine = await unwrap(await run(apiLoader, getRequest("/api/v1/stewardship?asOf=2026-01-30", await sessionCookieFor(homeowner.user.id, organisation.id))));
    expect(new Set((mine.body as { items: { lease: string }[] }).items.map((i) => i.lease))).toEqual(new Set([lease.reference]));

    const bad = await unwrap(await run(apiLoader, new Request("http://localhost/api/v1/stewardship?asOf=2026-13-01", { headers: { Authorization: `Bearer ${token}` } })));
    expect(bad).toMatchObject({ status: 400, body: { error: "invalid-date", field: "asOf" } });
    expect((await unwrap(await run(apiLoader, getRequest("/api/v1/stewardship")))).status).toBe(401);
  });
});
