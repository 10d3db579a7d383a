import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, SelectField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { updateOrganisationTimeZone } from "~/modules/organisations/organisations.server";
import { TimeZoneSettingsSchema } from "~/modules/organisations/time-zone";
import { formatLegalProse, timeZoneNames, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Time zone · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  return { timeZone: actor.timeZone, today: todayIn(actor.timeZone), zones: timeZoneNames() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  const submission = parseWithZod(await readFormData(request), { schema: TimeZoneSettingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await updateOrganisationTimeZone(db(), auditActor(actor), submission.value.timeZone);
  return redirectWithToast("/settings/time-zone", {
    kind: "success",
    message: `The time zone is now ${submission.value.timeZone}: today is ${formatLegalProse(todayIn(submission.value.timeZone))} for the trust.`,
  });
}

export default function TimeZonePage() {
  const { timeZone, today, zones } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `time-zone-${timeZone}`,
    lastResult,
    defaultValue: { timeZone },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TimeZoneSettingsSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="card" style={{ maxWidth: "40rem" }}>
      <h1>Time zone</h1>
      <p>
        The trust&apos;s time zone decides what &ldquo;today&rdquo; is: the dates forms start from, lease references and
        document dates, and which dates count as in the future. Today is <strong data-testid="trust-today">{formatLegalProse(today)}</strong> in{" "}
        {timeZone}.
      </p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <SelectField
          label="Time zone"
          hint="The IANA name of the place where the trust keeps its records, e.g. America/Chicago."
          errors={fields.timeZone.errors}
          selectProps={getSelectProps(fields.timeZone)}
          options={zones.map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }))}
        />
        <button type="submit" className="primary">
          Save
        </button>
      </Form>
    </div>
  );
}
