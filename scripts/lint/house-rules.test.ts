import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

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
