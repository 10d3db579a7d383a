import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentDisposition } from "~/utils/content-disposition";
import { guardRequests } from "~/utils/http-guard.server";
import { noteRequestReader } from "~/utils/request-context.server";
import { downloadFilename, requestLogging } from "./operations.ts";

/**
 * The access log's mechanics in a real HTTP server wired like scripts/serve.ts (request logging, then the
 * body guard, then a stand-in for Remix that notes its reader as the session lookup does): who read which
 * file, for a GET and for a POST whose body the guard reads first. The whole server: operations.test.ts.
 */
const work = mkdtempSync(join(tmpdir(), "cg-access-"));
const accessLog = join(work, "access.log");
let server: Server;
let base = "";

beforeAll(async () => {
  process.env.ACCESS_LOG = accessLog;
  const app = express();
  app.use(requestLogging());
  app.all(
    "*",
    guardRequests((req, res) => {
      // as getActor does once the session resolves (asynchronously, after the body was read)
      setTimeout(() => {
        if (req.query.who !== "nobody") noteRequestReader({ organisationId: "org-1", userId: "user-1", email: "ana@example.org", role: "viewer" });
        if (req.path.endsWith(".pdf")) {
          res.setHeader("Content-Disposition", contentDisposition("GL-2026-0001 ground lease – Núñez.pdf"));
          res.setHeader("Content-Length", "4");
          res.end("%PDF");
        } else if (req.path === "/moved.csv") {
          res.redirect(302, "/login");
        } else {
          res.type("html").send("<p>a page</p>");
        }
      }, 5);
    }),
  );
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

async function accessLines(count: number): Promise<Record<string, unknown>[]> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    let lines: Record<string, unknown>[] = [];
    try {
      lines = readFileSync(accessLog, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    } catch {
      /* not written yet */
    }
    if (lines.length >= count) return lines;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the access log did not receive the expected lines");
}

describe("access log", () => {
  it("logs each file served with its reader, for GET and POST; pages and redirects are not files", async () => {
    expect((await fetch(`${base}/leases/1/document.pdf?kind=lease`)).status).toBe(200);
    expect((await fetch(`${base}/parcels`)).status).toBe(200);
    expect((await fetch(`${base}/moved.csv`, { redirect: "manual" })).status).toBe(302);
    const post = await fetch(`${base}/leases/2/document.pdf`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "leaseId=2",
    });
    expect(post.status).toBe(200);
    expect((await fetch(`${base}/leases/3/document.pdf?who=nobody`)).status).toBe(200);
    const lines = await accessLines(3);
    const reader = { organisationId: "org-1", userId: "user-1", email: "ana@example.org", role: "viewer" };
    const file = "GL-2026-0001 ground lease – Núñez.pdf";
    expect(lines.map(({ time, requestId: _requestId, ...rest }) => ({ ...rest, time: typeof time }))).toEqual([
      { level: "info", msg: "access", ...reader, method: "GET", path: "/leases/1/document.pdf?kind=lease", status: 200, file, bytes: 4, completed: true, time: "string" },
      { level: "info", msg: "access", ...reader, method: "POST", path: "/leases/2/document.pdf", status: 200, file, bytes: 4, completed: true, time: "string" },
      { level: "info", msg: "access", method: "GET", path: "/leases/3/document.pdf?who=nobody", status: 200, file, bytes: 4, completed: true, time: "string" },
    ]);
  });

  it("reads the file name from Content-Disposition, preferring the UTF-8 form", () => {
    expect(downloadFilename(`attachment; filename="Nunez lease.pdf"; filename*=UTF-8''N%C3%BA%C3%B1ez%20lease.pdf`)).toBe("Núñez lease.pdf");
    expect(downloadFilename(`inline; filename="worksheet.pdf"`)).toBe("worksheet.pdf");
    expect(downloadFilename("attachment; filename=plain.csv")).toBe("plain.csv");
    expect(downloadFilename("attachment")).toBe("");
    expect(downloadFilename(undefined)).toBeNull();
    expect(downloadFilename("form-data; name=x")).toBeNull();
  });
});
