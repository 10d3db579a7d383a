import { expect, test, type Page } from "@playwright/test";
import { DEMO_HOMEOWNER_PASSWORD } from "../../playwright.config";
import { DEMO, signIn } from "./support";

/** Elements of the homeowner's page that stick out past the right edge of the screen (none on a page that fits a phone). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".portal *")]
      // a wide table scrolls inside its own box (.table-wrap) instead of widening the page
      .filter((element) => !element.closest(".table-wrap") && element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${(element.textContent ?? "").slice(0, 40)}`),
  );
}

/** The one-time link in the newest outbox message to `to`, as an admin reads it under Settings → Email. */
async function linkFromOutbox(page: Page, to: string, path: string): Promise<string> {
  await page.goto("/settings/email");
  const row = page.getByRole("row").filter({ hasText: to }).first();
  await row.locator("summary").click();
  const body = await row.locator("pre").innerText();
  const match = new RegExp(`https?://[^\\s]+${path}[A-Za-z0-9_-]+`).exec(body);
  expect(match, body).not.toBeNull();
  return match![0];
}

test("a homeowner accepts an emailed invitation, chooses a password and lands on their page; the link then no longer works", async ({ page, browser }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/settings/users/new");
  await page.getByLabel("Name").fill("Kwame Mensah");
  await page.getByLabel("Email").fill("kwame.invited@example.com");
  await page.getByLabel("Role").selectOption("homeowner");
  await page.getByLabel("Household (homeowners only)").selectOption({ label: "Mensah household" });
  // the password stays empty: an invitation is emailed instead
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("Kwame Mensah was invited as homeowner");
  await expect(page.getByRole("row").filter({ hasText: "kwame.invited@example.com" })).toContainText("Invited, not yet accepted");
  const link = await linkFromOutbox(page, "kwame.invited@example.com", "/invitation/");

  const homeowner = await (await browser.newContext()).newPage();
  await homeowner.goto(link);
  await expect(homeowner.getByRole("heading", { name: "Accept your invitation" })).toBeVisible();
  await expect(homeowner.getByText("kwame.invited@example.com")).toBeVisible();
  await homeowner.getByLabel("New password", { exact: true }).fill("password1234");
  await homeowner.getByLabel("Repeat the new password").fill("password1234");
  await homeowner.getByRole("button", { name: "Set my password and sign in" }).click();
  await expect(homeowner.getByText("too easy to guess")).toBeVisible();
  await homeowner.getByLabel("New password", { exact: true }).fill("lantern harbour quietly seventeen");
  await homeowner.getByLabel("Repeat the new password").fill("lantern harbour quietly seventeen");
  await homeowner.getByRole("button", { name: "Set my password and sign in" }).click();
  await expect(homeowner.getByRole("heading", { level: 1, name: "Welcome, Kwame Mensah" })).toBeVisible();
  await expect(homeowner).toHaveURL(/\/my-home$/);
  await expect(homeowner.getByRole("region", { name: "Your household" })).toContainText("Mensah household");

  await homeowner.getByRole("button", { name: "Sign out" }).click();
  const reuse = await homeowner.goto(link);
  expect(reuse?.status()).toBe(410);
  await expect(homeowner.getByRole("alert")).toContainText("already been used");
  await signIn(homeowner, "kwame.invited@example.com", "lantern harbour quietly seventeen");
  await homeowner.context().close();
});

test("a person who forgot their password gets a link by email and chooses a new one", async ({ page, browser }) => {
  const email = "dana.forgetful@riverbend-clt.example";
  await signIn(page, DEMO.admin);
  await page.goto("/settings/users/new");
  await page.getByLabel("Name").fill("Dana Forgetful");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByLabel("Initial password").fill("violet tractor anchors pepper");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("Dana Forgetful was added");

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/login");
  await visitor.getByRole("link", { name: "Forgot your password?" }).click();
  await visitor.getByLabel("Email").fill(email);
  await visitor.getByRole("button", { name: "Email me a link" }).click();
  await expect(visitor.getByRole("status")).toContainText(`If ${email} has an account, we have sent it a link`);

  const link = await linkFromOutbox(page, email, "/password-reset/");
  await visitor.goto(link);
  await visitor.getByLabel("New password", { exact: true }).fill("copper kettle morning drizzle");
  await visitor.getByLabel("Repeat the new password").fill("copper kettle morning drizzle");
  await visitor.getByRole("button", { name: "Set my new password" }).click();
  await expect(visitor.getByRole("button", { name: "Sign out" })).toBeVisible();
  await visitor.getByRole("button", { name: "Sign out" }).click();
  await signIn(visitor, email, "copper kettle morning drizzle");
  await visitor.context().close();
});

test("on a phone without JavaScript, the demo homeowner reads My home, the lease in plain words, the fee account and the lease PDF", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("homeowner@riverbend-clt.example");
  await page.getByLabel("Password").fill(DEMO_HOMEOWNER_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/my-home$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  const lease = page.getByRole("region", { name: "Your ground lease" });
  await expect(lease).toContainText("Status: Active");
  // nothing wider than the phone's screen
  expect(await overflowing(page)).toEqual([]);
  // large touch targets
  const button = lease.getByRole("link", { name: "Lease terms and fee account" });
  expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);

  const pdf = await page.request.get((await lease.getByRole("link", { name: "The lease (PDF)" }).getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await button.click();
  await expect(page.getByRole("heading", { level: 2, name: "The key terms, in plain words" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Your monthly lease fee" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your lease-fee account" })).toBeVisible();
  expect(await overflowing(page)).toEqual([]);

  // your home today: the price under the lease's formula, with the payoff typed in; and as a PDF
  await page.getByRole("link", { name: "← My home" }).click();
  await page.getByRole("link", { name: "Your home today: what it could sell for" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your home today" })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("not a guaranteed price");
  await page.getByLabel("Your mortgage payoff today (from your lender)").fill("lots");
  await page.getByRole("button", { name: "Work it out" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the payoff in dollars and cents");
  await page.getByLabel("Your mortgage payoff today (from your lender)").fill("120000");
  await page.getByRole("button", { name: "Work it out" }).click();
  await expect(page.getByRole("region", { name: "What a sale might leave you" })).toContainText("-$120,000.00");
  expect(await overflowing(page)).toEqual([]);
  const todayPdf = await page.request.get((await page.getByRole("link", { name: "Download this as a PDF" }).getAttribute("href"))!);
  expect(todayPdf.status()).toBe(200);
  expect(todayPdf.headers()["content-type"]).toBe("application/pdf");

  // staff pages stay closed
  const staffPage = await page.goto("/leases");
  expect(staffPage?.status()).toBe(403);
  await context.close();
});
