import { request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
// the adapter's own request builder (scripts/serve.ts uses it through createRequestHandler)
import { createRemixRequest } from "@remix-run/express/dist/server.js";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_LIMITS, CSP_NONCE_HEADER, DATA_REQUEST_MESSAGE, documentBodyLimit, guardRequests, securityHeaders } from "./http-guard.server";

/**
 * The guards in a real HTTP server, behind them a stand-in for the Remix handler that builds its request
 * with Remix's own Express adapter (as scripts/serve.ts does) and reads the form. Requests are sent with
 * node:http, chunked (no Content-Length) where that is the point.
 */
let server: Server;
let port = 0;
const seen: { path: string; fields: Record<string, number> }[] = [];

beforeAll(async () => {
  const app = express();
  app.set("trust proxy", true);
  app.use(securityHeaders);
  app.get("/static.css", (_req, res) => {
    res.type("text/css").send("body{}");
  });
  app.all(
    "*",
    guardRequests(async (req, res) => {
      const request = createRemixRequest(req, res);
      const fields: Record<string, number> = {};
      if (request.method === "POST") {
        if (new URL(request.url).pathname.startsWith("/api/")) {
          fields.body = (await request.text()).length;
        } else {
          for (const [name, value] of await request.formData()) fields[name] = typeof value === "string" ? value.length : value.size;
        }
      }
      seen.push({ path: new URL(request.url).pathname, fields });
      res.append("Set-Cookie", "cg_session=abc; Path=/; HttpOnly; SameSite=Lax");
      res.json({ nonce: request.headers.get(CSP_NONCE_HEADER), fields });
    }),
  );
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

type Answer = { status: number; headers: IncomingHttpHeaders; body: string; bytesSent: number };

/**
 * Sends `total` bytes of `chunk` repeated, chunked (no Content-Length) unless headers say otherwise, and
 * stops sending as soon as the answer arrives. bytesSent says how much had gone out by then.
 */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; repeat?: string; total?: number }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const req = httpRequest({ host: "127.0.0.1", port, path, agent: false, method: options.method ?? "POST", headers: options.headers ?? {} }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (part: string) => (body += part));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, bytesSent });
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (options.body !== undefined) {
      req.end(options.body);
      return;
    }
    if (!options.repeat) {
      req.end();
      return;
    }
    const piece = Buffer.from(options.repeat.repeat(Math.ceil(64 * 1024 / options.repeat.length)));
    const total = options.total ?? 0;
    const pump = () => {
      while (!answered && bytesSent < total) {
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

const MB = 1024 * 1024;
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

describe("request bodies are limited while they stream", () => {
  it("answers a 200 MB chunked sign-in form with 413, holding none of it, and never hands it on", async () => {
    const before = seen.length;
    const arrayBuffers = process.memoryUsage().arrayBuffers;
    const answer = await send("/login", { headers: FORM, repeat: "a", total: 200 * MB });
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(BODY_LIMITS.form.what);
    expect(seen.length).toBe(before);
    // the 200 MB went through without being kept (a generous bound: chunks not yet collected)
    expect(process.memoryUsage().arrayBuffers - arrayBuffers).toBeLessThan(100 * MB);
  });

  it("answers a 10 MB chunked API body with 413 and a JSON message", async () => {
    const answer = await send("/api/v1/resale-calculations", { headers: { "Content-Type": "application/json" }, repeat: " ", total: 10 * MB });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: "payload-too-large", message: BODY_LIMITS.api.what });
  });

  it("refuses at once a body whose Content-Length is over the limit", async () => {
    const answer = await send("/parcels/new", { headers: { ...FORM, "Content-Length": String(5 * MB) }, body: "" });
    expect(answer.status).toBe(413);
  });

  it("lets through a chunked form within its limit, every field intact", async () => {
    const answer = await send("/parcels/new", { headers: FORM, body: `name=${"x".repeat(300_000)}&intent=create` });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).fields).toEqual({ name: 300_000, intent: 6 });
  });

  it("allows an upload route more than a form: 3 MB of CSV is fine for an import, too much for a form", async () => {
    const boundary = "----cg";
    const csv = `parcel_number\n${"1234567890\n".repeat(300_000)}`;
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const headers = { "Content-Type": `multipart/form-data; boundary=${boundary}` };
    const imported = await send("/parcels/import", { headers, body: multipart });
    expect(imported.status).toBe(200);
    expect(JSON.parse(imported.body).fields).toEqual({ file: csv.length });
    const asForm = await send("/parcels/new", { headers, body: multipart });
    expect(asForm.status).toBe(413);
    const tooBig = await send("/parcels/import", { headers, repeat: "1234567890\n", total: 40 * MB });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toBe(BODY_LIMITS.upload.what);
  });
});

describe("forms from elsewhere and malformed forms are refused with a 4xx", () => {
  it("gives a stored-document upload the document limit (default 20 MB): 15 MB passes, 120 MB is refused unkept", async () => {
    const boundary = "----cg";
    const pdf = `%PDF-1.7\n${"0".repeat(15 * MB)}`;
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n${pdf}\r\n--${boundary}--\r\n`;
    const headers = { "Content-Type": `multipart/form-data; boundary=${boundary}` };
    const stored = await send("/documents/upload", { headers, body: multipart });
    expect(stored.status).toBe(200);
    expect(JSON.parse(stored.body).fields).toEqual({ file: pdf.length });
    expect(documentBodyLimit().bytes).toBe(21 * MB);
    const before = seen.length;
    const arrayBuffers = process.memoryUsage().arrayBuffers;
    const tooBig = await send("/documents/upload", { headers, repeat: "0123456789", total: 120 * MB });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toBe("A document may be at most 20 MB. Scan it at a lower resolution or split it into parts.");
    expect(seen.length).toBe(before);
    expect(process.memoryUsage().arrayBuffers - arrayBuffers).toBeLessThan(60 * MB);
  });

  it("refuses a cross-site form with 403 and a message, and accepts the same site", async () => {
    const crossSite = await send("/parcels/new", { headers: { ...FORM, Origin: "https://evil.example" }, body: "name=x" });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toMatch(/sent from another web site/);
    const nullOrigin = await send("/parcels/new", { headers: { ...FORM, Origin: "null" }, body: "name=x" });
    expect(nullOrigin.status).toBe(403);
    const fetchMetadata = await send("/parcels/new", { headers: { ...FORM, "Sec-Fetch-Site": "cross-site" }, body: "name=x" });
    expect(fetchMetadata.status).toBe(403);
    const sameSite = await send("/parcels/new", { headers: { ...FORM, Origin: `http://127.0.0.1:${port}` }, body: "name=x" });
    expect(sameSite.status).toBe(200);
    const proxied = await send("/parcels/new", { headers: { ...FORM, Origin: "https://clt.example", "X-Forwarded-Host": "clt.example" }, body: "name=x" });
    expect(proxied.status).toBe(200);
  });

  it("answers a form without a Content-Type with 415, not an error", async () => {
    const answer = await send("/parcels/new", { body: "name=x" });
    expect(answer.status).toBe(415);
    expect(answer.body).toMatch(/must be sent as/);
  });

  it("answers a request in Remix's older data format (?_data=) with 400 and a sentence, whatever the method, and never hands it on", async () => {
    const before = seen.length;
    for (const path of ["/?_data=routes/nope", "/login?_data=routes/login", "/parcels?_data=", "/parcels?page=2&_data=routes/parcels._index"]) {
      const answer = await send(path, { method: "GET" });
      expect(answer.status, path).toBe(400);
      expect(answer.headers["content-type"]).toBe("text/plain; charset=utf-8");
      expect(answer.body).toBe(DATA_REQUEST_MESSAGE);
    }
    const posted = await send("/parcels/new?_data=routes/parcels.new", { headers: FORM, body: "name=x" });
    expect(posted.status).toBe(400);
    expect(posted.body).toBe(DATA_REQUEST_MESSAGE);
    const api = await send("/api/v1/resale/calculate?_data=routes/api", { headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toEqual({ error: "refused", message: DATA_REQUEST_MESSAGE });
    expect(seen.length).toBe(before);
    // the app's own requests: a page, single fetch's `.data`, a query that merely mentions _data
    for (const path of ["/parcels", "/parcels.data", "/parcels?q=_data", "/parcels?my_data=1"]) expect((await send(path, { method: "GET" })).status, path).toBe(200);
    expect(seen.length).toBe(before + 4);
  });
});

describe("security headers", () => {
  it("are on every response, with a new script nonce each time, and HSTS only over HTTPS", async () => {
    const first = await send("/parcels", { method: "GET" });
    const second = await send("/parcels", { method: "GET" });
    const css = await send("/static.css", { method: "GET" });
    const refused = await send("/login", { headers: FORM, repeat: "a", total: 3 * MB });
    for (const answer of [first, second, css, refused]) {
      const csp = String(answer.headers["content-security-policy"]);
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["referrer-policy"]).toBe("same-origin");
      expect(answer.headers["strict-transport-security"]).toBeUndefined();
    }
    const nonce = JSON.parse(first.body).nonce as string;
    expect(String(first.headers["content-security-policy"])).toContain(`'nonce-${nonce}'`);
    expect(JSON.parse(second.body).nonce).not.toBe(nonce);
    const overHttps = await send("/parcels", { method: "GET", headers: { "X-Forwarded-Proto": "https" } });
    expect(overHttps.headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
  });

  it("marks cookies Secure when the request came over HTTPS (here through a trusted proxy), not over plain HTTP", async () => {
    const plain = await send("/parcels", { method: "GET" });
    expect(plain.headers["set-cookie"]).toEqual(["cg_session=abc; Path=/; HttpOnly; SameSite=Lax"]);
    const overHttps = await send("/parcels", { method: "GET", headers: { "X-Forwarded-Proto": "https" } });
    expect(overHttps.headers["set-cookie"]).toEqual(["cg_session=abc; Path=/; HttpOnly; SameSite=Lax; Secure"]);
  });

  it("overwrites a nonce the client made up", async () => {
    const answer = await send("/parcels", { method: "GET", headers: { [CSP_NONCE_HEADER]: "chosen-by-attacker" } });
    expect(JSON.parse(answer.body).nonce).not.toBe("chosen-by-attacker");
  });
});
