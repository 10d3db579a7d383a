import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { FormulaPresetForm } from "~/modules/formula-presets/components";
import { createFormulaPreset } from "~/modules/formula-presets/formula-presets.server";
import { FormulaPresetFormSchema } from "~/modules/resale/formula-spec";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "New formula preset · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "settings:manage");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  const submission = parseWithZod(await readFormData(request), { schema: FormulaPresetFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createFormulaPreset(db(), auditActor(actor), submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), { status: 400 });
  return redirectWithToast("/settings/formula-presets", { kind: "success", message: `Preset “${submission.value.name}” was created.` });
}

export default function NewFormulaPresetPage() {
  const lastResult = useActionData<typeof action>();
  return (
    <div style={{ maxWidth: "52rem" }}>
      <p>
        <Link to="/settings/formula-presets">← Formula presets</Link>
      </p>
      <h1>New formula preset</h1>
      <FormulaPresetForm
        id="new-preset"
        lastResult={lastResult}
        submitLabel="Create preset"
        defaultValue={{ formulaType: "fixed-rate", compounding: "simple", elapsed: "full-months", losses: "shielded", marketValueCap: "on", roundingMode: "nearest", roundingIncrement: "0.01" }}
      />
    </div>
  );
}
