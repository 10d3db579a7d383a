import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "~/components/forms";
import { auditActor, auditHistory } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { FormulaPresetForm } from "~/modules/formula-presets/components";
import { getFormulaPreset, setFormulaPresetArchived, updateFormulaPreset } from "~/modules/formula-presets/formula-presets.server";
import { FormulaPresetFormSchema, formFromSpec } from "~/modules/resale/formula-spec";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { AuditHistory } from "~/components/audit-history";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";

export const meta: MetaFunction = () => [{ title: "Edit formula preset · Commonground" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  const preset = await getFormulaPreset(db(), actor.organisationId, params.presetId ?? "");
  if (!preset) throw new Response("Formula preset not found", { status: 404 });
  const history = await auditHistory(db(), actor.organisationId, "FormulaPreset", preset.id);
  return {
    preset: { id: preset.id, name: preset.name, version: preset.version, archived: Boolean(preset.archivedAt) },
    defaultValue: { ...(preset.parsedSpec ? formFromSpec(preset.parsedSpec) : {}), name: preset.name, description: preset.description, version: String(preset.version) },
    history: history.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
    timeZone: actor.timeZone,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  const id = params.presetId ?? "";
  const formData = await readFormData(request);
  const intent = readIntent(formData, ["save", "archive", "restore"]);
  try {
    if (intent === "archive" || intent === "restore") {
      const version = Number.parseInt(String(formData.get("version") ?? ""), 10);
      if (!Number.isInteger(version)) {
        return data({ status: "error" as const, error: { "": ["The form is missing the record version; reload the page."] } }, { status: 400 });
      }
      await setFormulaPresetArchived(db(), auditActor(actor), id, version, intent === "archive");
      return redirectWithToast("/settings/formula-presets", { kind: "success", message: intent === "archive" ? "The preset was archived." : "The preset was restored." });
    }
    const submission = parseWithZod(formData, { schema: FormulaPresetFormSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    if (!submission.value.version) return data(submission.reply({ formErrors: ["The form is missing the record version; reload the page."] }), { status: 400 });
    const result = await updateFormulaPreset(db(), auditActor(actor), id, submission.value.version, submission.value);
    if (!result.ok) return data(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), { status: 400 });
    return redirectWithToast("/settings/formula-presets", { kind: "success", message: `Preset “${submission.value.name}” was saved.` });
  } catch (error) {
    if (error instanceof StaleRecordError) return data({ status: "error" as const, error: { "": [error.message] } }, { status: 409 });
    throw error;
  }
}

export default function EditFormulaPresetPage() {
  const { preset, defaultValue, history, timeZone } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div style={{ maxWidth: "52rem" }}>
      <p>
        <Link to="/settings/formula-presets">← Formula presets</Link>
      </p>
      <h1>{preset.name}</h1>
      <p className="muted">Saving creates version {preset.version + 1}. Leases already signed keep the formula they were signed with.</p>
      {lastResult?.status === "error" && !("initialValue" in lastResult) ? <FormErrors errors={Object.values(lastResult.error ?? {}).flat() as string[]} /> : null}
      <FormulaPresetForm id={`preset-${preset.id}-${preset.version}`} lastResult={lastResult as never} defaultValue={defaultValue} submitLabel="Save new version" />
      <Form method="post" className="card" style={{ marginTop: "1rem" }}>
        <input type="hidden" name="version" value={preset.version} />
        <button type="submit" name="intent" value={preset.archived ? "restore" : "archive"} className="secondary">
          {preset.archived ? "Restore preset" : "Archive preset"}
        </button>{" "}
        <span className="muted">{preset.archived ? "Archived presets cannot be chosen for new leases." : "An archived preset is no longer offered for new leases."}</span>
      </Form>
      <section className="card">
        <h2>History</h2>
        <AuditHistory entries={history} timeZone={timeZone} />
      </section>
    </div>
  );
}
