import { expect, type Page } from "@playwright/test";

/**
 * The main pages of each kind of user, shared by the accessibility, phone and screenshot specs so that they
 * all walk the same app. Fixed addresses first; record pages are reached from their lists (the first record
 * a list links to), so the specs never depend on the demo's ids.
 */
export const STAFF_PAGES = [
  "/",
  "/parcels",
  "/parcels/new",
  "/parcels/import",
  "/households",
  "/households/new",
  "/households/import",
  "/leases",
  "/leases/new",
  "/fees",
  "/fees/payments",
  "/stewardship",
  "/stewardship/events/new",
  "/stewardship/requests",
  "/stewardship/defaults?status=all",
  "/resale",
  "/transfers",
  "/transfers/buyers",
  "/reports",
  "/governance",
  "/governance/members",
  "/governance/members/new",
  "/governance/board",
  "/governance/meetings/new",
  "/governance/settings",
  "/settings",
  "/settings/users",
  "/settings/users/new",
  "/settings/audit",
  "/settings/api-tokens",
  "/settings/income-limits",
  "/settings/eligibility",
  "/settings/formula-presets",
  "/settings/formula-presets/new",
  "/settings/lease-templates",
  "/settings/lease-riders",
  "/settings/time-zone",
  "/settings/lease-terms",
  "/settings/stewardship",
  "/settings/lease-fees",
  "/settings/email",
  "/settings/reminders",
  "/account",
  "/account/password",
];

/** The shape of an address: each ":id" a record's id (never "new" or "import"). */
function shape(template: string): RegExp {
  return new RegExp(`^${template.replaceAll(":id", "(?!new$|import$)[^/.]+")}$`);
}

/** A record page: the list that links to it and the shape of its address. */
type RecordPage = { from: string; to: RegExp; as?: string };

export const STAFF_RECORD_PAGES: RecordPage[] = [
  { as: "parcel", from: "/parcels", to: shape("/parcels/:id") },
  { as: "household", from: "/households", to: shape("/households/:id") },
  { as: "lease", from: "/leases?status=active", to: shape("/leases/:id") },
  { from: "/leases?status=draft", to: shape("/leases/:id") },
  { as: "resale", from: "/resale", to: shape("/resale/homes/:id") },
  // a resale case (the demo holds an open one and a closed one); not the buyer pool
  { from: "/transfers", to: /^\/transfers\/(?!buyers$|new$)[^/.]+$/ },
  { from: "/stewardship", to: shape("/stewardship/(events/:id|scheduled/:id/:id)") },
  { as: "meeting", from: "/governance", to: shape("/governance/meetings/:id") },
  { from: "/governance/members", to: shape("/governance/members/:id") },
  { from: "/settings/users", to: shape("/settings/users/:id") },
  { from: "/settings/formula-presets", to: shape("/settings/formula-presets/:id") },
  { from: "/settings/lease-templates", to: shape("/settings/lease-templates/:id") },
  { from: "/settings/income-limits", to: shape("/settings/income-limits/:id") },
];

/** Pages reached from a record page found above (the home editor, a lease's fees, the resale compare page…). */
export const STAFF_SUB_PAGES: RecordPage[] = [
  { from: "parcel", to: shape("/parcels/:id/homes/:id") },
  { from: "parcel", to: shape("/parcels/:id/edit") },
  { from: "household", to: shape("/households/:id/edit") },
  { from: "lease", to: shape("/leases/:id/schedule") },
  { from: "lease", to: shape("/leases/:id/requests/new") },
  { from: "resale", to: shape("/resale/homes/:id/compare") },
  { from: "resale", to: shape("/resale/homes/:id/inputs") },
  { from: "meeting", to: shape("/governance/elections/:id") },
];

export const HOMEOWNER_PAGES = [
  "/my-home",
  "/my-home/today",
  "/my-home/forms/improvement",
  "/my-home/forms/refinance",
  "/my-home/forms/leave-of-absence",
  "/my-home/forms/sell",
  "/account",
  "/account/password",
];
export const HOMEOWNER_RECORD_PAGES: RecordPage[] = [
  { from: "/my-home", to: shape("/my-home/leases/:id") },
  { from: "/my-home", to: shape("/my-home/due") },
];

export const MEMBER_PAGES = ["/", "/vote", "/account/password"];

/** The address (without its fragment) of the first link on `from` whose path has the shape `to`. */
export async function firstRecordLink(page: Page, from: string, to: RegExp): Promise<string> {
  if (new URL(page.url()).pathname + new URL(page.url()).search !== from) {
    const response = await page.goto(from);
    expect(response?.status(), from).toBe(200);
  }
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const found = hrefs
    .map((href) => href.split("#")[0]!)
    .find((href) => to.test(href.split("?")[0]!));
  expect(found, `a link to ${to} on ${from}`).toBeTruthy();
  return found!;
}

/** Every main page of the staff side, record pages included (resolved from the demo's lists). */
export async function staffPages(page: Page): Promise<string[]> {
  const records: string[] = [];
  const named = new Map<string, string>();
  for (const { as, from, to } of STAFF_RECORD_PAGES) {
    const path = await firstRecordLink(page, from, to);
    records.push(path);
    if (as) named.set(as, path);
  }
  const sub: string[] = [];
  for (const { from, to } of STAFF_SUB_PAGES) sub.push(await firstRecordLink(page, named.get(from)!, to));
  return [...STAFF_PAGES, ...records, ...sub];
}

export async function homeownerPages(page: Page): Promise<string[]> {
  const records: string[] = [];
  for (const { from, to } of HOMEOWNER_RECORD_PAGES) records.push(await firstRecordLink(page, from, to));
  return [...HOMEOWNER_PAGES, ...records];
}
