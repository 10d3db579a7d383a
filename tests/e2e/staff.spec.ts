import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

test("a household with no members shows the member form at once; Remove is a button", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/households/new");
  await page.getByLabel("Household name").fill("Okafor household");
  await page.getByRole("button", { name: "Add household" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Okafor household" })).toBeVisible();

  // no panel to open (and so none to close by mistake): the form is there
  await expect(page.getByRole("heading", { name: "Add a member" })).toBeVisible();
  await page.getByLabel("Full name").fill("Chidi Okafor");
  await page.getByLabel("Relationship").selectOption("head");
  // the native date picker, as on every form
  await expect(page.getByLabel("Date of birth")).toHaveAttribute("type", "date");
  await page.getByLabel("Date of birth").fill("1984-03-09");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("cell", { name: "Chidi Okafor", exact: true })).toBeVisible();

  // with a member, "Add a member" is a panel that opens on its first click
  const panel = page.locator("details", { has: page.getByText("Add a member") });
  await expect(panel).not.toHaveAttribute("open", "");
  await panel.getByText("Add a member").click();
  await expect(panel.getByLabel("Full name")).toBeVisible();

  await page.getByRole("button", { name: "Remove Chidi Okafor" }).click();
  await expect(page.getByRole("cell", { name: "Chidi Okafor", exact: true })).toHaveCount(0);
});

test("every list filters with the same controls: a search box, an Include archived checkbox and Apply", async ({ page }) => {
  await signIn(page, DEMO.admin);
  for (const path of ["/parcels", "/households"]) {
    await page.goto(path);
    await expect(page.getByRole("checkbox", { name: "Include archived" }), path).toBeVisible();
    await expect(page.getByRole("button", { name: "Apply" }), path).toBeVisible();
    await expect(page.getByRole("button", { name: "Search" }), path).toHaveCount(0);
  }
  await page.goto("/parcels");
  await page.getByRole("checkbox", { name: "Include archived" }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/archived=1/);
  await expect(page.getByRole("checkbox", { name: "Include archived" })).toBeChecked();
  for (const path of ["/leases", "/resale"]) {
    await page.goto(path);
    await expect(page.getByRole("button", { name: "Apply" }), path).toBeVisible();
  }
});

test("a home can be edited and archived; the parcel's status and links follow a purchase", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/parcels/new");
  await page.getByLabel("Parcel number (APN)").fill("W-090-007");
  await page.getByLabel("Street address").fill("7 Lilac Lane");
  await page.getByLabel("City").fill("Winooski");
  await page.getByLabel("Status").selectOption("acquired");
  await page.getByLabel("Type of home").selectOption("single_family");
  await page.getByLabel("Bedrooms").fill("2");
  await page.getByLabel("Bathrooms").fill("1");
  await page.getByRole("button", { name: "Register parcel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Parcel W-090-007/ })).toBeVisible();
  const parcelUrl = page.url();
  const details = page.locator("dl.details");
  await expect(details).toContainText("StatusAcquired");

  // edit the home: three bedrooms, a label
  await page.getByRole("link", { name: "Edit home" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Edit home/ })).toBeVisible();
  await expect(page.getByLabel("Bedrooms")).toHaveValue("2");
  await page.getByLabel("Bedrooms").fill("3");
  await page.getByLabel("Unit label").fill("Main house");
  await page.getByRole("button", { name: "Save home" }).click();
  await expect(page.getByRole("status")).toContainText("The home was saved.");
  await expect(page.getByRole("heading", { name: "Single-family house — Main house" })).toBeVisible();
  await expect(page.getByText("3 bedrooms")).toBeVisible();

  // a second home, archived: it is marked and kept
  await page.getByText("Add a home to this parcel").click();
  await page.getByLabel("Type of home").selectOption("other");
  await page.getByLabel("Unit label").fill("Garden cottage");
  await page.getByLabel("Bedrooms").fill("1");
  await page.getByLabel("Bathrooms").fill("1");
  await page.getByRole("button", { name: "Add home" }).click();
  await page.getByRole("link", { name: "Edit home Garden cottage" }).click();
  await page.getByRole("button", { name: "Archive home" }).click();
  await expect(page.getByRole("status")).toContainText("The home was archived");
  await expect(page.getByRole("heading", { name: /Garden cottage/ })).toContainText("Archived");

  // a household buys the main house: the parcel is Leased and its page and the household's link to each other
  await page.goto("/households/new");
  await page.getByLabel("Household name").fill("Lindqvist household");
  await page.getByRole("button", { name: "Add household" }).click();
  await page.getByRole("link", { name: "Record a purchase" }).click();
  await page.getByLabel("Home", { exact: true }).selectOption({ label: "7 Lilac Lane, Winooski — Main house (parcel W-090-007)" });
  await page.getByLabel("Purchase price ($)").fill("180,000");
  await page.getByLabel("Purchase date").fill("2026-06-15");
  await page.getByRole("button", { name: "Record purchase" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lindqvist household" })).toBeVisible();
  await page.getByRole("link", { name: "7 Lilac Lane, Winooski — Main house" }).click();
  await expect(page).toHaveURL(new RegExp(`${parcelUrl.replace(/[/.?]/g, "\\$&")}#home-`));
  await expect(details).toContainText("StatusLeased");
  await page.getByRole("link", { name: "Lindqvist household" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Lindqvist household" })).toBeVisible();
});

test("a lease, its household, its home's parcel and the parcel's leases link to each other", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/leases?status=active");
  // The oldest active lease (the list is newest reference first): a demo lease whose household owns the home,
  // not one an earlier browser test created without a purchase.
  await page.locator("main table tbody a[href^='/leases/']").last().click();
  await expect(page.getByRole("heading", { level: 1, name: /Ground lease \S+/ })).toBeVisible();
  const reference = (await page.getByRole("heading", { level: 1 }).textContent())?.match(/Ground lease (\S+)/)?.[1] ?? "";
  expect(reference).not.toBe("");
  const household = (await page.locator("dl.details dt:text-is('Household') + dd").textContent()) ?? "";
  // lease → parcel (the home's card) → the lease again
  await page.locator("dl.details dt:text-is('Home') + dd a").click();
  await expect(page.getByRole("heading", { level: 1, name: /Parcel/ })).toBeVisible();
  await expect(page.locator("dl.details")).toContainText("StatusLeased");
  await page.getByRole("link", { name: reference, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Ground lease ${reference}`) })).toBeVisible();
  // lease → household → "Homes owned" links the lease
  await page.getByRole("link", { name: household.trim(), exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: household.trim() })).toBeVisible();
  await page.locator("section[aria-labelledby='ownership-title']").getByRole("link", { name: reference, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Ground lease ${reference}`) })).toBeVisible();
});

test("the dashboard is a to-do list: this week's work and recent activity in words, each a link", async ({ page }) => {
  await signIn(page, DEMO.admin);
  const attention = page.getByTestId("attention");
  await expect(attention.getByRole("heading", { name: /Needs attention this week/ })).toBeVisible();
  // the demo trust has overdue stewardship events (certifications, tax proof): each is a link to the event
  const overdue = attention.getByRole("listitem").filter({ hasText: "Delinquent" }).first();
  await expect(overdue).toContainText(/lease \S+ \(.+ household\)/);
  await overdue.getByRole("link").click();
  await expect(page).toHaveURL(/\/stewardship\//);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // recent activity reads as words ("… added the household …"), never class names, and links its records
  await page.goto("/households/new");
  await page.getByLabel("Household name").fill("Haddad household");
  await page.getByRole("button", { name: "Add household" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Haddad household" })).toBeVisible();
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await page.goto("/");
  const activity = page.getByTestId("recent-activity");
  await expect(activity).toContainText("added the household Haddad household");
  // when it happened, in the trust's time zone (the demo trust is in Vermont: Eastern time), not UTC
  const newYorkToday = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "America/New_York" }).format(new Date());
  await expect(activity.getByRole("listitem").filter({ hasText: "Haddad household" }).first()).toContainText(
    new RegExp(`\\(${newYorkToday}, \\d{1,2}:\\d{2} [AP]M E[SD]T\\)`),
  );
  await page.waitForLoadState("networkidle");
  expect(consoleErrors, "the page hydrates without a mismatch").toEqual([]);
  await expect(activity).not.toContainText("Create Household");
  await activity.getByRole("link", { name: "the household Haddad household" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Haddad household" })).toBeVisible();
});
