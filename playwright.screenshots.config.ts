import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * `npm run screenshots`: the README's pictures of the main screens, taken from the demo on the same server
 * as the browser tests (not part of `npm test`). Writes docs/screenshots/*.png, 1280 × 800, squeezed with
 * pngquant when it is installed (`apt-get install pngquant`).
 */
export default defineConfig({
  ...base,
  testDir: "tests/screenshots",
  reporter: [["list"]],
  outputDir: "test-results/screenshots",
  use: { ...base.use, viewport: { width: 1280, height: 800 } },
});
