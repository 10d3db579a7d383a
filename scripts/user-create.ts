/**
 * Creates a real administrator for a production deployment:
 *   npm run user:create -- --email you@clt.org --name "Your Name" --organisation "Your Land Trust" [--state VT --county Chittenden]
 *     [--time-zone America/New_York]   (IANA name; default: the usual zone of --state, else America/New_York)
 * Adds the account to the organisation of that name, creating the organisation if it does not exist.
 * The password is read from the COMMONGROUND_PASSWORD variable, or generated and printed once.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { systemActor } from "~/modules/audit/audit.server";
import { EmailSchema, NewPasswordSchema } from "~/modules/auth/password-policy";
import { passwordProblem } from "~/modules/auth/password-strength.server";
import { createOrganisationWithAdmin } from "~/modules/organisations/organisations.server";
import { checkTimeZone } from "~/modules/organisations/time-zone";
import { addUser } from "~/modules/users/users.server";
import { db, disconnectDb } from "~/utils/db.server";
import { ensureSessionSecret } from "./prepare-runtime.ts";
import { deployMigrations } from "./db/engine.ts";
import { databaseUrl } from "~/utils/env.server";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    organisation: { type: "string" },
    state: { type: "string", default: "" },
    county: { type: "string", default: "" },
    "time-zone": { type: "string" },
  },
});

const Args = z.object({
  email: EmailSchema,
  name: z.string({ required_error: "--name is required" }).trim().min(1, "--name is required"),
  organisation: z.string({ required_error: "--organisation is required" }).trim().min(1, "--organisation is required"),
  state: z.string(),
  county: z.string(),
  "time-zone": z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const check = checkTimeZone(value);
      if (!check.ok) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: check.message });
        return z.NEVER;
      }
      return check.timeZone;
    }),
});

const parsed = Args.safeParse(values);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") || "arguments"}: ${issue.message}`);
  console.error('usage: npm run user:create -- --email you@clt.org --name "Your Name" --organisation "Your Land Trust"');
  process.exit(2);
}
const generated = !process.env.COMMONGROUND_PASSWORD;
const password = process.env.COMMONGROUND_PASSWORD || randomBytes(12).toString("base64url");
const passwordCheck = NewPasswordSchema.safeParse(password);
if (!passwordCheck.success) {
  console.error(`COMMONGROUND_PASSWORD: ${passwordCheck.error.issues[0]?.message}`);
  process.exit(2);
}
const weakPassword = generated ? null : passwordProblem(password, { email: parsed.data.email, name: parsed.data.name, organisationName: parsed.data.organisation });
if (weakPassword) {
  console.error(`COMMONGROUND_PASSWORD: ${weakPassword}`);
  process.exit(2);
}

ensureSessionSecret(() => {});
await deployMigrations(databaseUrl());
const client = db();
const { email, name, organisation: organisationName, state, county, "time-zone": timeZone } = parsed.data;
const existing = await client.organisation.findFirst({ where: { name: organisationName } });
if (existing) {
  const result = await addUser(client, systemActor(existing.id, "user:create"), { email, name, role: "admin", password });
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
} else {
  await createOrganisationWithAdmin(client, { name: organisationName, state, county, timeZone }, { email, name, password });
}
console.log(`Administrator ${email} can now sign in to ${organisationName}.`);
if (generated) console.log(`Initial password (shown once): ${password}`);
await disconnectDb();
process.exit(0);
