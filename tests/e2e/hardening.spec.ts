import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../../playwright.config";
import { DEMO, signIn } from "./support";

/**
 * The production server as an attacker meets it (issue 13's findings): headers on every kind of response,
 * a Content-Security-Policy the app itself keeps to, bodies refused while they stream, forms from other
 * sites refused, and no way off the site after signing in.
 */

/** A POST sent with node:http, chunked (no Content-Length), stopping as soon as the server answers. */
function chunkedPost(path: string, headers: Record<string, string>, totalBytes: number): Promise<{ status: number; body: string; bytesSent: number }> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const req = httpRequest({ host: "127.0.0.1", port: E2E_PORT, path, method: "POST", headers, agent: false }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (part: string) => (body += part));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, bytesSent });
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const piece = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!answered && bytesSent < totalBytes) {
        bytesSent += piece.length;
        if (!req.write(piece)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test("every kind of response carries the security headers, and the pages keep to their Content-Security-Policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, DEMO.admin);
  await page.goto("/leases");
  const leaseHref = await page.locator('a[href^="/leases/"]').filter({ hasText: /GL-/ }).first().getAttribute("href");
  expect(leaseHref).toBeTruthy();

  const html = await page.request.get("/parcels");
  const nonce = /'nonce-([^']+)'/.exec(html.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const pageText = await html.text();
  const scripts = pageText.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  const responses = {
    html,
    data: await page.request.get("/parcels?_data=routes%2Fparcels._index"),
    csv: await page.request.get("/parcels/export.csv"),
    pdf: await page.request.get(`${leaseHref}/document.pdf`),
    static: await page.request.get("/favicon.svg"),
    notFound: await page.request.get("/no-such-page"),
  };
  for (const [kind, response] of Object.entries(responses)) {
    const headers = response.headers();
    expect.soft(headers["content-security-policy"], kind).toMatch(/default-src 'self'.*script-src 'self' 'nonce-.*frame-ancestors 'none'/);
    expect.soft(headers["x-content-type-options"], kind).toBe("nosniff");
    expect.soft(headers["referrer-policy"], kind).toBe("same-origin");
    expect.soft(headers["strict-transport-security"], kind).toBeUndefined(); // plain HTTP here
  }
  expect(responses.pdf.headers()["content-type"]).toBe("application/pdf");

  // the app's own scripts run under the policy: a form computes the expiration date in the browser
  await page.goto("/leases/new");
  await page.getByLabel("Commencement date").fill("2025-02-01");
  await expect(page.getByTestId("expiration")).toHaveText("Jan 31, 2124");
  expect(violations).toEqual([]);
});

test("signing in never leads off the site, whatever redirectTo holds", async ({ page }) => {
  await page.goto("/login?redirectTo=%2F%09%2Fevil.example%2Fx");
  await page.getByLabel("Email").fill(DEMO.admin);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(new URL(page.url()).host).toBe(`localhost:${E2E_PORT}`);
});

test("oversized bodies are refused with 413 while they stream, hostile forms with 403 and 415", async ({ request }) => {
  const api = await chunkedPost("/api/v1/resale-calculations", { "Content-Type": "application/json" }, 10 * 1024 * 1024);
  expect(api.status).toBe(413);
  expect(JSON.parse(api.body)).toMatchObject({ error: "payload-too-large" });
  const login = await chunkedPost("/login", { "Content-Type": "application/x-www-form-urlencoded" }, 20 * 1024 * 1024);
  expect(login.status).toBe(413);
  expect(login.body).toMatch(/too large/);

  const crossSite = await request.post("/login", {
    headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
    data: `email=${encodeURIComponent(DEMO.admin)}&password=x`,
  });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.text()).toMatch(/another web site/);
  const noType = await request.fetch("/login", { method: "POST", data: Buffer.from("email=a") , headers: { "Content-Type": "" } });
  expect(noType.status()).toBe(415);
});
