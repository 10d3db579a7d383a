import type { ESLint } from "eslint";

/** The house rules plugin (house-rules.js), typed for the tests that load it. */
declare const plugin: ESLint.Plugin;
export default plugin;
