import { ESLint } from "eslint";
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [{ files: ["app/modules/**/*.server.ts"], rules: { "house/org-scoped-queries": "error" } }] });
const results = await eslint.lintFiles(["app/modules/**/*.server.ts"]);
let n = 0;
for (const r of results) for (const m of r.messages) if (m.ruleId === "house/org-scoped-queries") { n++; console.log(`${r.filePath.replace(process.cwd() + "/", "")}:${m.line} ${m.message.slice(5, 40)}`); }
console.log("total", n);
