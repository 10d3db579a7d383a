import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { E2E_DATABASE_FILE } from "../../playwright.config";
import { DEMO, signIn } from "./support";

/**
 * The homeowner's side on a phone: an admin invites a homeowner (the link read from the outbox in the
 * database, as the email would carry it), the homeowner chooses a password, sends the annual occupancy
 * certification with proof of insurance, and reads "Your home today". The e2e server's database is
 * E2E_DATABASE_FILE (playwright.config.ts).
 */
test.use({ viewport: { width: 390, height: 844 } });

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

function query<T>(sql: string, ...params: unknown[]): T | undefined {
  const sqlite = new Database(E2E_DATABASE_FILE, { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare(sql).get(...params) as T | undefined;
  } finally {
    sqlite.close();
  }
}

test("a homeowner accepts an invitation, sends the occupancy certification with an upload, and reads Your home today", async ({ page }) => {
  // the household of the demo's longest-running active lease (the one the demo homeowner belongs to)
  const household = query<{ name: string }>(`SELECT h.name AS name FROM "Lease" l JOIN "Household" h ON h.id = l.householdId WHERE l.status = 'active' ORDER BY l.commencementDate, l.id LIMIT 1`)!;
  const email = `second-owner-${Date.now()}@example.org`;

  await signIn(page, DEMO.admin);
  await page.goto("/settings/users/new");
  await page.getByLabel("Name").fill("Robin Second-Owner");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption("homeowner");
  await page.getByLabel("Household (homeowners only)").selectOption({ label: household.name });
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("Invited, not yet accepted").first()).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();

  const message = query<{ textBody: string }>(`SELECT textBody FROM "EmailMessage" WHERE toAddress = ? ORDER BY createdAt DESC LIMIT 1`, email)!;
  const link = /https?:\/\/\S+\/invitation\/\S+/.exec(message.textBody)![0];
  await page.goto(new URL(link).pathname);
  await page.getByLabel("New password", { exact: true }).fill("a long homeowner password");
  await page.getByLabel("Repeat the new password").fill("a long homeowner password");
  await page.getByRole("button", { name: "Set my password and sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Robin Second-Owner" })).toBeVisible();

  // what is due: an occupancy certification to send online
  const due = page.getByRole("region", { name: "What is due" });
  const certification = due.getByRole("listitem").filter({ hasText: "Annual occupancy certification" }).filter({ has: page.getByRole("link", { name: "Send it online" }) }).first();
  const dueText = (await certification.locator("p").first().innerText()).trim();
  // each item says once where it stands ("Overdue. Where it stands: Overdue." read twice)
  await expect(due).not.toContainText("Overdue. Where it stands: Overdue");
  await certification.getByRole("link", { name: "Send it online" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Annual occupancy certification" })).toBeVisible();
  // sent without the tick: refused next to the box, nothing sent
  await page.getByLabel(/Proof of home insurance/).setInputFiles({ name: "declarations.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Send to the trust" }).click();
  await expect(page.locator(".field-error", { hasText: "Tick the box to confirm the statement" })).toBeVisible();
  await page.getByLabel(/principal residence/).check();
  await page.getByLabel(/Proof of home insurance/).setInputFiles({ name: "declarations.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Send to the trust" }).click();
  await expect(page.getByText("Sent. The trust will check it")).toBeVisible();
  const sent = page.getByRole("region", { name: "What is due" }).getByRole("listitem").filter({ hasText: dueText });
  await expect(sent).toContainText("Sent — the trust is checking it");

  await page.getByRole("link", { name: "Your home today: what it could sell for" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your home today" })).toBeVisible();
  await expect(page.getByText("This is an estimate, not a guaranteed price.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "The most your home may sell for" })).toBeVisible();
  await page.getByLabel("Your mortgage payoff today (from your lender)").fill("100000");
  await page.getByRole("button", { name: "Work it out" }).click();
  await expect(page.getByText("Estimated net proceeds", { exact: true })).toBeVisible();
  await expect(page.getByText("What you entered as the amount to pay off your mortgage today.", { exact: false })).toBeVisible();
  // nothing is wider than the phone
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
