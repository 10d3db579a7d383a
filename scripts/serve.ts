/**
 * The production server: `npm start` builds the app and runs this file. It prepares the database
 * (migrations, first-run demo data) and serves the Remix build with Express.
 */
import { createServer } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { disconnectDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { newRequestId } from "~/utils/request.server";
import { prepareRuntime } from "./prepare-runtime.ts";

await prepareRuntime();

const build = (await import(pathToFileURL(resolve("build/index.js")).href)) as ServerBuild;
const app = express();
app.disable("x-powered-by");
if (env().TRUST_PROXY === "true") app.set("trust proxy", true);
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.use((req, res, next) => {
  const id = newRequestId();
  req.headers["x-request-id"] = id;
  req.headers["x-commonground-client-ip"] = req.ip ?? "unknown";
  res.setHeader("X-Request-Id", id);
  next();
});
app.all("*", createRequestHandler({ build, mode: build.mode }));

const port = env().PORT;
const server = createServer(app).listen(port, () => {
  console.log(`Commonground is running at http://localhost:${port}`);
});

function shutdown(signal: string) {
  console.log(`${signal} received, shutting down`);
  server.close(() => {
    void disconnectDb().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
