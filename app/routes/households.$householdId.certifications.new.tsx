import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, FormErrorSummary, SelectField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { createCertification } from "~/modules/households/certification.server";
import { currentOwnedHome, householdWithMemberNames, unownedHomesWithArea } from "~/modules/households/households.server";
import { CertificationSchema, INCOME_SOURCES, options, TARGET_LEVELS } from "~/modules/households/schemas";
import { defaultAreaCode, listAreas } from "~/modules/income-limits/income-limits.server";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Certify income · Commonground" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const household = await householdWithMemberNames(db(), actor.organisationId, params.householdId ?? "");
  if (!household) throw new Response("Household not found", { status: 404 });
  const [areas, defaultArea, owned, homes] = await Promise.all([
    listAreas(db(), actor.organisationId),
    defaultAreaCode(db(), actor.organisationId),
    currentOwnedHome(db(), actor.organisationId, household.id),
    unownedHomesWithArea(db(), actor.organisationId),
  ]);
  const areaName = (code: string | null) => (code ? (areas.find((a) => a.areaCode === code)?.areaName ?? code) : null);
  return {
    household: { id: household.id, name: household.name, memberNames: household.members.map((m) => m.fullName) },
    ownedHome: owned
      ? {
          address: owned.home.parcel.streetAddress + (owned.home.label ? `, ${owned.home.label}` : ""),
          area: areaName(owned.home.parcel.incomeLimitAreaCode ?? defaultArea),
        }
      : null,
    defaultArea: areaName(defaultArea),
    homes: homes.map((h) => ({
      value: h.id,
      label: `${h.parcel.streetAddress}${h.label ? `, ${h.label}` : ""} — ${areaName(h.parcel.incomeLimitAreaCode ?? defaultArea) ?? "no HUD area"}`,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const id = params.householdId ?? "";
  const submission = parseWithZod(await readFormData(request), { schema: CertificationSchema });
  // an "add a row" button (works without JavaScript) is not a submission to save
  if (submission.status !== "success") return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const result = await createCertification(db(), auditActor(actor), id, submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), { status: 400 });
  return redirectWithToast(`/households/${id}`, {
    kind: "success",
    message: `Income certified: ${result.eligible ? "eligible" : "not eligible"} at ${submission.value.targetLevel}% AMI (${result.verdict}); ${result.percentAmi}% of AMI.`,
  });
}

export default function CertifyIncomePage() {
  const { household, ownedHome, defaultArea, homes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const spareRows = Math.max(2, household.memberNames.length);
  const [form, fields] = useForm({
    id: `certify-${household.id}`,
    lastResult,
    defaultValue: {
      householdSize: household.memberNames.length ? String(household.memberNames.length) : "",
      targetLevel: "80",
      incomeItems: Array.from({ length: spareRows }, () => ({ memberName: "", source: "", annualAmount: "" })),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CertificationSchema }),
    // clear an error as soon as it is fixed: with "onBlur" the message vanished on the button's mousedown,
    // moving the button away before the click completed
    shouldRevalidate: "onInput",
  });
  const items = fields.incomeItems.getFieldList();
  const memberOptions = household.memberNames.map((name) => ({ value: name, label: name }));
  return (
    <div style={{ maxWidth: "52rem" }}>
      <p>
        <Link to={`/households/${household.id}`}>← {household.name}</Link>
      </p>
      <h1>Certify income — {household.name}</h1>
      <p className="muted" data-testid="certification-area">
        Income is measured against the newest HUD income-limit table in effect on the certification date for{" "}
        {ownedHome
          ? `the area of the household's home, ${ownedHome.address} (${ownedHome.area ?? "no HUD area set"})`
          : `the area of the home the household is buying, or the trust's default area (${defaultArea ?? "not set — an administrator sets it under Settings → Eligibility"})`}
        . Eligibility at 30, 50 and 80 % compares the income with HUD&apos;s published limit for the household size.
      </p>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <div className="form-grid">
          <Field
            label="Certification date"
            errors={fields.certifiedOn.errors}
            inputProps={getInputProps(fields.certifiedOn, { type: "date" })}
          />
          <Field
            label="Household size"
            hint="Everyone who will live in the home."
            errors={fields.householdSize.errors}
            inputProps={{ ...getInputProps(fields.householdSize, { type: "number" }), min: 1, step: 1 }}
          />
          <SelectField
            label="Target income level"
            errors={fields.targetLevel.errors}
            selectProps={getSelectProps(fields.targetLevel)}
            options={TARGET_LEVELS.map((level) => ({ value: String(level), label: `${level}% AMI` }))}
          />
          {ownedHome ? null : (
            <SelectField
              label="Home being bought (optional)"
              hint="Its parcel's HUD area measures the income; leave empty for the trust's default area."
              errors={fields.homeId.errors}
              selectProps={getSelectProps(fields.homeId)}
              placeholder="— none yet —"
              options={homes}
            />
          )}
        </div>
        <fieldset className="stack">
          <legend>Annual income</legend>
          <p className="field-hint" id={fields.incomeItems.errorId}>
            One row per source; leave spare rows empty. Amounts in dollars, e.g. 52,300 or 52300.50.
          </p>
          <FormErrors errors={fields.incomeItems.errors} />
          {items.map((item, index) => {
            const row = item.getFieldset();
            return (
              <div key={item.key} className="form-grid" role="group" aria-label={`Income ${index + 1}`}>
                {memberOptions.length ? (
                  <SelectField
                    label={`Member (income ${index + 1})`}
                    errors={row.memberName.errors}
                    selectProps={getSelectProps(row.memberName)}
                    placeholder="—"
                    options={memberOptions}
                  />
                ) : (
                  <Field
                    label={`Member (income ${index + 1})`}
                    errors={row.memberName.errors}
                    inputProps={getInputProps(row.memberName, { type: "text" })}
                  />
                )}
                <SelectField
                  label={`Source (income ${index + 1})`}
                  errors={row.source.errors}
                  selectProps={getSelectProps(row.source)}
                  placeholder="—"
                  options={options(INCOME_SOURCES)}
                />
                <Field
                  label={`Annual amount (income ${index + 1})`}
                  errors={row.annualAmount.errors}
                  inputProps={{ ...getInputProps(row.annualAmount, { type: "text" }), inputMode: "decimal" }}
                />
              </div>
            );
          })}
          <div>
            <button className="secondary" {...form.insert.getButtonProps({ name: fields.incomeItems.name })}>
              Add another income row
            </button>
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary">
            Certify and compute % AMI
          </button>
          <Link to={`/households/${household.id}`}>Cancel</Link>
        </div>
      </Form>
    </div>
  );
}
