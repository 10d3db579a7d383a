import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ESLint, Linter } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, describe, expect, it } from "vitest";
import house from "../../eslint/house-rules.js";

/**
 * The house rules in eslint.config.js catch what they are meant to catch: each rule is shown a violation
 * (and the same code where it is allowed), linted with the project's own configuration.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function messages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("house rule: app/ and scripts/ never import tests/", () => {
  const importing = [
    'import { createOrganisation } from "../../../tests/factories/organisations";',
    'export * from "../../tests/factories/scale.ts";',
    'export const load = () => import("../../tests/factories/demo-portfolio.ts");',
    "export { createOrganisation };",
  ].join("\n");

  it("fails a static import, a re-export and a dynamic import in app/", async () => {
    const found = await messages(importing, "app/modules/parcels/example.ts");
    expect(found.filter((m) => m.includes("must not import from tests/"))).toHaveLength(3);
  });

  it("fails the same in scripts/", async () => {
    const found = await messages(importing, "scripts/seed/example.ts");
    expect(found.filter((m) => m.includes("must not import from tests/"))).toHaveLength(3);
  });

  it("allows the shared factories from app/modules/demo, and tests importing tests", async () => {
    expect(await messages('import { createOrganisation } from "~/modules/demo/organisations";\nexport { createOrganisation };\n', "scripts/seed/example.ts")).toEqual([]);
    expect(await messages('import { setUp } from "../setup/database";\nexport { setUp };\n', "tests/integration/example.test.ts")).toEqual([]);
  });
});

/**
 * Writes `files` into a fresh folder (removed after the block's tests) and returns a function that lints one of them
 * with just `rule`, whose `root` option is that folder: the cycle rules read the files an import leads to from disk.
 */
function projectOnDisk(prefix: string, files: Record<string, string>, rule: string): (path: string) => Linter.LintMessage[] {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const linter = new Linter({ cwd: root });
  return (path: string) =>
    linter.verify(
      files[path]!,
      [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser }, plugins: { house }, rules: { [rule]: ["error", { root }] } }],
      join(root, path),
    );
}

describe("house rule: no import cycles in app/", () => {
  // A small project on disk: a → b → c → a is a circle; d imports a and is outside it.
  const files: Record<string, string> = {
    "app/modules/x/a.ts": 'import { b } from "./b";\nexport const a = () => b();\n',
    "app/modules/x/b.ts": 'import { c } from "~/modules/y/c";\nexport const b = () => c();\n',
    "app/modules/y/c.ts": 'import type { A } from "../x/types";\nexport type { A };\nexport const c = () => import("../x/a.ts");\n',
    "app/modules/x/types.ts": "export type A = string;\n",
    "app/modules/x/d.ts": 'import { a } from "./a";\nexport const d = a;\n',
  };
  const lint = projectOnDisk("cg-cycle-", files, "house/no-import-cycle");

  it("reports the import that closes the circle, naming every file on it", () => {
    const [message, ...rest] = lint("app/modules/x/a.ts");
    expect(rest).toEqual([]);
    expect(message!.message).toContain("Import cycle: app/modules/x/a.ts → app/modules/x/b.ts → app/modules/y/c.ts → app/modules/x/a.ts");
    expect(lint("app/modules/y/c.ts")).toHaveLength(1); // the dynamic import closes it too
  });

  it("leaves files that only lead into a circle, and type imports outside one, alone", () => {
    expect(lint("app/modules/x/d.ts")).toEqual([]);
    expect(lint("app/modules/x/types.ts")).toEqual([]);
  });

  it("is switched on for every file in app/ by the project's configuration", async () => {
    const config = (await eslint.calculateConfigForFile("app/modules/resale/engine.ts")) as { rules: Record<string, unknown> };
    expect(config.rules["house/no-import-cycle"]).toEqual([2]);
  });
});

describe("house rule: no circle between concept folders of app/modules", () => {
  // A small project on disk: folders leases → fees → events → leases form a circle (no file-level cycle);
  // parcels imports leases and is outside it; a unit test in events may import fees.
  const files: Record<string, string> = {
    "app/modules/leases/amend.server.ts": 'import { lastCharge } from "~/modules/fees/ledger";\nexport const amend = () => lastCharge();\n',
    "app/modules/leases/terms.ts": "export const term = 1;\n",
    "app/modules/fees/ledger.ts": 'import { event } from "../events/event";\nexport const lastCharge = () => event;\n',
    "app/modules/events/event.ts": 'import type { Term } from "~/modules/leases/types";\nexport type { Term };\nexport const event = 1;\n',
    "app/modules/leases/types.ts": "export type Term = number;\n",
    "app/modules/parcels/parcel.ts": 'import { term } from "~/modules/leases/terms";\nexport const parcel = term;\n',
    "app/modules/events/event.test.ts": 'import { lastCharge } from "~/modules/fees/ledger";\nexport const t = lastCharge;\n',
  };
  const lint = projectOnDisk("cg-folder-cycle-", files, "house/no-folder-cycle");

  it("reports each import on the circle, naming the folders and the import behind every step", () => {
    const [message, ...rest] = lint("app/modules/leases/amend.server.ts");
    expect(rest).toEqual([]);
    expect(message!.message).toContain("Concept folders in a circle: leases → fees → events → leases");
    expect(message!.message).toContain("leases/amend.server.ts → fees/ledger.ts; fees/ledger.ts → events/event.ts; events/event.ts → leases/types.ts");
    expect(lint("app/modules/fees/ledger.ts")).toHaveLength(1);
    expect(lint("app/modules/events/event.ts")).toHaveLength(1); // a type-only import closes it too
  });

  it("leaves a folder that only leads into the circle, a file's own folder and unit tests alone", () => {
    expect(lint("app/modules/parcels/parcel.ts")).toEqual([]);
    expect(lint("app/modules/leases/terms.ts")).toEqual([]);
    expect(lint("app/modules/events/event.test.ts")).toEqual([]);
  });

  it("is switched on for the modules (not their unit tests) by the project's configuration", async () => {
    const config = (await eslint.calculateConfigForFile("app/modules/leases/leases.server.ts")) as { rules: Record<string, unknown> };
    expect(config.rules["house/no-folder-cycle"]).toEqual([2]);
    const testConfig = (await eslint.calculateConfigForFile("app/modules/leases/lifecycle.test.ts")) as { rules: Record<string, unknown> };
    expect(testConfig.rules["house/no-folder-cycle"]).toBeUndefined();
  });
});

describe("house rule: no Response built, thrown or returned in app/modules", () => {
  const offending = [
    'import { data, redirect } from "@remix-run/node";',
    'import { redirectWithToast } from "~/utils/toast.server";',
    "export function find(found: boolean) {",
    '  if (!found) throw new Response("Household not found", { status: 404 });',
    '  if (found) return Response.json({ ok: true });',
    '  return [data({}), redirect("/"), redirectWithToast("/", { kind: "info", message: "" })];',
    "}",
  ].join("\n");

  it("fails new Response, Response.json, Remix's data/redirect and the project's response helpers in a module", async () => {
    const found = (await messages(offending, "app/modules/households/example.server.ts")).filter((m) => m.startsWith("house/no-response-in-modules"));
    expect(found).toHaveLength(5);
    expect(found.join("\n")).toContain("throw a domain error from ~/utils/errors");
  });

  it("allows the same in a route and in the web layer, and a module throwing a domain error", async () => {
    const routeMessages = await messages(offending, "app/routes/households.example.tsx");
    expect(routeMessages.filter((m) => m.startsWith("house/no-response-in-modules"))).toEqual([]);
    expect((await messages(offending, "app/web/example.server.ts")).filter((m) => m.startsWith("house/no-response-in-modules"))).toEqual([]);
    const domain = 'import { NotFoundError } from "~/utils/errors";\nexport function find(found: boolean) {\n  if (!found) throw new NotFoundError("Household not found");\n}\n';
    expect(await messages(domain, "app/modules/households/example.server.ts")).toEqual([]);
  });
});

describe("house rule: decimal.js only in the money module", () => {
  const raw = 'import Decimal from "decimal.js";\nexport const rate = new Decimal("0.035");\n';

  it("fails a raw decimal.js import in a module, a script and a test", async () => {
    for (const path of ["app/modules/leases/example.ts", "scripts/example.ts", "tests/integration/example.test.ts"]) {
      expect(await messages(raw, path)).toEqual([expect.stringContaining("house/no-raw-decimal: Import Decimal from ~/utils/money")]);
    }
  });

  it("allows the money module itself, and everyone importing its Decimal", async () => {
    expect((await messages(raw, "app/utils/money.ts")).filter((m) => m.startsWith("house/no-raw-decimal"))).toEqual([]);
    expect(await messages('import { Decimal } from "~/utils/money";\nexport const rate = new Decimal("0.035");\n', "app/modules/leases/example.ts")).toEqual([]);
  });
});

describe("house rule: every Prisma query in a data-access module names the organisation", () => {
  const lintModule = (code: string) => messages(code, "app/modules/parcels/example.server.ts");
  const ruleOnly = (found: string[]) => found.filter((m) => m.startsWith("house/org-scoped-queries"));

  it("fails a read, a write and a raw query that leave the organisation out (a select of it does not count)", async () => {
    const code = [
      'import type { Db } from "~/utils/db.server";',
      "export async function leak(db: Db, parcelId: string) {",
      "  const parcel = await db.parcel.findUnique({ where: { id: parcelId } });",
      '  await db.parcel.update({ where: { id: parcelId }, data: { zoning: "R1" } });',
      "  await db.home.findFirst({ where: { id: parcelId }, select: { organisationId: true } });",
      '  await db.$queryRawUnsafe(`SELECT * FROM "Parcel" WHERE "id" = ?`, parcelId);',
      "  return parcel;",
      "}",
    ].join("\n");
    const found = ruleOnly(await lintModule(code));
    expect(found).toHaveLength(4); // selecting organisationId does not scope the query
    expect(found[0]).toContain("parcel.findUnique is not scoped to the organisation");
  });

  it("allows organisationId in the filter, through a relation, a local variable, the rows of a scoped read or a *Scope helper, and the escape comment", async () => {
    const code = [
      'import type { Db } from "~/utils/db.server";',
      "declare function eventScope(organisationId: string): object;",
      "export async function fine(db: Db, organisationId: string, id: string) {",
      "  await db.parcel.findFirst({ where: { id, organisationId } });",
      "  await db.householdMember.findMany({ where: { household: { organisationId } } });",
      "  const where = { organisationId, status: \"active\" };",
      "  await db.lease.count({ where });",
      "  await db.monitoringEvent.findMany({ where: eventScope(organisationId) });",
      "  for (const row of await db.parcel.findMany({ where: { organisationId } })) await db.parcel.update({ where: { id: row.id }, data: {} });",
      '  await db.$queryRawUnsafe(`SELECT * FROM "Parcel" WHERE "organisationId" = ?`, organisationId);',
      "  // cross-organisation: the session is looked up by its token before anyone knows the organisation",
      "  await db.session.findUnique({ where: { id } });",
      "  await db.user.findUnique({ where: { id } }); // users have no organisationId column: not checked",
      "}",
    ].join("\n");
    expect(await lintModule(code)).toEqual([]);
  });

  it("is switched on for the *.server.ts modules by the project's configuration", async () => {
    const config = (await eslint.calculateConfigForFile("app/modules/parcels/parcels.server.ts")) as { rules: Record<string, unknown> };
    expect(config.rules["house/org-scoped-queries"]).toEqual([2]);
  });
});

describe("house rule: a multi-action route reads its intent with readIntent", () => {
  const raw = [
    'import { readFormData } from "~/utils/form-data.server";',
    "export async function action({ request }: { request: Request }) {",
    "  const formData = await readFormData(request);",
    '  if (formData.get("intent") === "archive") return 1;',
    "  const all = formData.getAll('intent');",
    "  const intent = String(formData.get(`intent`) ?? \"\");",
    '  return [all, intent, formData.get("version")];',
    "}",
  ].join("\n");
  const ruleOnly = (found: string[]) => found.filter((m) => m.startsWith("house/no-raw-intent"));

  it("fails formData.get(\"intent\"), .getAll('intent') and a template literal in a route and in the web layer", async () => {
    const found = ruleOnly(await messages(raw, "app/routes/parcels.example.tsx"));
    expect(found).toHaveLength(3); // formData.get("version") is not the intent
    expect(found[0]).toContain("readIntent(formData, INTENTS) from ~/web/intent.server");
    expect(ruleOnly(await messages(raw, "app/web/example-page.server.ts"))).toHaveLength(3);
  });

  it("allows readIntent, other fields, and the helper itself", async () => {
    const fine = [
      'import { readFormData } from "~/utils/form-data.server";',
      'import { readIntent } from "~/web/intent.server";',
      "export async function action({ request }: { request: Request }) {",
      "  const formData = await readFormData(request);",
      '  const intent = readIntent(formData, ["archive", "restore"]);',
      '  return [intent, formData.get("version"), new URLSearchParams("intent=x").has("intent")];',
      "}",
    ].join("\n");
    expect(await messages(fine, "app/routes/parcels.example.tsx")).toEqual([]);
    expect(ruleOnly(await messages(raw, "app/web/intent.server.ts"))).toEqual([]);
  });
});

describe("house rule: routes do not call Prisma themselves", () => {
  const ruleOnly = (found: string[]) => found.filter((m) => m.startsWith("house/no-prisma-in-routes"));
  const offending = [
    'import { createDb, db } from "~/utils/db.server";',
    'import { PrismaClient } from "~/generated/sqlite/client";',
    "export async function loader({ params }: { params: { id?: string } }) {",
    '  const household = await db().household.findFirst({ where: { id: params.id ?? "" } });',
    "  const client = db();",
    "  const count = await client.lease.count();",
    "  await db().$transaction(async () => null);",
    "  return [household, count, createDb, PrismaClient, db];",
    "}",
  ].join("\n");

  it("fails a query on db(), holding the client, db itself, createDb and an import of the generated client in a route", async () => {
    const found = ruleOnly(await messages(offending, "app/routes/households.example.tsx"));
    // createDb, the generated client, db().household, const client = db(), db().$transaction, the bare db
    expect(found).toHaveLength(6);
    expect(found.filter((m) => m.includes("Routes do not call Prisma (`db().household`)"))).toHaveLength(1);
    expect(found.filter((m) => m.includes("Routes do not call Prisma (`db().$transaction`)"))).toHaveLength(1);
    expect(found.join("\n")).toContain("move the query into a function of its module");
  });

  it("allows db() handed to a module function, a type import, and the same code in a module", async () => {
    const fine = [
      'import { householdSummary } from "~/modules/households/households.server";',
      'import type { Db } from "~/utils/db.server";',
      'import { db } from "~/utils/db.server";',
      "export async function loader({ params }: { params: { id?: string } }) {",
      '  const household = await householdSummary(db(), "org-1", params.id ?? "");',
      "  const typed: Db | null = null;",
      "  return [household, typed];",
      "}",
    ].join("\n");
    expect(ruleOnly(await messages(fine, "app/routes/households.example.tsx"))).toEqual([]);
    expect(ruleOnly(await messages(offending, "app/modules/households/example.server.ts"))).toEqual([]);
  });

  it("is switched on for the routes by the project's configuration", async () => {
    const config = (await eslint.calculateConfigForFile("app/routes/households._index.tsx")) as { rules: Record<string, unknown> };
    expect(config.rules["house/no-prisma-in-routes"]).toEqual([2]);
  });
});
