import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { DryRunActions, FileOrPasteFields, ImportProblems } from "~/components/import-problems";
import { useResetKey } from "~/components/use-reset-key";
import { uploadedText } from "~/utils/upload.server";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import type { HudImportIssue } from "~/modules/income-limits/hud-import";
import { HUD_EFFECTIVE_DATES } from "~/modules/income-limits/income-limits";
import { commitIncomeLimitImport, exampleImportCsv, planIncomeLimitImport } from "~/modules/income-limits/income-limits.server";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { formatScreenDate } from "~/utils/calendar-date";

export const meta: MetaFunction = () => [{ title: "Import income limits · Commonground" }];

const MAX_BYTES = 10 * 1024 * 1024;

type ImportResult = {
  intent: "dry-run" | "commit";
  text: string;
  source: string;
  effectiveFrom: string;
  tables: { fiscalYear: number; areaCode: string; areaName: string; effectiveFrom: string; action: "create" | "replace" }[];
  errors: HudImportIssue[];
  warnings: HudImportIssue[];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "settings:manage");
  return { example: exampleImportCsv() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  const form = await readFormData(request);
  const text = (await uploadedText(form, "text", MAX_BYTES)) ?? "";
  const source = String(form.get("source") ?? "").trim().slice(0, 500);
  const effectiveFrom = String(form.get("effectiveFrom") ?? "").trim().slice(0, 40);
  const intent = readIntent(form, ["dry-run", "commit"]);
  const options = { ...(source ? { source } : {}), ...(effectiveFrom ? { effectiveFrom } : {}) };
  if (text.trim() === "") {
    return data<ImportResult>(
      { intent, text, source, effectiveFrom, tables: [], warnings: [], errors: [{ row: 0, column: "", message: "Paste the CSV or JSON, or choose a file (at most 10 MB)." }] },
      { status: 400 },
    );
  }
  if (intent === "commit") {
    const result = await commitIncomeLimitImport(db(), auditActor(actor), text, options);
    if (result.ok) {
      return redirectWithToast("/settings/income-limits", {
        kind: "success",
        message: `Income limits imported: ${result.created} new table${result.created === 1 ? "" : "s"}, ${result.replaced} replaced.`,
      });
    }
    const { plan } = result;
    return data<ImportResult>({ intent, text, source, effectiveFrom, tables: [], errors: plan.errors, warnings: plan.warnings }, { status: 400 });
  }
  const plan = await planIncomeLimitImport(db(), actor.organisationId, text, options);
  return data<ImportResult>(
    {
      intent,
      text,
      source,
      effectiveFrom,
      tables: plan.tables.map((t) => ({ fiscalYear: t.fiscalYear, areaCode: t.areaCode, areaName: t.areaName, effectiveFrom: t.effectiveFrom, action: t.action })),
      errors: plan.errors,
      warnings: plan.warnings,
    },
    { status: plan.errors.length ? 400 : 200 },
  );
}

function Issues({ title, issues }: { title: string; issues: HudImportIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ImportProblems problems={issues} />
    </>
  );
}

export default function ImportIncomeLimitsPage() {
  const { example } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ImportResult | undefined;
  const formKey = useResetKey(result);
  const busy = useNavigation().state === "submitting";
  const clean = result?.intent === "dry-run" && result.errors.length === 0;
  return (
    <>
      <p>
        <Link to="/settings/income-limits">← Income limits</Link>
      </p>
      <h1>Import HUD income limits</h1>
      <p>
        HUD&apos;s Section 8 income-limits file saved as CSV (columns <code>hud_area_code</code>, <code>hud_area_name</code>,{" "}
        <code>medianYYYY</code>, <code>l50_1</code>…<code>l50_8</code>, <code>ELI_1</code>…<code>ELI_8</code>,{" "}
        <code>l80_1</code>…<code>l80_8</code>, optionally <code>fy</code>), or a JSON array of tables. A table for a
        year and area already on file is replaced; certifications already made keep the limit they used.
      </p>
      <details>
        <summary>Example CSV</summary>
        <pre className="legal" style={{ overflowX: "auto", whiteSpace: "pre" }}>
          {example}
        </pre>
      </details>
      {result ? (
        <section className="card" aria-labelledby="result-title">
          <h2 id="result-title" style={{ marginTop: 0 }}>
            {result.errors.length
              ? `${result.errors.length} error${result.errors.length === 1 ? "" : "s"} — nothing was imported`
              : `Dry run: ${result.tables.length} table${result.tables.length === 1 ? "" : "s"} ready`}
          </h2>
          {result.tables.length && !result.errors.length ? (
            <ul>
              {result.tables.map((t) => (
                <li key={`${t.fiscalYear}-${t.areaCode}`}>
                  FY{t.fiscalYear} {t.areaName} ({t.areaCode}), in effect from {formatScreenDate(t.effectiveFrom)} —{" "}
                  {t.action === "create" ? "new" : "replaces the table on file"}
                </li>
              ))}
            </ul>
          ) : null}
          <Issues title="Errors" issues={result.errors} />
          <Issues title="Warnings (the table is kept; check the figures)" issues={result.warnings} />
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack card" key={formKey}>
        <FileOrPasteFields text={result?.text ?? ""} spellCheck={false} fileLabel="File (CSV or JSON)" accept=".csv,.json,text/csv,application/json" pasteLabel="…or paste it" pasteName="text" />
        <div className="field">
          <label htmlFor="effectiveFrom">Effective from</label>
          <input
            id="effectiveFrom"
            name="effectiveFrom"
            type="date"
            defaultValue={result?.effectiveFrom ?? ""}
            aria-describedby="effectiveFrom-hint"
          />
          <p className="field-hint" id="effectiveFrom-hint">
            The date HUD&apos;s tables take effect, as HUD announces it for the fiscal year (
            {Object.entries(HUD_EFFECTIVE_DATES)
              .reverse()
              .slice(0, 3)
              .map(([year, date]) => `FY${year}: ${formatScreenDate(date)}`)
              .join(", ")}
            ). Certifications use the newest table of their area in effect on their date. A CSV column{" "}
            <code>effective_from</code> or a JSON field <code>effectiveFrom</code> overrides it per table.
          </p>
        </div>
        <div className="field">
          <label htmlFor="source">Source</label>
          <input id="source" name="source" type="text" defaultValue={result?.source ?? ""} aria-describedby="source-hint" />
          <p className="field-hint" id="source-hint">
            Where the figures come from (e.g. &quot;HUD FY2025 Section 8 Income Limits, huduser.gov&quot;). Default for CSV: HUD Section 8 Income Limits FYyyyy (CSV import).
          </p>
        </div>
        <DryRunActions clean={clean} busy={busy} commitLabel="Import" />
      </Form>
    </>
  );
}
