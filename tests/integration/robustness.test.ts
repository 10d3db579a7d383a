import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createHousehold, seedIncomeLimitTables } from "~/modules/demo/households";
import { createLease } from "~/modules/demo/leases";
import { createMember, createOrganisation } from "~/modules/demo/organisations";
import { createParcel } from "~/modules/demo/parcels";
import { seedDemoFormulaPresets } from "~/modules/demo/formula-presets";
import { getRequest, postRequest, run, sessionCookieFor, unwrap } from "./helpers";

/**
 * Bad input is answered, never a crash: every route action, posted malformed forms by an administrator,
 * answers with a redirect or a 4xx — not a 500 and not an exception.
 */
const routes = import.meta.glob<{ action?: (args: ActionFunctionArgs) => unknown; loader?: (args: LoaderFunctionArgs) => unknown }>("../../app/routes/*.tsx", { eager: true });

const HOSTILE = "<script>alert(1)</script>'; DROP TABLE \"Parcel\"; --";
const PAYLOADS: Record<string, string | string[]>[] = [
  {},
  { intent: "no-such-intent" },
  { intent: "archive" },
  { intent: "restore", version: "" },
  { intent: "", version: "abc", id: HOSTILE },
  {
    intent: "create",
    version: "999999999999",
    name: HOSTILE,
    email: "not an email",
    parcelNumber: "",
    streetAddress: "x".repeat(5000),
    acquisitionPriceCents: "1e400",
    purchasePrice: "-0",
    purchaseDate: "2023-02-30",
    certifiedOn: "9999-99-99",
    householdSize: "0",
    termYears: "-5",
    monthlyFeeCents: "NaN",
    commencementDate: "yesterday",
    to: "ended",
    homeId: "does-not-exist",
    householdId: "does-not-exist",
    csv: "parcel_number\n\"unterminated",
    text: "{not json",
    content: "{not json",
    formulaType: "magic",
    annualRate: "1/0",
    "incomeItems[0].annualAmount": "99999999999999999999",
    "mortgages[0].amountCents": "-1",
    "lesseeNames[0]": "",
  },
  {
    // amounts beyond what integer cents can hold (Number.MAX_SAFE_INTEGER cents is about $90 trillion)
    intent: "create",
    purchasePrice: "99999999999999999999",
    acquisitionPrice: "99999999999999999999.99",
    landValue: "1e30",
    appraisedValue: "999999999999999999999999",
    monthlyFee: "99999999999999999999",
    amount: "99999999999999999999",
    "incomeItems[0].annualAmount": "99999999999999999999",
    "improvements[0].amount": "99999999999999999999",
    "mortgages[0].amount": "99999999999999999999",
    initialPrice: "99999999999999999999",
    annualRate: "99999999999999999999",
    monthlyFeeCents: "99999999999999999999",
    acquisitionPriceCents: "99999999999999999999",
    assessedLandValueCents: "99999999999999999999",
    amountCents: "99999999999999999999",
    newMortgageAmountCents: "99999999999999999999",
    "mortgages[0].amountCents": "99999999999999999999",
    "fundingSources[0].amountCents": "99999999999999999999",
  },
];

describe("every action survives malformed input", () => {
  it("answers with a redirect or a 4xx, never a 500", { timeout: 180_000 }, async () => {
    const { organisation, user } = await createOrganisation(db());
    const { membership } = await createMember(db(), organisation.id, "staff");
    await seedIncomeLimitTables(db(), organisation.id);
    const presets = await seedDemoFormulaPresets(db(), organisation.id);
    const parcel = await createParcel(db(), organisation.id);
    const household = await createHousehold(db(), organisation.id, { name: "Robust household", members: ["Ana Test"] });
    const lease = await createLease(db(), organisation.id);
    const table = await db().incomeLimitTable.findFirstOrThrow({ where: { organisationId: organisation.id } });
    const params: Record<string, string> = {
      parcelId: parcel.id,
      householdId: household.id,
      leaseId: lease.id,
      homeId: parcel.homes[0]!.id,
      presetId: presets[0]!.id,
      tableId: table.id,
      membershipId: membership.id,
      versionNumber: "1",
      calculationId: "missing",
    };
    const failures: string[] = [];
    let checked = 0;
    const statuses: number[] = [];
    for (const [file, module] of Object.entries(routes)) {
      if (!module.action) continue;
      const path = `/${file.split("/").pop()!.replace(/\.tsx$/, "")}`;
      // signing out ends the session; the JSON API has its own malformed-input tests (resale-api.test.ts)
      if (path === "/logout" || path.startsWith("/api.")) continue;
      const cookie = await sessionCookieFor(user.id, organisation.id);
      for (const payload of PAYLOADS) {
        checked += 1;
        try {
          const result = await unwrap(await run(module.action, postRequest(path, payload, { cookie }), params));
          statuses.push(result.status);
          if (result.status >= 500) failures.push(`${file} ${JSON.stringify(payload).slice(0, 60)} → ${result.status}`);
        } catch (error) {
          failures.push(`${file} ${JSON.stringify(payload).slice(0, 60)} threw ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
    // the forms were really examined: most answers are field errors, not redirects to sign in
    expect(statuses.filter((status) => status === 400).length).toBeGreaterThan(checked / 2);
    expect(failures).toEqual([]);
  });
});

describe("every action refuses a body that is not a form", () => {
  it("answers 415 (no form content type) or 400 (a broken multipart body) with a message, never a 500, and changes nothing", { timeout: 180_000 }, async () => {
    const { organisation, user } = await createOrganisation(db());
    const parcel = await createParcel(db(), organisation.id);
    const household = await createHousehold(db(), organisation.id, { name: "Robust household", members: ["Ana Test"] });
    const lease = await createLease(db(), organisation.id);
    const params: Record<string, string> = { parcelId: parcel.id, householdId: household.id, leaseId: lease.id, homeId: parcel.homes[0]!.id };
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const parcelsBefore = await db().parcel.count({ where: { organisationId: organisation.id } });
    const bodies: { label: string; contentType: string | null; body: string; expected: number }[] = [
      { label: "no Content-Type", contentType: null, body: "intent=create&name=x", expected: 415 },
      { label: "text/plain", contentType: "text/plain", body: "intent=create&name=x", expected: 415 },
      { label: "JSON", contentType: "application/json", body: '{"intent":"create"}', expected: 415 },
      { label: "multipart without a boundary", contentType: "multipart/form-data", body: "--x\r\n", expected: 400 },
    ];
    const failures: string[] = [];
    let refused = 0;
    for (const [file, module] of Object.entries(routes)) {
      if (!module.action) continue;
      const path = `/${file.split("/").pop()!.replace(/\.tsx$/, "")}`;
      // signing out reads no form; the JSON API answers non-JSON bodies itself (resale-api.test.ts)
      if (path === "/logout" || path.startsWith("/api.")) continue;
      for (const { label, contentType, body, expected } of bodies) {
        const headers = new Headers({ Cookie: cookie });
        if (contentType) headers.set("Content-Type", contentType);
        // a Uint8Array body gets no Content-Type of its own (a string body would be sent as text/plain)
        const request = new Request(`http://localhost${path}`, { method: "POST", headers, body: new TextEncoder().encode(body) });
        try {
          const result = await unwrap(await run(module.action, request, params));
          // an action may answer before it reads the form (a missing record: 404; not allowed: a redirect)
          if (result.status >= 500) failures.push(`${file} ${label} → ${result.status}`);
          if (result.status === expected) {
            if (typeof result.body === "string" && result.body.includes("Nothing was changed")) refused += 1;
            else failures.push(`${file} ${label} → ${result.status} without the message: ${String(result.body).slice(0, 80)}`);
          }
        } catch (error) {
          failures.push(`${file} ${label} threw ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(refused).toBeGreaterThan(4 * 30);
    expect(await db().parcel.count({ where: { organisationId: organisation.id } })).toBe(parcelsBefore);
  });
});

describe("every page survives a malformed address", () => {
  it("answers unknown ids and hostile query strings with a page or a 4xx, never a 500", async () => {
    const { organisation, user } = await createOrganisation(db());
    const cookie = await sessionCookieFor(user.id, organisation.id);
    const bogus = { parcelId: "nope", householdId: "nope", leaseId: "nope", homeId: "nope", presetId: "nope", tableId: "nope", membershipId: "nope", versionNumber: "-1", calculationId: "nope" };
    const queries = [
      `?page=-3&sort=${encodeURIComponent(HOSTILE)}&dir=sideways&status=zzz&program=zzz&q=${encodeURIComponent(HOSTILE)}&archived=maybe&entity=${encodeURIComponent(HOSTILE)}&years=1e9&kind=zzz`,
      // numbers beyond what a page number, a year count or cents can hold
      "?page=99999999999999999999&years=99999999999999999999&amount=99999999999999999999",
      "?page=1e400&year=-99999999999999999999",
    ];
    const failures: string[] = [];
    for (const query of queries) {
      for (const [file, module] of Object.entries(routes)) {
        if (!module.loader) continue;
        const path = `/${file.split("/").pop()!.replace(/\.tsx$/, "")}${query}`;
        try {
          const result = await unwrap(await run(module.loader, getRequest(path, cookie), bogus));
          if (result.status >= 500) failures.push(`${file}${query.slice(0, 30)} → ${result.status}`);
        } catch (error) {
          failures.push(`${file}${query.slice(0, 30)} threw ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
