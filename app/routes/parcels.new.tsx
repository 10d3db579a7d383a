import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrorSummary } from "~/components/forms";
import { FundingFieldset, HomeFieldset, ParcelFieldset } from "~/components/parcel-fieldset";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { DuplicateParcelNumberError, UnknownIncomeLimitAreaError, registerParcel } from "~/modules/parcels/parcels.server";
import { REGISTER_PARCEL_SECTIONS, registerParcelSchema, withoutBlankSections } from "~/modules/parcels/schemas";
import { db } from "~/utils/db.server";
import { defaultAreaCode, listAreas } from "~/modules/income-limits/income-limits.server";
import { redirectWithToast } from "~/utils/toast.server";
import { todayIn } from "~/utils/calendar-date";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Register a parcel · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const [areas, defaultArea] = await Promise.all([listAreas(db(), actor.organisationId), defaultAreaCode(db(), actor.organisationId)]);
  return { today: todayIn(actor.timeZone), areas, defaultArea };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const formData = withoutBlankSections(await readFormData(request), REGISTER_PARCEL_SECTIONS);
  const submission = parseWithZod(formData, { schema: registerParcelSchema(todayIn(actor.timeZone)) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const parcel = await registerParcel(db(), auditActor(actor), submission.value);
    return redirectWithToast(`/parcels/${parcel.id}`, { kind: "success", message: `Parcel ${submission.value.parcelNumber} was registered.` });
  } catch (error) {
    if (error instanceof UnknownIncomeLimitAreaError) return data(submission.reply({ fieldErrors: { incomeLimitAreaCode: [error.message] } }), { status: 400 });
    if (error instanceof DuplicateParcelNumberError) {
      return data(submission.reply({ fieldErrors: { parcelNumber: [error.message] } }), { status: 400 });
    }
    throw error;
  }
}

export default function RegisterParcelPage() {
  const { today, areas, defaultArea } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "register-parcel",
    lastResult,
    defaultValue: { status: "acquired", landAreaUnit: "square_feet", incomeLimitAreaCode: defaultArea ?? undefined },
    onValidate: ({ formData }) => parseWithZod(withoutBlankSections(formData, REGISTER_PARCEL_SECTIONS), { schema: registerParcelSchema(today) }),
    shouldRevalidate: "onInput",
  });
  const home = fields.home.getFieldset();
  const funding = fields.funding.getFieldset();
  return (
    <>
      <h1>Register a parcel</h1>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <ParcelFieldset fields={fields} areas={areas} />
        <HomeFieldset fields={home} legend="First home on the parcel (optional)" hint="Leave blank if nothing is built yet. More homes can be added later." />
        <FundingFieldset fields={funding} legend="Funding source (optional)" hint="Leave blank to add funding later." />
        <div className="actions">
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            Register parcel
          </button>
        </div>
      </Form>
    </>
  );
}
