import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary } from "~/components/forms";
import { ParcelFieldset } from "~/components/parcel-fieldset";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { DuplicateParcelNumberError, UnknownIncomeLimitAreaError, getParcel, updateParcel } from "~/modules/parcels/parcels.server";
import { editParcelSchema } from "~/modules/parcels/schemas";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { listAreas } from "~/modules/income-limits/income-limits.server";
import { centsToString } from "~/utils/money";
import { redirectWithToast } from "~/utils/toast.server";
import { todayIn } from "~/utils/calendar-date";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Edit parcel · Commonground" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const parcel = await getParcel(db(), actor.organisationId, params.parcelId ?? "");
  if (!parcel) throw new Response("Parcel not found", { status: 404 });
  const dollars = (cents: number | null) => (cents === null ? undefined : centsToString(cents));
  return {
    parcel: {
      id: parcel.id,
      parcelNumber: parcel.parcelNumber,
      version: String(parcel.version),
      streetAddress: parcel.streetAddress,
      city: parcel.city,
      state: parcel.state,
      postalCode: parcel.postalCode,
      legalDescription: parcel.legalDescription,
      landArea: parcel.landArea ?? undefined,
      landAreaUnit: parcel.landAreaUnit,
      zoning: parcel.zoning,
      acquisitionDate: parcel.acquisitionDate ?? undefined,
      acquisitionPriceCents: dollars(parcel.acquisitionPriceCents),
      acquisitionMethod: parcel.acquisitionMethod ?? undefined,
      assessedLandValueCents: dollars(parcel.assessedLandValueCents),
      status: parcel.status,
      incomeLimitAreaCode: parcel.incomeLimitAreaCode ?? undefined,
    },
    areas: await listAreas(db(), actor.organisationId),
    today: todayIn(actor.timeZone),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const submission = parseWithZod(await readFormData(request), { schema: editParcelSchema(todayIn(actor.timeZone)) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { version, ...input } = submission.value;
  const parcelId = params.parcelId ?? "";
  try {
    await updateParcel(db(), auditActor(actor), parcelId, version, input);
  } catch (error) {
    if (error instanceof StaleRecordError) return data(submission.reply({ formErrors: [error.message] }), { status: 409 });
    if (error instanceof UnknownIncomeLimitAreaError) return data(submission.reply({ fieldErrors: { incomeLimitAreaCode: [error.message] } }), { status: 400 });
    if (error instanceof DuplicateParcelNumberError) return data(submission.reply({ fieldErrors: { parcelNumber: [error.message] } }), { status: 400 });
    throw error;
  }
  return redirectWithToast(`/parcels/${parcelId}`, { kind: "success", message: `Parcel ${input.parcelNumber} was saved.` });
}

export default function EditParcelPage() {
  const { parcel, today, areas } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `edit-parcel-${parcel.id}-${parcel.version}`,
    lastResult,
    defaultValue: parcel,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editParcelSchema(today) }),
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <p>
        <Link to={`/parcels/${parcel.id}`}>← Parcel {parcel.parcelNumber}</Link>
      </p>
      <h1>Edit parcel {parcel.parcelNumber}</h1>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <input {...getInputProps(fields.version, { type: "hidden" })} />
        <ParcelFieldset fields={fields} areas={areas} />
        <div className="actions">
          <button type="submit" className="primary">
            Save parcel
          </button>
          <Link to={`/parcels/${parcel.id}`}>Cancel</Link>
        </div>
      </Form>
    </>
  );
}
