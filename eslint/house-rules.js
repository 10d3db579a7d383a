import { noImportCycle } from "./no-import-cycle.js";

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

export default {
  meta: { name: "house" },
  rules: { "no-import-cycle": noImportCycle, "no-tests-import": noTestsImport },
};
