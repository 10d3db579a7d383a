import { noFolderCycle } from "./no-folder-cycle.js";
import { noImportCycle } from "./no-import-cycle.js";
import { orgScopedQueries } from "./org-scoped-queries.js";

/**
 * The project's house rules as ESLint rules (plugin "house", configured in eslint.config.js). Each rule has a
 * test in scripts/lint/house-rules.test.ts that shows it catching a violation.
 */

/** Import sources of every kind: static imports, re-exports and `import("…")` with a literal. */
function onImportSources(check) {
  return {
    ImportDeclaration: (node) => check(node, node.source.value),
    ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
    ExportAllDeclaration: (node) => check(node, node.source.value),
    ImportExpression: (node) => node.source.type === "Literal" && typeof node.source.value === "string" && check(node, node.source.value),
  };
}

/** @type {import("eslint").Rule.RuleModule} */
const noTestsImport = {
  meta: {
    type: "problem",
    docs: { description: "app/ and scripts/ never import from tests/" },
    schema: [],
    messages: { tests: "app/ and scripts/ must not import from tests/ (\"{{source}}\"): shared factories and demo data live in app/modules/demo/." },
  },
  create(context) {
    return onImportSources((node, source) => {
      if (/(^|\/)tests\//.test(source)) context.report({ node, messageId: "tests", data: { source } });
    });
  },
};

/** Remix helpers that build a Response, and the project's modules that do. */
const RESPONSE_HELPERS = new Set(["json", "redirect", "redirectDocument", "replace", "data", "defer"]);
const RESPONSE_MODULES = [/^~\/web\//, /^~\/utils\/(download|toast|intent-reply)\.server$/];

/** @type {import("eslint").Rule.RuleModule} */
const noResponseInModules = {
  meta: {
    type: "problem",
    docs: { description: "app/modules never builds, throws or returns an HTTP Response: it throws a domain error or returns a result" },
    schema: [],
    messages: {
      response: "Modules do not build Responses ({{what}}): throw a domain error from ~/utils/errors (NotFoundError, ConflictError, InvalidError, ForbiddenError) or return a result, and let the route answer.",
    },
  },
  create(context) {
    const report = (node, what) => context.report({ node, messageId: "response", data: { what } });
    return {
      ...onImportSources((node, source) => {
        if (RESPONSE_MODULES.some((pattern) => pattern.test(source))) report(node, `import from "${source}"`);
        if (/^@remix-run\//.test(source) && node.type === "ImportDeclaration") {
          for (const specifier of node.specifiers) {
            if (specifier.type === "ImportSpecifier" && RESPONSE_HELPERS.has(specifier.imported.name ?? specifier.imported.value)) {
              report(specifier, `${specifier.imported.name ?? specifier.imported.value} from "${source}"`);
            }
          }
        }
      }),
      NewExpression: (node) => node.callee.type === "Identifier" && node.callee.name === "Response" && report(node, "new Response"),
      CallExpression: (node) => {
        const callee = node.callee;
        if (callee.type === "MemberExpression" && callee.object.type === "Identifier" && callee.object.name === "Response") {
          report(node, `Response.${callee.property.name ?? "…"}`);
        }
      },
    };
  },
};

/** @type {import("eslint").Rule.RuleModule} */
const noRawDecimal = {
  meta: {
    type: "problem",
    docs: { description: "decimal.js is imported only by the money module (app/utils/money.ts); everything else uses its Decimal" },
    schema: [],
    messages: { raw: "Import Decimal from ~/utils/money (the app's decimal type: precision 50, half-up, never exponential), not \"decimal.js\"." },
  },
  create(context) {
    return onImportSources((node, source) => {
      if (source === "decimal.js" || source.startsWith("decimal.js/")) context.report({ node, messageId: "raw" });
    });
  },
};

/** The name a call reads from a form: `form.get("intent")`, `form.getAll('intent')`, `` form.get(`intent`) ``. */
function readFieldName(node) {
  const callee = node.callee;
  if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier") return null;
  if (callee.property.name !== "get" && callee.property.name !== "getAll") return null;
  const [first] = node.arguments;
  if (!first) return null;
  if (first.type === "Literal" && typeof first.value === "string") return first.value;
  if (first.type === "TemplateLiteral" && first.expressions.length === 0) return first.quasis[0].value.cooked;
  return null;
}

/** @type {import("eslint").Rule.RuleModule} */
const noRawIntent = {
  meta: {
    type: "problem",
    docs: { description: "a multi-action route reads its intent with readIntent (~/web/intent.server), never formData.get(\"intent\")" },
    schema: [],
    messages: {
      raw: "Read the form's intent with readIntent(formData, INTENTS) from ~/web/intent.server (a Zod enum or the page's discriminated union: a missing or unknown intent is a 400 with a message, not a 500 or the wrong form).",
    },
  },
  create(context) {
    return {
      CallExpression: (node) => readFieldName(node) === "intent" && context.report({ node, messageId: "raw" }),
    };
  },
};

/** Where a route could get the Prisma client from: the app's accessor module, the generated clients and Prisma's packages. */
const DB_MODULE = /^~\/utils\/db\.server$/;
const PRISMA_SOURCES = [/^@prisma\//, /^~\/generated\//, /(^|\/)generated\/(sqlite|postgresql)\//];

/** True when `call` (a `db()` call) is itself an argument of a call: the client handed to a module function. */
function isHandedToCall(call) {
  const parent = call.parent;
  return (parent.type === "CallExpression" || parent.type === "NewExpression") && parent.arguments.includes(call);
}

/**
 * House rule `house/no-prisma-in-routes` (issue 14): a route does not query the database itself. Refused in
 * app/routes: a Prisma call on the client (`db().household.findFirst(…)`, `db().$transaction(…)`), holding the
 * client (`const client = db()`, `return db()`, passing `db` itself around), `createDb`, and a value import
 * from Prisma's packages or the generated clients (type imports are fine). Allowed: `db()` handed straight to a
 * module function (`getLease(db(), actor.organisationId, id)`) — the modules take the client as their first
 * argument so tests can pass their own, and the query itself lives in the module, scoped to the organisation.
 *
 * @type {import("eslint").Rule.RuleModule}
 */
const noPrismaInRoutes = {
  meta: {
    type: "problem",
    docs: { description: "routes do not query the database themselves: every query is a scoped function of the module it belongs to" },
    schema: [],
    messages: {
      query: "Routes do not call Prisma (`{{what}}`): move the query into a function of its module (app/modules/<concept>/*.server.ts, naming the organisationId) and call that with db().",
      client: "Routes do not hold the Prisma client (`{{what}}`): hand db() straight to a module function, e.g. getLease(db(), actor.organisationId, id).",
      source: "Routes do not import Prisma (\"{{source}}\"): the database is reached through the modules (app/modules/<concept>/*.server.ts).",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const sources = onImportSources((node, source) => {
      if (PRISMA_SOURCES.some((pattern) => pattern.test(source)) && !(node.type === "ImportDeclaration" && node.importKind === "type")) {
        context.report({ node, messageId: "source", data: { source } });
      }
    });
    return {
      ...sources,
      ImportDeclaration(node) {
        sources.ImportDeclaration(node);
        if (!DB_MODULE.test(node.source.value) || node.importKind === "type") return;
        for (const specifier of node.specifiers) {
          if (specifier.type !== "ImportSpecifier" || specifier.importKind === "type") continue;
          const imported = specifier.imported.name ?? specifier.imported.value;
          if (imported === "createDb") context.report({ node: specifier, messageId: "client", data: { what: "createDb" } });
          if (imported !== "db") continue;
          for (const variable of sourceCode.getDeclaredVariables(specifier)) {
            for (const reference of variable.references) {
              const id = reference.identifier;
              const call = id.parent;
              const isCall = call.type === "CallExpression" && call.callee === id && call.arguments.length === 0;
              if (isCall && isHandedToCall(call)) continue;
              if (isCall && call.parent.type === "MemberExpression" && call.parent.object === call) {
                const property = call.parent.property;
                const name = call.parent.computed ? "[…]" : property.name;
                context.report({ node: call.parent, messageId: "query", data: { what: `${id.name}().${name}` } });
              } else {
                context.report({ node: isCall ? call : id, messageId: "client", data: { what: sourceCode.getText(isCall ? call : id) } });
              }
            }
          }
        }
      },
    };
  },
};

export default {
  meta: { name: "house" },
  rules: { "no-import-cycle": noImportCycle, "no-folder-cycle": noFolderCycle, "no-tests-import": noTestsImport, "no-response-in-modules": noResponseInModules, "no-raw-decimal": noRawDecimal, "org-scoped-queries": orgScopedQueries, "no-raw-intent": noRawIntent, "no-prisma-in-routes": noPrismaInRoutes },
};
