/**
 * What an operator needs from the running server (README "Operations"):
 * - `GET /healthz`: the process is up (no database, no session);
 * - `GET /readyz`: the database answers and every migration in prisma/<engine>/migrations is applied;
 *   503 with the reason otherwise, and while shutting down so a load balancer stops sending requests;
 * - one JSON line per request on stdout (time, level, request id, method, path, status, duration);
 * - an access log of every file read — PDF, CSV, ZIP: any answer with a Content-Disposition — saying who
 *   (the person or API token), which organisation, what and when, as JSON lines in ACCESS_LOG (a file,
 *   appended) or, without it, on stdout marked `"msg":"access"`. A download writes nothing to the database
 *   (a prefetch must not count as producing a document): this log is where reads are kept;
 * - graceful shutdown on SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (up to
 *   SHUTDOWN_TIMEOUT_MS, default 30 s), close the database, exit 0.
 */
import { createWriteStream, readdirSync, type WriteStream } from "node:fs";
import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { defaultMigrationsDir } from "../db/migrations.ts";
import { db, disconnectDb } from "~/utils/db.server";
import { databaseUrl, isPostgresUrl } from "~/utils/env.server";
import { newRequestContext, runWithRequestContext } from "~/utils/request-context.server";

type Level = "info" | "warn" | "error";

/** One structured log line on stdout (errors on stderr). */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  const line = `${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`;
  if (level === "error") process.stderr.write(line);
  else process.stdout.write(line);
}

/** Where access lines go: a file opened once for appending (ACCESS_LOG), or null for stdout. */
let accessFile: WriteStream | null | undefined;

function accessLogFile(): WriteStream | null {
  if (accessFile === undefined) {
    const path = process.env.ACCESS_LOG?.trim();
    accessFile = path ? createWriteStream(path, { flags: "a" }) : null;
    accessFile?.on("error", (error) => log("error", "access log cannot be written", { path, error: error.message }));
  }
  return accessFile;
}

/** The file name a download was offered under (Content-Disposition), or null when the answer is not a file. */
export function downloadFilename(contentDisposition: unknown): string | null {
  if (typeof contentDisposition !== "string" || !/^\s*(attachment|inline)\b/i.test(contentDisposition)) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(contentDisposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!.trim());
    } catch {
      /* fall through to the plain name */
    }
  }
  return /filename\s*=\s*"([^"]*)"/i.exec(contentDisposition)?.[1] ?? /filename\s*=\s*([^;]+)/i.exec(contentDisposition)?.[1]?.trim() ?? "";
}

/** One access line: who read which file, when (docs: README "Operations"). */
export function logAccess(fields: Record<string, unknown>): void {
  const line = `${JSON.stringify({ time: new Date().toISOString(), level: "info", msg: "access", ...fields })}\n`;
  const file = accessLogFile();
  if (file) file.write(line);
  else process.stdout.write(line);
}

/**
 * Logs every request when its response is finished (or the client went away), and every file read in the
 * access log, and runs the request inside the per-request context (app/utils/request-context.server.ts:
 * the memo, and who is reading). Place after the middleware that sets x-request-id.
 */
export function requestLogging() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const context = newRequestContext(req.method);
    let logged = false;
    const done = (aborted: boolean) => {
      if (logged) return;
      logged = true;
      const status = aborted && !res.writableFinished ? 499 : res.statusCode;
      const fields = {
        requestId: req.headers["x-request-id"],
        method: req.method,
        path: req.path,
        status,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        bytes: Number(res.getHeader("content-length")) || undefined,
      };
      log(status >= 500 ? "error" : "info", "request", fields);
      const filename = status < 300 ? downloadFilename(res.getHeader("content-disposition")) : null;
      if (filename !== null) {
        logAccess({ ...context.reader, requestId: fields.requestId, method: fields.method, path: req.originalUrl, status, file: filename, bytes: fields.bytes, completed: !aborted || res.writableFinished });
      }
    };
    res.on("finish", () => done(false));
    res.on("close", () => done(true));
    runWithRequestContext(req.method, next, context);
  };
}

let shuttingDown = false;

function expectedMigrations(): string[] {
  const dir = defaultMigrationsDir(isPostgresUrl(databaseUrl()) ? "postgresql" : "sqlite");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

let expected: string[] | undefined;

/** Migrations in prisma/<engine>/migrations not (successfully) applied to the database; throws when unreachable. */
export async function pendingMigrations(): Promise<string[]> {
  expected ??= expectedMigrations();
  let applied: { migration_name: string }[];
  try {
    applied = await db().$queryRawUnsafe<{ migration_name: string }[]>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
  } catch (error) {
    // a new database has no migrations table yet
    if (/_prisma_migrations/.test(String((error as Error)?.message))) return expected;
    throw error;
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return expected.filter((name) => !done.has(name));
}

/** Why the server is not ready, or null when it is. */
export async function notReadyReason(): Promise<string | null> {
  if (shuttingDown) return "shutting down";
  let pending: string[];
  try {
    pending = await pendingMigrations();
  } catch (error) {
    return `database unreachable: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
  }
  return pending.length ? `${pending.length} migration(s) not applied: ${pending.join(", ")}` : null;
}

/** GET /healthz and GET /readyz: no session, no cookies, never cached. */
export function healthRoutes() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (req.path === "/healthz") {
      res.setHeader("Cache-Control", "no-store");
      res.status(200).json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) });
      return;
    }
    if (req.path === "/readyz") {
      res.setHeader("Cache-Control", "no-store");
      notReadyReason().then(
        (reason) => {
          if (reason) res.status(503).json({ status: "not ready", reason });
          else res.status(200).json({ status: "ready" });
        },
        (error: unknown) => next(error),
      );
      return;
    }
    next();
  };
}

/**
 * Stops on SIGTERM/SIGINT after in-flight requests finish: new connections are refused, idle keep-alive
 * connections closed, busy ones answered with `Connection: close`. After `timeoutMs` the rest are cut.
 */
export function gracefulShutdown(server: Server, timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 30_000)): void {
  server.on("request", (_req, res) => {
    if (shuttingDown) res.setHeader("Connection", "close");
  });
  const stop = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log("info", "shutting down: finishing in-flight requests", { signal });
    server.close(() => {
      void disconnectDb().finally(() => {
        log("info", "stopped");
        process.exit(0);
      });
    });
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 250);
    idle.unref();
    setTimeout(() => {
      log("warn", "shutdown timeout: closing remaining connections", { timeoutMs });
      server.closeAllConnections();
      process.exit(1);
    }, timeoutMs).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

/**
 * After the server listens: render a sample lease once in the background (entry.server's `warmUp`), so the
 * first lease a person downloads does not pay for parsing fonts and shaping the lease's words
 * (docs/benchmarks.md). DOCUMENT_WARMUP=false turns it off. The render holds the event loop while it runs
 * (about half a second on a quiet machine, much longer on an overloaded one): requests arriving then wait.
 */
export function warmUp(build: ServerBuild, delayMs = 3_000): void {
  const entry = build.entry.module as { warmUp?: () => Promise<void> };
  if (typeof entry.warmUp !== "function" || process.env.DOCUMENT_WARMUP === "false") return;
  const run = entry.warmUp;
  setTimeout(() => {
    const started = performance.now();
    run().then(
      () => log("info", "documents warmed up", { durationMs: Math.round(performance.now() - started) }),
      (error: unknown) => log("warn", "document warm-up failed", { error: error instanceof Error ? error.message : String(error) }),
    );
  }, delayMs).unref();
}
