import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * House rule `house/org-scoped-queries`: every Prisma query in a `*.server.ts` module names the organisation,
 * so a trust can never read or change another trust's records by passing an id.
 *
 * What counts as a Prisma query: a call `<client>.<model>.<operation>(…)` where <client> is `db`, `db()`, `tx`,
 * `prisma` or `client` and <operation> is a Prisma model operation (findMany, findFirst, findUnique, count,
 * aggregate, groupBy, create, createMany, update, updateMany, upsert, delete, deleteMany and their
 * …OrThrow/…AndReturn forms); and a raw query (`$queryRaw`, `$executeRaw`, …Unsafe).
 *
 * Which models: those with an `organisationId` column in prisma/sqlite/schema.prisma (read when the rule
 * starts). A model without one — the organisation itself, users (one login may belong to several trusts), login
 * attempts, and the governance rows under a meeting or election — is reached through a scoped parent and is not
 * checked here.
 *
 * What counts as scoped:
 *   - the arguments contain, at any depth, a property named `organisationId` or `organisation` (a `where`
 *     filter, a relation filter such as `{ household: { organisationId } }`, `data.organisationId`, a
 *     compound unique key such as `organisationId_parcelNumberKey`), or
 *   - the same holds for a local variable or function the arguments use (`const where = { organisationId }`),
 *     followed up to four steps; or
 *   - they use a scoped helper: a spread or value that calls or names something ending in `Scope`/`scope`
 *     (e.g. `where: eventScope(actor)`), or
 *   - a raw query's SQL, or the function that builds it, names the "organisationId" column.
 * The escape, for the few reads and writes that are deliberately not per organisation (the session lookup
 * before anyone is known, a child row addressed by the id of a parent already checked in the same
 * transaction): a comment containing `cross-organisation:` and the reason, on the query's line or the line
 * just above its statement.
 */

const OPERATIONS = new Set([
  "findMany", "findFirst", "findFirstOrThrow", "findUnique", "findUniqueOrThrow", "count", "aggregate", "groupBy",
  "create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany",
]);
const RAW = new Set(["$queryRaw", "$queryRawUnsafe", "$executeRaw", "$executeRawUnsafe"]);
const CLIENTS = new Set(["db", "tx", "prisma", "client"]);
const ESCAPE = /cross-organisation:\s*\S/;

const scopedModelsByRoot = new Map();

/** Model accessors (`householdMember`) of the models with an organisationId column. */
function scopedModels(root) {
  let models = scopedModelsByRoot.get(root);
  if (!models) {
    const schema = readFileSync(join(root, "prisma", "sqlite", "schema.prisma"), "utf8");
    models = new Set();
    for (const [, name, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
      if (/^\s+organisationId\s/m.test(body)) models.add(name[0].toLowerCase() + name.slice(1));
    }
    scopedModelsByRoot.set(root, models);
  }
  return models;
}

function isClient(node) {
  if (node.type === "Identifier") return CLIENTS.has(node.name);
  if (node.type === "CallExpression" && node.callee.type === "Identifier") return CLIENTS.has(node.callee.name);
  return false;
}

function keyName(property) {
  if (property.computed) return null;
  if (property.key.type === "Identifier") return property.key.name;
  if (property.key.type === "Literal") return String(property.key.value);
  return null;
}

/** Depth-first over the AST below `node`: true when `found(child)` holds for some node. */
/** What a query reads back, not what it filters or writes: naming organisationId there scopes nothing. */
const OUTPUT_KEYS = new Set(["select", "include", "omit", "orderBy", "distinct"]);

function some(node, found) {
  if (!node || typeof node.type !== "string") return false;
  if (node.type === "Property" && OUTPUT_KEYS.has(keyName(node) ?? "")) return false;
  if (found(node)) return true;
  for (const [key, value] of Object.entries(node)) {
    if (key === "parent" || key === "loc" || key === "range") continue;
    if (Array.isArray(value)) {
      if (value.some((item) => item && typeof item === "object" && some(item, found))) return true;
    } else if (value && typeof value === "object" && typeof value.type === "string" && some(value, found)) return true;
  }
  return false;
}

const namesScope = (node) =>
  (node.type === "Identifier" && /scope$/i.test(node.name)) ||
  (node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier" && /scope$/i.test(node.property.name));

/**
 * True when `node` names the organisation: a property `organisationId`/`organisation` (or a compound key with
 * organisationId), a *Scope helper — or a local variable or function whose definition does (followed a few
 * steps, so `const where = { organisationId, … }` and `const range = () => ({ organisationId, … })` count).
 */
function namesOrganisation(node, sourceCode, seen, depth) {
  return some(node, (child) => {
    if (child.type === "Property" && /(^|_)organisation(Id)?(_|$)/.test(keyName(child) ?? "")) return true;
    if (child.type === "CallExpression" && namesScope(child.callee)) return true;
    if (child.type === "SpreadElement" && namesScope(child.argument)) return true;
    if (child.type === "Property" && namesScope(child.value)) return true;
    if (child.type === "Identifier" && depth < 4 && !(child.parent?.type === "Property" && child.parent.key === child && !child.parent.shorthand)) {
      return definitionNamesOrganisation(child, sourceCode, seen, depth + 1);
    }
    return false;
  });
}

function definitionNamesOrganisation(identifier, sourceCode, seen, depth) {
  let scope = sourceCode.getScope(identifier);
  let variable = null;
  while (scope && !variable) {
    variable = scope.set.get(identifier.name) ?? null;
    scope = scope.upper;
  }
  if (!variable || seen.has(variable)) return false;
  seen.add(variable);
  return variable.defs.some((def) => {
    if (def.type === "Variable" && def.node.init) return namesOrganisation(def.node.init, sourceCode, seen, depth);
    // `for (const event of events)`: the rows of a scoped read
    const loop = def.type === "Variable" ? def.node.parent?.parent : null;
    if (loop && (loop.type === "ForOfStatement" || loop.type === "ForInStatement") && loop.left === def.node.parent) return namesOrganisation(loop.right, sourceCode, seen, depth);
    if (def.type === "FunctionName") return namesOrganisation(def.node.body, sourceCode, seen, depth);
    return false;
  });
}

function scoped(args, sourceCode) {
  const seen = new Set();
  return args.some((arg) => namesOrganisation(arg, sourceCode, seen, 0));
}

/** A raw query is scoped when its SQL, or the function that builds it, names the "organisationId" column. */
function rawMentionsOrganisation(node, sourceCode) {
  let around = node;
  while (around.parent && !/Function/.test(around.type)) around = around.parent;
  return /"organisationId"/.test(sourceCode.getText(around));
}

/** @type {import("eslint").Rule.RuleModule} */
export const orgScopedQueries = {
  meta: {
    type: "problem",
    docs: { description: "Every Prisma query in a *.server.ts module is scoped to the organisation" },
    schema: [{ type: "object", properties: { root: { type: "string" } }, additionalProperties: false }],
    messages: {
      unscoped:
        "This {{model}}.{{operation}} is not scoped to the organisation: filter by organisationId (directly or through a relation, e.g. { household: { organisationId } }), use a *Scope helper, or — if it is deliberately cross-organisation — say why in a `// cross-organisation: <reason>` comment.",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const models = scopedModels(resolve(context.options[0]?.root ?? context.cwd));
    const escapes = sourceCode.getAllComments().filter((comment) => ESCAPE.test(comment.value));
    // the comment is on one of the query's lines, or ends on the line just above the statement's first line
    const escaped = (node) => {
      let statement = node;
      while (statement.parent && !/Statement|Declaration$/.test(statement.type)) statement = statement.parent;
      const first = Math.min(node.loc.start.line, statement.loc.start.line);
      return escapes.some((comment) => comment.loc.end.line >= first - 1 && comment.loc.start.line <= node.loc.end.line);
    };
    const report = (node, model, operation) => {
      if (!escaped(node)) context.report({ node, messageId: "unscoped", data: { model, operation } });
    };
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier") return;
        const operation = callee.property.name;
        if (RAW.has(operation) && isClient(callee.object)) {
          if (!rawMentionsOrganisation(node, sourceCode)) report(node, "(raw)", operation);
          return;
        }
        if (!OPERATIONS.has(operation)) return;
        const modelAccess = callee.object;
        if (modelAccess.type !== "MemberExpression" || modelAccess.computed || modelAccess.property.type !== "Identifier") return;
        if (!isClient(modelAccess.object)) return;
        const model = modelAccess.property.name;
        if (!models.has(model)) return;
        if (!scoped(node.arguments, sourceCode)) report(node, model, operation);
      },
      TaggedTemplateExpression(node) {
        const tag = node.tag;
        if (tag.type !== "MemberExpression" || tag.computed || !RAW.has(tag.property.name) || !isClient(tag.object)) return;
        if (!rawMentionsOrganisation(node, sourceCode)) report(node, "(raw)", tag.property.name);
      },
    };
  },
};
