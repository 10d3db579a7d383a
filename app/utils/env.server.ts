import { z } from "zod";

/**
 * The environment, validated once. A bad variable stops the process with a message naming it.
 * SESSION_SECRET may be absent in the environment: scripts/serve.ts then creates one under ./data
 * (so `npm install && npm start` needs no configuration) and sets it before the app loads.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((value) => value === "" || /^(file:|postgres(ql)?:\/\/)/.test(value), {
      message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    })
    .optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters long").optional(),
  PORT: z.coerce.number().int("must be a whole number").min(1).max(65535).default(3000),
  SEED_DEMO: z.enum(["true", "false"], { message: 'must be "true" or "false"' }).default("true"),
  COOKIE_SECURE: z.enum(["true", "false"], { message: 'must be "true" or "false"' }).optional(),
  TRUST_PROXY: z.enum(["true", "false"], { message: 'must be "true" or "false"' }).default("false"),
  // automatic SQLite backups before migrations (README "Operations"): where, and how many to keep (0 = none)
  BACKUP_DIR: z.string().trim().min(1).optional(),
  BACKUP_KEEP: z.coerce.number().int("must be a whole number").min(0).max(1000).default(10),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int("must be a whole number").min(0).default(30_000),
  // the largest document an upload may store (stored documents, README "Configuration")
  DOCUMENT_MAX_MB: z.coerce.number().int("must be a whole number of megabytes").min(1, "must be at least 1").max(1024, "must be at most 1024").default(20),
  // unset: email stays in the outbox (Settings → Email); set: a sender delivers it over SMTP
  SMTP_URL: z
    .string()
    .trim()
    .refine((value) => value === "" || /^smtps?:\/\/[^\s]+$/.test(value), { message: "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.org:465" })
    .optional(),
  // the address people open Commonground at; links in emails (invitations, password resets) use it
  APP_URL: z
    .string()
    .trim()
    .refine((value) => value === "" || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(value), { message: "must be an http:// or https:// address, e.g. https://app.yourclt.org" })
    .optional(),
}).superRefine((value, context) => {
  // a password-reset link built from the request's Host header could point anywhere (host-header poisoning)
  if (value.SMTP_URL && !value.APP_URL) {
    context.addIssue({ code: z.ZodIssueCode.custom, path: ["APP_URL"], message: "is required when SMTP_URL is set: links in emails are built from it, e.g. https://app.yourclt.org" });
  }
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const DEFAULT_DATABASE_URL = "file:./data/commonground.db";

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  return url && url.length > 0 ? url : DEFAULT_DATABASE_URL;
}

/**
 * The origin and path prefix for links in emails: APP_URL without a trailing slash, or — when it is not set, so
 * mail only reaches the outbox admins read — the origin of the request that caused the email.
 */
export function appUrl(request: Request): string {
  const configured = env().APP_URL;
  return configured ? configured.replace(/\/+$/, "") : new URL(request.url).origin;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function sessionSecret(): string {
  const secret = env().SESSION_SECRET;
  if (!secret) throw new EnvError("SESSION_SECRET is not set (npm start creates one under ./data)");
  return secret;
}

/**
 * COOKIE_SECURE=true marks cookies Secure on every response. Without it they are Secure on every HTTPS
 * request anyway (app/utils/http-guard.server.ts), which covers a TLS proxy with TRUST_PROXY=true.
 */
export function cookieSecure(): boolean {
  return env().COOKIE_SECURE === "true";
}

/** The largest stored document, in bytes (DOCUMENT_MAX_MB, default 20 MB). */
export function documentMaxBytes(): number {
  return env().DOCUMENT_MAX_MB * 1024 * 1024;
}
