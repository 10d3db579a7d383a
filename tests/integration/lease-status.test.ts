import { afterEach, describe, expect, it, vi } from "vitest";
import { runLeaseCli } from "~/modules/leases/cli.server";
import { loader as dashboardLoader } from "~/routes/_index";
import { action as leaseAction, loader as leaseLoader } from "~/routes/leases.$leaseId._index";
import { loader as listLoader } from "~/routes/leases._index";
import { loader as reportsLoader } from "~/routes/reports._index";
import { db } from "~/utils/db.server";
import { createLease } from "~/modules/demo/leases";
import { createOrganisation } from "~/modules/demo/organisations";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * Lease status follows dates: an executed or recorded lease is active from its commencement date, by the
 * trust's local date. The trust is in Los Angeles; the clock is pinned either side of midnight there on
 * 1 January 2025 (08:00 UTC), the day the "commencing" leases commence.
 */
const BEFORE = new Date("2025-01-01T07:30:00Z"); // 31 December 2024, 23:30 in Los Angeles (already 1 January in UTC)
const AFTER = new Date("2025-01-01T08:30:00Z"); // 1 January 2025, 00:30 in Los Angeles

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function setting() {
  const { organisation, user } = await createOrganisation(db(), { timeZone: "America/Los_Angeles" });
  const today = "2024-12-01"; // the leases were signed in December 2024
  const executed = await createLease(db(), organisation.id, { status: "executed", values: { commencementDate: "2025-01-01" }, today });
  const recorded = await createLease(db(), organisation.id, { status: "recorded", values: { commencementDate: "2025-01-01" }, today });
  const later = await createLease(db(), organisation.id, { status: "recorded", values: { commencementDate: "2025-06-01" }, today });
  const draft = await createLease(db(), organisation.id, { values: { commencementDate: "2025-01-01" }, today });
  const ended = await createLease(db(), organisation.id, { status: "ended", values: { commencementDate: "2020-01-01" }, today });
  const slug = (await db().organisation.findUniqueOrThrow({ where: { id: organisation.id } })).slug;
  return { organisation, slug, cookie: await sessionCookieFor(user.id, organisation.id), executed, recorded, later, draft, ended };
}

function pinClock(at: Date) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

type ListBody = { leases: { reference: string; status: string }[] };

async function listed(cookie: string, query = "") {
  const { body } = await unwrap(await run(listLoader, getRequest(`/leases${query}`, cookie)));
  return Object.fromEntries((body as ListBody).leases.map((l) => [l.reference, l.status]));
}

async function cliRows(slug: string, extra: string[] = []) {
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  expect(await runLeaseCli("leases", ["--organisation", slug, ...extra])).toBe(0);
  const rows = JSON.parse(String(stdout.mock.calls.at(-1)![0])) as { reference: string; status: string; recordedStatus: string }[];
  stdout.mockRestore();
  return Object.fromEntries(rows.map((r) => [r.reference, [r.status, r.recordedStatus]]));
}

describe("lease status follows dates (the trust's local date)", () => {
  it("before commencement in the trust's time zone: signed leases are still executed / recorded everywhere", async () => {
    const s = await setting();
    pinClock(BEFORE);
    expect(await listed(s.cookie)).toEqual({
      [s.executed.reference]: "executed",
      [s.recorded.reference]: "recorded",
      [s.later.reference]: "recorded",
      [s.draft.reference]: "draft",
      [s.ended.reference]: "ended",
    });
    expect(Object.keys(await listed(s.cookie, "?status=active"))).toEqual([]);

    const { body: report } = await unwrap(await run(reportsLoader, getRequest("/reports", s.cookie)));
    expect((report as { report: { leasesByStatus: unknown } }).report.leasesByStatus).toEqual([
      { status: "draft", count: 1 },
      { status: "executed", count: 1 },
      { status: "recorded", count: 2 },
      { status: "ended", count: 1 },
    ]);
    const { body: home } = await unwrap(await run(dashboardLoader, getRequest("/", s.cookie)));
    expect((home as { summary: object }).summary).toMatchObject({ activeLeases: 0, signedLeases: 3, draftLeases: 1 });

    expect(await cliRows(s.slug)).toMatchObject({ [s.executed.reference]: ["executed", "executed"], [s.recorded.reference]: ["recorded", "recorded"] });

    const { body: page } = await unwrap(await run(leaseLoader, getRequest(`/leases/${s.recorded.id}`, s.cookie), { leaseId: s.recorded.id }));
    expect(page).toMatchObject({ statusToday: "recorded", nextSteps: [] });
  });

  it("from the commencement date the executed and recorded leases are active in the list, its filter, the report, the dashboard, the CLI and the lease page", async () => {
    const s = await setting();
    pinClock(AFTER);
    expect(await listed(s.cookie)).toEqual({
      [s.executed.reference]: "active",
      [s.recorded.reference]: "active",
      [s.later.reference]: "recorded",
      [s.draft.reference]: "draft",
      [s.ended.reference]: "ended",
    });
    expect(Object.keys(await listed(s.cookie, "?status=active")).sort()).toEqual([s.executed.reference, s.recorded.reference].sort());
    expect(Object.keys(await listed(s.cookie, "?status=recorded"))).toEqual([s.later.reference]);
    expect(Object.keys(await listed(s.cookie, "?status=executed"))).toEqual([]);
    // a search goes through the same rule
    expect(await listed(s.cookie, `?status=active&q=${s.recorded.reference}`)).toEqual({ [s.recorded.reference]: "active" });

    const { body: report } = await unwrap(await run(reportsLoader, getRequest("/reports", s.cookie)));
    expect((report as { report: { leasesByStatus: unknown } }).report.leasesByStatus).toEqual([
      { status: "draft", count: 1 },
      { status: "recorded", count: 1 },
      { status: "active", count: 2 },
      { status: "ended", count: 1 },
    ]);
    const { body: home } = await unwrap(await run(dashboardLoader, getRequest("/", s.cookie)));
    expect((home as { summary: object }).summary).toMatchObject({ activeLeases: 2, signedLeases: 1, draftLeases: 1 });

    // the CLI: status on the trust's today, the step recorded on the lease beside it; --date asks for another day
    expect(await cliRows(s.slug)).toMatchObject({
      [s.executed.reference]: ["active", "executed"],
      [s.recorded.reference]: ["active", "recorded"],
      [s.later.reference]: ["recorded", "recorded"],
    });
    expect(await cliRows(s.slug, ["--date", "2025-06-01"])).toMatchObject({ [s.later.reference]: ["active", "recorded"] });
    expect(await cliRows(s.slug, ["--date", "2024-12-31"])).toMatchObject({ [s.recorded.reference]: ["recorded", "recorded"] });
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await runLeaseCli("leases", ["--organisation", s.slug, "--date", "2025-02-30"])).toBe(2);
    expect(JSON.parse(String(stderr.mock.calls.at(-1)![0]))).toMatchObject({ error: "invalid-date", field: "date" });

    // the lease page: active, can be ended or assigned; one not recorded yet can still be recorded
    const { body: page } = await unwrap(await run(leaseLoader, getRequest(`/leases/${s.recorded.id}`, s.cookie), { leaseId: s.recorded.id }));
    // 99 years from 2025-01-01 expire 2123-12-31; notice 24 months to 6 months before: 2121-12-31 to 2123-06-30
    expect(page).toMatchObject({ statusToday: "active", nextSteps: ["ended", "assigned"], renewalWindow: { opens: "2121-12-31", closes: "2123-06-30", isOpen: false } });
    const { body: signed } = await unwrap(await run(leaseLoader, getRequest(`/leases/${s.executed.id}`, s.cookie), { leaseId: s.executed.id }));
    expect(signed).toMatchObject({ statusToday: "active", nextSteps: ["recorded", "ended", "assigned"] });
  });

  it("a recorded lease active by date can be ended without being marked active first; one not yet commenced cannot", async () => {
    const s = await setting();
    pinClock(AFTER);
    const end = async (leaseId: string) => {
      const lease = await db().lease.findUniqueOrThrow({ where: { id: leaseId } });
      return unwrap(await run(leaseAction, postRequest(`/leases/${leaseId}`, { intent: "transition", to: "ended", version: String(lease.version), endedOn: "2025-01-01", confirmed: "yes" }, { cookie: s.cookie }), { leaseId }));
    };
    const refused = await end(s.later.id);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("A lease that is recorded with the county cannot become ended");
    expect((await db().lease.findUniqueOrThrow({ where: { id: s.later.id } })).status).toBe("recorded");

    expect((await end(s.recorded.id)).status).toBe(302);
    expect(await db().lease.findUniqueOrThrow({ where: { id: s.recorded.id } })).toMatchObject({ status: "ended", endedOn: "2025-01-01", bindingHomeId: null });
  });

  it("the renewal window shows as open on the lease page while it is open", async () => {
    const { organisation, user } = await createOrganisation(db(), { timeZone: "America/New_York" });
    // a 5-year term from 2020-03-01 expires 2025-02-28; notice 24 to 6 months before: 2023-02-28 to 2024-08-28
    const lease = await createLease(db(), organisation.id, { status: "recorded", values: { commencementDate: "2020-03-01", termYears: 5 }, today: "2020-02-01" });
    const cookie = await sessionCookieFor(user.id, organisation.id);
    pinClock(new Date("2024-08-28T15:00:00Z"));
    const { body } = await unwrap(await run(leaseLoader, getRequest(`/leases/${lease.id}`, cookie), { leaseId: lease.id }));
    expect(body).toMatchObject({ statusToday: "active", renewalWindow: { opens: "2023-02-28", closes: "2024-08-28", isOpen: true } });
    pinClock(new Date("2024-08-29T15:00:00Z"));
    const { body: after } = await unwrap(await run(leaseLoader, getRequest(`/leases/${lease.id}`, cookie), { leaseId: lease.id }));
    expect(after).toMatchObject({ renewalWindow: { isOpen: false } });
  });
});
