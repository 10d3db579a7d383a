import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import house from "./eslint/house-rules.js";

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "app/generated/**", "node_modules/**", "test-results/**", "data/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    // a body that is not a form must be a 4xx, not the TypeError request.formData() throws (a 500)
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: ["app/utils/form-data.server.ts", "app/**/*.test.ts", "app/**/*.test.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='formData'][arguments.length=0][callee.object.name='request']",
          message: "Read a posted form with readFormData(request) from ~/utils/form-data.server (a 415/400, not a 500, for a body that is not a form).",
        },
      ],
    },
  },
  {
    // House rules (eslint/house-rules.js; each has a test in scripts/lint/house-rules.test.ts).
    plugins: { house },
  },
  {
    // The application and its scripts never depend on the test suite: the demo seed and the factories the
    // tests share with it live in app/modules/demo/ (tests import them from there).
    files: ["app/**/*.{ts,tsx,js,mjs}", "scripts/**/*.{ts,tsx,js,mjs}"],
    rules: { "house/no-tests-import": "error" },
  },
  {
    // Modules throw typed domain errors (app/utils/errors.ts) or return results; only routes and app/web/ build
    // HTTP Responses (ARCHITECTURE.md "Errors and results").
    files: ["app/modules/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.ts", "app/**/*.test.tsx"],
    rules: { "house/no-response-in-modules": "error" },
  },
  {
    // Money is computed with the app's decimal type; only the money module configures decimal.js.
    files: ["app/**/*.{ts,tsx}", "scripts/**/*.ts", "bench/**/*.ts", "tests/**/*.ts"],
    ignores: ["app/utils/money.ts"],
    rules: { "house/no-raw-decimal": "error" },
  },
  {
    // Every Prisma query of a data-access module names the organisation (eslint/org-scoped-queries.js says
    // exactly what counts, and the `// cross-organisation: <reason>` escape).
    files: ["app/modules/**/*.server.ts"],
    ignores: ["app/**/*.test.ts"],
    rules: { "house/org-scoped-queries": "error" },
  },
  {
    // A page with several forms reads which one was posted with readIntent (app/web/intent.server.ts): a Zod enum
    // or the page's discriminated union, a missing or unknown intent a 400 with a message.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/web/intent.server.ts", "app/**/*.test.ts", "app/**/*.test.tsx"],
    rules: { "house/no-raw-intent": "error" },
  },
  {
    // Routes do not query the database themselves (issue 14): each query is a function of its module, scoped to
    // the organisation, and the route hands it db().
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: { "house/no-prisma-in-routes": "error" },
  },
  {
    // No file in app/ imports, directly or through others, a file that imports it back.
    files: ["app/**/*.{ts,tsx}"],
    rules: { "house/no-import-cycle": "error" },
  },
  {
    // The concept folders of app/modules do not import each other in a circle (unit tests may reach anywhere).
    files: ["app/modules/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.ts", "app/**/*.test.tsx"],
    rules: { "house/no-folder-cycle": "error" },
  },
);
