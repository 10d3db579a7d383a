/**
 * The production server: `npm start` builds the app (scripts/start.mjs; only when the build is out of date)
 * and runs this file compiled to build/serve.js with plain node (entry: build/server.js, which sets
 * NODE_ENV=production first; scripts/build.mjs). It prepares the database (migrations, first-run demo data)
 * and serves the Remix build with Express. Health checks, request logs and graceful
 * shutdown: scripts/server/operations.ts.
 */
import { readdirSync } from "node:fs";
import { createServer } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { startEmailSender } from "~/modules/email/transport.server";
import { startReminders } from "~/modules/reminders/reminders.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { guardRequests, securityHeaders } from "~/utils/http-guard.server";
import { withDomainErrors } from "~/web/domain-errors.server";
import { newRequestId } from "~/utils/request.server";
import { prepareRuntime } from "./prepare-runtime.ts";
import { gracefulShutdown, healthRoutes, log, requestLogging, warmUp } from "./server/operations.ts";

await prepareRuntime();

// every loader and action answers a module's domain error (not found, conflict, invalid, forbidden) with its
// status: app/web/domain-errors.server.ts
const build = withDomainErrors((await import(pathToFileURL(resolve("build/index.js")).href)) as ServerBuild);
const app = express();
app.disable("x-powered-by");
if (env().TRUST_PROXY === "true") app.set("trust proxy", true);
app.use(securityHeaders);
app.use(healthRoutes());
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
// public/'s own files (favicon): only paths under one of its top-level names go to express.static, so a
// page request costs no file-system lookup
const publicFiles = express.static("public", { maxAge: "1h" });
const publicEntries = new Set(readdirSync("public").filter((name) => name !== "build").map((name) => `/${name}`));
app.use((req, res, next) => (publicEntries.has(`/${req.path.split("/")[1] ?? ""}`) ? publicFiles(req, res, next) : next()));
app.use((req, res, next) => {
  const id = newRequestId();
  req.headers["x-request-id"] = id;
  req.headers["x-commonground-client-ip"] = req.ip ?? "unknown";
  res.setHeader("X-Request-Id", id);
  next();
});
app.use(requestLogging());
app.all("*", guardRequests(createRequestHandler({ build, mode: build.mode })));

const stopEmailSender = startEmailSender(db);
const stopReminders = startReminders(db);

const port = env().PORT;
const server = createServer(app).listen(port, () => {
  log("info", `Commonground is running at http://localhost:${port}`, { port, pid: process.pid });
  warmUp(build);
});
gracefulShutdown(server, env().SHUTDOWN_TIMEOUT_MS);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => {
  stopEmailSender();
  stopReminders();
});
