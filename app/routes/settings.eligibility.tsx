import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrorSummary, SelectField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { getEligibilitySettings, listAreas, updateEligibilitySettings } from "~/modules/income-limits/income-limits.server";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Eligibility · Commonground" }];

const EligibilitySettingsSchema = z.object({
  defaultAreaCode: z.string().trim().max(200).optional().transform((value) => value || null),
  certificationValidityMonths: z
    .number({ required_error: "Enter the number of months", invalid_type_error: "Enter a whole number of months" })
    .int("Enter a whole number of months")
    .min(1, "At least 1 month")
    .max(60, "At most 60 months"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  const [settings, areas] = await Promise.all([getEligibilitySettings(db(), actor.organisationId), listAreas(db(), actor.organisationId)]);
  return { settings, areas };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  const submission = parseWithZod(await readFormData(request), { schema: EligibilitySettingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await updateEligibilitySettings(db(), auditActor(actor), {
    defaultAreaCode: submission.value.defaultAreaCode,
    certificationValidityMonths: submission.value.certificationValidityMonths,
  });
  if (!result.ok) return data(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), { status: 400 });
  return redirectWithToast("/settings/eligibility", { kind: "success", message: "Eligibility settings saved." });
}

export default function EligibilitySettingsPage() {
  const { settings, areas } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `eligibility-${settings.defaultAreaCode ?? ""}-${settings.certificationValidityMonths}`,
    lastResult,
    defaultValue: { defaultAreaCode: settings.defaultAreaCode ?? "", certificationValidityMonths: String(settings.certificationValidityMonths) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EligibilitySettingsSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="card" style={{ maxWidth: "44rem" }}>
      <h1>Eligibility</h1>
      <p>
        A household&apos;s income is measured against the newest HUD income-limit table in effect on the certification
        date for the area of the home it is buying or owns (each parcel has a HUD area). A household with no home yet
        is measured in the trust&apos;s default area.
      </p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <SelectField
          label="Default HUD area"
          hint={areas.length ? "One of the areas of the trust's income-limit tables." : "Import a HUD income-limit table first (Settings → Income limits)."}
          errors={fields.defaultAreaCode.errors}
          selectProps={getSelectProps(fields.defaultAreaCode)}
          placeholder="— none —"
          options={areas.map((a) => ({ value: a.areaCode, label: `${a.areaName} (${a.areaCode})` }))}
        />
        <Field
          label="Certification valid for (months)"
          hint="A purchase more than this long after the household's latest income certification is flagged on the purchase and in reports."
          errors={fields.certificationValidityMonths.errors}
          inputProps={{ ...getInputProps(fields.certificationValidityMonths, { type: "number" }), min: 1, max: 60, step: 1 }}
        />
        <button type="submit" className="primary">
          Save
        </button>
      </Form>
    </div>
  );
}
