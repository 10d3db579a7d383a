/**
 * House rule `house/org-scoped-queries`: every Prisma query in a `*.server.ts` module names the organisation,
 * so a trust can never read or change another trust's records by passing an id.
 *
 * What counts as a Prisma query: a call `<client>.<model>.<operation>(…)` where <client> is `db`, `db()`, `tx`,
 * `prisma` or `client` and <operation> is a Prisma model operation (findMany, findFirst, findUnique, count,
 * aggregate, groupBy, create, createMany, update, updateMany, upsert, delete, deleteMany and their
 * …OrThrow/…AndReturn forms); and a raw query (`$queryRaw`, `$executeRaw`, …Unsafe).
 *
 * What counts as scoped:
 *   - the arguments contain, at any depth, a property named `organisationId` or `organisation` (a `where`
 *     filter, a relation filter such as `{ household: { organisationId } }`, `data.organisationId`, a
 *     compound unique key such as `organisationId_parcelNumberKey`), or
 *   - they use a scoped helper: a spread or value that calls or names something ending in `Scope`/`scope`
 *     (e.g. `where: eventScope(actor)`), or
 *   - for the `organisation` model itself, they mention `organisationId` (its own id); or
 *   - a raw query's SQL mentions "organisationId".
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
const SCOPE_KEYS = new Set(["organisationId", "organisation"]);
const ESCAPE = /cross-organisation:\s*\S/;

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
function some(node, found) {
  if (!node || typeof node.type !== "string") return false;
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

function scoped(args, model) {
  return args.some((arg) =>
    some(arg, (node) => {
      if (node.type === "Property" && SCOPE_KEYS.has(keyName(node) ?? "")) return true;
      if (node.type === "Property" && /(^|_)organisationId(_|$)/.test(keyName(node) ?? "")) return true;
      if (node.type === "CallExpression" && namesScope(node.callee)) return true;
      if ((node.type === "SpreadElement" || node.type === "Property") && node.type === "SpreadElement" && namesScope(node.argument)) return true;
      if (node.type === "Property" && namesScope(node.value)) return true;
      if (model === "organisation" && ((node.type === "Identifier" && node.name === "organisationId") || (node.type === "MemberExpression" && !node.computed && node.property.name === "organisationId"))) return true;
      return false;
    }),
  );
}

function rawMentionsOrganisation(node, sourceCode) {
  return /organisationId/.test(sourceCode.getText(node));
}

/** @type {import("eslint").Rule.RuleModule} */
export const orgScopedQueries = {
  meta: {
    type: "problem",
    docs: { description: "Every Prisma query in a *.server.ts module is scoped to the organisation" },
    schema: [],
    messages: {
      unscoped:
        "This {{model}}.{{operation}} is not scoped to the organisation: filter by organisationId (directly or through a relation, e.g. { household: { organisationId } }), use a *Scope helper, or — if it is deliberately cross-organisation — say why in a `// cross-organisation: <reason>` comment.",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const escaped = (node) => {
      const line = node.loc.start.line;
      let statement = node;
      while (statement.parent && !/Statement|Declaration$/.test(statement.type)) statement = statement.parent;
      const comments = [...sourceCode.getCommentsBefore(statement), ...sourceCode.getCommentsInside(statement)];
      return comments.some((comment) => ESCAPE.test(comment.value) && comment.loc.end.line >= Math.min(line, statement.loc.start.line) - 1 && comment.loc.start.line <= node.loc.end.line);
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
        if (!scoped(node.arguments, model)) report(node, model, operation);
      },
      TaggedTemplateExpression(node) {
        const tag = node.tag;
        if (tag.type !== "MemberExpression" || tag.computed || !RAW.has(tag.property.name) || !isClient(tag.object)) return;
        if (!rawMentionsOrganisation(node, sourceCode)) report(node, "(raw)", tag.property.name);
      },
    };
  },
};
