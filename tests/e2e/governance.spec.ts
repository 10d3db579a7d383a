import { expect, test } from "@playwright/test";
import { DEMO_MEMBER_PASSWORD } from "../../playwright.config";
import { DEMO, signIn } from "./support";

const MEMBER = "member@riverbend-clt.example";

/** A date `days` from today (UTC), as the date inputs take it. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("staff set up an election for the vacant general seat, a member votes online, staff close and certify it, and the roster shows the new term", async ({ page }) => {
  await signIn(page, DEMO.staff);
  await page.goto("/governance");
  await expect(page.getByRole("heading", { name: "General" })).toBeVisible();
  await page.getByRole("link", { name: "Schedule a meeting" }).click();
  await page.getByLabel("Kind").selectOption("special");
  await page.getByLabel("Title").fill("Special meeting to fill a general seat");
  await page.getByLabel("Date", { exact: true }).fill(inDays(40));
  await page.getByLabel("Place").fill("Winooski Memorial Library");
  await page.getByRole("button", { name: "Schedule meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Special meeting to fill a general seat" })).toBeVisible();

  // only the vacant seat is up for election
  for (const box of await page.getByRole("group", { name: "Seats to elect" }).getByRole("checkbox").all()) await box.uncheck();
  await page.getByRole("checkbox", { name: /General seat 2 \(General\) — vacant/ }).check();
  await page.getByRole("button", { name: "Set up election" }).click();
  await expect(page.getByRole("status")).toContainText("The election was set up");
  const electionUrl = page.url();
  await page.getByLabel("Member").selectOption({ label: "Grace Adeyemi (General)" });
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByText("Candidates: Grace Adeyemi")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();

  // the member signs in and votes
  await signIn(page, MEMBER, DEMO_MEMBER_PASSWORD);
  await page.getByRole("link", { name: "Vote in the trust's elections" }).click();
  await expect(page.getByRole("heading", { name: /Special meeting to fill a general seat/ })).toBeVisible();
  await page.getByRole("checkbox", { name: "Grace Adeyemi" }).check();
  await page.getByRole("button", { name: "Cast my vote" }).click();
  await expect(page.getByRole("status")).toContainText("your vote is counted");
  await expect(page.getByText("You have voted in this election.")).toBeVisible();
  // a member sees nothing else of the trust's records
  expect((await page.goto("/governance"))?.status()).toBe(403);
  await page.goto("/");
  await page.getByRole("button", { name: "Sign out" }).click();

  // staff close voting and certify
  await signIn(page, DEMO.staff);
  await page.goto(electionUrl);
  await expect(page.getByText(/Turnout: 1 of \d+ \(0 paper, 1 online\)/)).toBeVisible();
  await page.getByRole("button", { name: "Close voting" }).click();
  await expect(page.getByRole("row", { name: /Grace Adeyemi 1 Elected/ })).toBeVisible();
  await page.getByRole("button", { name: "Certify and update the board roster" }).click();
  await expect(page.getByRole("status")).toContainText("The result is certified");
  await expect(page.getByRole("row", { name: /General seat 2/ })).toContainText(`Grace Adeyemi from`);
});
