import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { recordVersion } from "~/utils/form-fields";
import { AuditHistory } from "~/components/audit-history";
import { RemoveButton } from "~/components/controls";
import { FormErrors, FormErrorSummary } from "~/components/forms";
import { FundingFieldset, HomeFieldset } from "~/components/parcel-fieldset";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { caseDeadlineItems, openCasesForHomes } from "~/modules/transfers/transfers.server";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
import { addFundingSource, addHome, getParcelDetail, removeFundingSource, setParcelArchived } from "~/modules/parcels/parcels.server";
import { checkFundingRules, FUNDING_PROGRAM_LABELS, FundingFields, FundingSourceSchema, HomeSchema, PARCEL_STATUS_LABELS } from "~/modules/parcels/schemas";
import { parcelView } from "~/modules/parcel-page/parcel-view";
import { HomeCard } from "~/modules/parcel-page/home-card";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.parcel.parcelNumber ?? "Parcel"} · Parcels · Commonground` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const detail = await getParcelDetail(db(), actor.organisationId, params.parcelId ?? "");
  if (!detail) throw new Response("Parcel not found", { status: 404 });
  const { parcel } = detail;
  // each home's open resale / transfer case with its deadlines by the trust's local date
  const caseDeadlines = await caseDeadlineItems(db(), actor.organisationId, todayIn(actor.timeZone), { homeIds: parcel.homes.map((h) => h.id) });
  const openCases = await openCasesForHomes(db(), actor.organisationId, parcel.homes.map((h) => h.id));
  return {
    auditTimeZone: actor.timeZone,
    canWrite: can(actor.role, "records:write"),
    openCases: openCases.map((c) => ({ ...c, deadlines: caseDeadlines.filter((d) => d.caseId === c.id) })),
    ...parcelView(detail),
  };
}

const ActionForms = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add-home"), ...HomeSchema.shape }),
  z.object({ intent: z.literal("add-funding"), ...FundingFields }),
  z.object({ intent: z.literal("remove-funding"), fundingSourceId: z.string().min(1) }),
  z.object({ intent: z.enum(["archive", "restore"]), version: recordVersion() }),
]);
const ActionSchema = ActionForms.superRefine((value, ctx) => {
  if (value.intent === "add-funding") checkFundingRules(value, ctx);
});

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const parcelId = params.parcelId ?? "";
  const formData = await readFormData(request);
  const intent = readIntent(formData, ActionForms);
  const submission = parseWithZod(formData, { schema: ActionSchema });
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const value = submission.value;
  const who = auditActor(actor);
  try {
    switch (value.intent) {
      case "add-home": {
        const { intent: _intent, ...home } = value;
        await addHome(db(), who, parcelId, home);
        return redirectWithToast(`/parcels/${parcelId}`, { kind: "success", message: "The home was added." });
      }
      case "add-funding": {
        const { intent: _intent, ...funding } = value;
        await addFundingSource(db(), who, parcelId, funding);
        return redirectWithToast(`/parcels/${parcelId}`, { kind: "success", message: "The funding source was added." });
      }
      case "remove-funding":
        await removeFundingSource(db(), who, parcelId, value.fundingSourceId);
        return redirectWithToast(`/parcels/${parcelId}`, { kind: "success", message: "The funding source was removed." });
      case "archive":
      case "restore":
        await setParcelArchived(db(), who, parcelId, value.version, value.intent === "archive");
        return redirectWithToast(`/parcels/${parcelId}`, {
          kind: "success",
          message: value.intent === "archive" ? "The parcel was archived. Its history is kept." : "The parcel was restored.",
        });
    }
  } catch (error) {
    if (error instanceof StaleRecordError) {
      return data({ intent: value.intent, result: submission.reply({ formErrors: [error.message] }) }, { status: 409 });
    }
    throw error;
  }
}

export default function ParcelPage() {
  const { parcel, homes, funding, history, canWrite, openCases, auditTimeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [homeForm, homeFields] = useForm({
    id: "add-home",
    lastResult: actionData?.intent === "add-home" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: HomeSchema }),
    shouldRevalidate: "onInput",
  });
  const [fundingForm, fundingFields] = useForm({
    id: "add-funding",
    lastResult: actionData?.intent === "add-funding" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FundingSourceSchema }),
    shouldRevalidate: "onInput",
  });
  const archiveErrors = actionData && ["archive", "restore"].includes(actionData.intent) ? actionData.result.error?.[""] : undefined;
  return (
    <>
      <p>
        <Link to="/parcels">← Parcels</Link>
      </p>
      <div className="page-header">
        <h1>
          Parcel {parcel.parcelNumber} {parcel.archived ? <span className="badge badge-warn">Archived</span> : null}
        </h1>
        {canWrite ? (
          <div className="actions">
            <Link className="button" to={`/parcels/${parcel.id}/edit`}>
              Edit parcel
            </Link>
            <Form method="post">
              <input type="hidden" name="version" value={parcel.version} />
              <button type="submit" name="intent" value={parcel.archived ? "restore" : "archive"} className="secondary">
                {parcel.archived ? "Restore" : "Archive"}
              </button>
            </Form>
          </div>
        ) : null}
      </div>
      <FormErrors errors={archiveErrors ?? undefined} />
      <section className="card" aria-labelledby="parcel-details">
        <h2 id="parcel-details" style={{ marginTop: 0 }}>
          Details
        </h2>
        <dl className="details">
          <dt>Address</dt>
          <dd>{[parcel.streetAddress, parcel.city, [parcel.state, parcel.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ")}</dd>
          <dt>Status</dt>
          <dd>{PARCEL_STATUS_LABELS[parcel.status]}</dd>
          <dt>Land area</dt>
          <dd>{parcel.landArea ?? "—"}</dd>
          <dt>Zoning</dt>
          <dd>{parcel.zoning || "—"}</dd>
          <dt>Acquired</dt>
          <dd>
            {formatScreenDate(parcel.acquisitionDate)}
            {parcel.acquisitionMethod ? ` by ${parcel.acquisitionMethod}` : ""}
            {parcel.acquisitionPrice ? ` for ${parcel.acquisitionPrice}` : ""}
          </dd>
          <dt>Assessed land value</dt>
          <dd>{parcel.assessedLandValue ?? "—"}</dd>
        </dl>
        <h3>Legal description</h3>
        {parcel.legalDescription ? <pre className="legal">{parcel.legalDescription}</pre> : <p className="muted">Not entered yet — a lease cannot be executed without it.</p>}
      </section>

      <h2>Homes</h2>
      {homes.length === 0 ? <p className="muted">No homes on this parcel yet.</p> : null}
      {homes.map((home) => (
        <HomeCard key={home.id} parcel={parcel} home={home} canWrite={canWrite} openCases={openCases} />
      ))}
      {canWrite ? (
        <details className="card">
          <summary>Add a home to this parcel</summary>
          <Form method="post" className="stack" {...getFormProps(homeForm)}>
            <input type="hidden" name="intent" value="add-home" />
            <FormErrorSummary form={homeForm} />
            <HomeFieldset fields={homeFields} legend="New home" />
            <div>
              <button type="submit" className="primary">
                Add home
              </button>
            </div>
          </Form>
        </details>
      ) : null}

      <h2>Funding sources</h2>
      {funding.length === 0 ? (
        <p className="muted">No funding sources recorded.</p>
      ) : (
        <TableWrap label="Funding sources">
          <table>
            <thead>
              <tr>
                <th scope="col">Funder</th>
                <th scope="col">Program</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Received</th>
                <th scope="col">Affordability</th>
                {canWrite ? <th scope="col"><span className="muted">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {funding.map((f) => (
                <tr key={f.id}>
                  <td>
                    {f.funder}
                    {f.notes ? <div className="muted">{f.notes}</div> : null}
                  </td>
                  <td>{FUNDING_PROGRAM_LABELS[f.program]}</td>
                  <td className="num">{f.amount}</td>
                  <td>{formatScreenDate(f.receivedOn)}</td>
                  <td>
                    {f.affordabilityYears ? `${f.affordabilityYears} years` : "—"}
                    {f.restrictionEndDate ? `, until ${formatScreenDate(f.restrictionEndDate)}` : ""}
                  </td>
                  {canWrite ? (
                    <td>
                      <Form method="post">
                        <input type="hidden" name="fundingSourceId" value={f.id} />
                        <RemoveButton what={`the funding from ${f.funder}`} name="intent" value="remove-funding" />
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {canWrite ? (
        <details className="card">
          <summary>Add a funding source</summary>
          <Form method="post" className="stack" {...getFormProps(fundingForm)}>
            <input type="hidden" name="intent" value="add-funding" />
            <FormErrorSummary form={fundingForm} />
            <FundingFieldset fields={fundingFields} legend="New funding source" />
            <div>
              <button type="submit" className="primary">
                Add funding source
              </button>
            </div>
          </Form>
        </details>
      ) : null}

      <h2>History</h2>
      <AuditHistory entries={history} timeZone={auditTimeZone} />
    </>
  );
}
