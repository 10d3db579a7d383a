import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary, TextareaField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { usd } from "~/modules/mortgages/permitted-mortgages";
import type { RefinanceFigures } from "~/modules/stewardship-decisions/refinance";
import { decideStewardshipRequest, getStewardshipRequest, type RefinanceDetails } from "~/modules/stewardship-decisions/requests.server";
import { decisionSchema, REQUEST_KINDS, REQUEST_STATUSES, type RequestKind, type RequestStatus } from "~/modules/stewardship-decisions/schemas";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
import { formatPercent } from "~/utils/money";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Stewardship request · Commonground" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const found = await getStewardshipRequest(db(), actor.organisationId, params.requestId ?? "");
  if (!found) throw new Response("Request not found", { status: 404 });
  const details = found.details as unknown as RefinanceDetails;
  const decision = (found.decision ?? null) as { reasons: string[]; figures?: RefinanceFigures } | null;
  return {
    request: {
      id: found.id,
      kind: found.kind as RequestKind,
      status: found.status as RequestStatus,
      version: found.version,
      receivedOn: found.receivedOn,
      decidedOn: found.decidedOn,
      decisionNote: found.decisionNote,
      lease: { id: found.lease.id, reference: found.lease.reference, household: found.lease.household },
      homeLabel: found.homeLabel,
      refinance:
        found.kind === "refinance"
          ? {
              lender: details.lender,
              principal: usd(details.principalCents),
              payoff: usd(details.payoffCents),
              rate: details.rate,
              termYears: details.termYears,
              repays: found.lease.permittedMortgages.filter((m) => details.repays.includes(m.id)).map((m) => `${m.lender}: ${usd(m.amountCents)} (${formatScreenDate(m.recordedOn)})`),
            }
          : null,
      period:
        found.periodStart && found.periodEnd
          ? {
              start: found.periodStart,
              end: found.periodEnd,
              reason: String((found.details as { reason?: string }).reason ?? ""),
              party: String((found.details as { party?: string }).party ?? ""),
              price: (found.details as { priceCents?: number | null }).priceCents != null ? usd((found.details as { priceCents: number }).priceCents) : null,
            }
          : null,
      reasons: decision?.reasons ?? [],
      figures: decision?.figures
        ? [
            ["Maximum resale price", `${usd(decision.figures.maxResalePriceCents)} (calculation valued ${decision.figures.valuationDate})`],
            ["Limit on the principal", `${usd(decision.figures.principalLimitCents)} (${formatPercent(decision.figures.maxShare)} of it)`],
            ["New principal", usd(decision.figures.principalCents)],
            ["Cash out", `${usd(decision.figures.cashOutCents)} (limit ${usd(decision.figures.cashOutLimitCents)})`],
          ]
        : [],
    },
    today: todayIn(actor.timeZone),
    canWrite: can(actor.role, "records:write"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const submission = parseWithZod(await readFormData(request), { schema: decisionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const id = params.requestId ?? "";
  try {
    const result = await decideStewardshipRequest(db(), auditActor(actor), id, submission.value, { today: todayIn(actor.timeZone) });
    if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { status: 400 });
    const message = result.status === "approved" ? "Approved: the permitted mortgage was added to the lease by a dated amendment. Print the consent letter for the lender." : `Refused: ${result.reasons.join(" ")}`;
    return redirectWithToast(`/stewardship/requests/${id}`, { kind: result.status === "approved" ? "success" : "info", message });
  } catch (error) {
    if (error instanceof StaleRecordError) return data(submission.reply({ formErrors: [error.message] }), { status: 409 });
    throw error;
  }
}

export default function StewardshipRequestPage() {
  const { request, today, canWrite } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `decide-${request.id}`,
    lastResult,
    defaultValue: { decidedOn: today, version: String(request.version) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionSchema }),
  });
  return (
    <div style={{ maxWidth: "52rem" }}>
      <p>
        <Link to="/stewardship/requests">← Requests</Link> · <Link to={`/leases/${request.lease.id}`}>Lease {request.lease.reference}</Link>
      </p>
      <h1>
        {REQUEST_KINDS[request.kind]} request — {request.lease.household.name}
      </h1>
      <section className="card">
        <dl className="facts">
          <dt>Home</dt>
          <dd>{request.homeLabel}</dd>
          <dt>Received</dt>
          <dd>{request.receivedOn}</dd>
          <dt>Status</dt>
          <dd>
            <strong>{REQUEST_STATUSES[request.status]}</strong>
            {request.decidedOn ? ` on ${request.decidedOn}` : ""}
          </dd>
          {request.refinance ? (
            <>
              <dt>New lender</dt>
              <dd>{request.refinance.lender}</dd>
              <dt>New principal</dt>
              <dd>{request.refinance.principal}</dd>
              <dt>Payoff of the loans it repays</dt>
              <dd>{request.refinance.payoff}</dd>
              {request.refinance.rate ? (
                <>
                  <dt>Rate and term</dt>
                  <dd>
                    {request.refinance.rate}% {request.refinance.termYears ? `for ${request.refinance.termYears} years` : ""}
                  </dd>
                </>
              ) : null}
              <dt>Repays</dt>
              <dd>{request.refinance.repays.length ? request.refinance.repays.join("; ") : "none listed"}</dd>
            </>
          ) : null}
          {request.period ? (
            <>
              <dt>{request.status === "approved" ? "Approved period" : "Period asked for"}</dt>
              <dd>
                {request.period.start} to {request.period.end}
              </dd>
              <dt>Reason</dt>
              <dd>{request.period.reason}</dd>
              {request.period.party ? (
                <>
                  <dt>{request.kind === "rental" ? "Tenant" : "Lender"}</dt>
                  <dd>{request.period.party}</dd>
                </>
              ) : null}
              {request.period.price ? (
                <>
                  <dt>Price offered</dt>
                  <dd>{request.period.price}</dd>
                </>
              ) : null}
            </>
          ) : null}
        </dl>
      </section>
      {request.status !== "pending" ? (
        <section className="card" aria-labelledby="decision-heading">
          <h2 id="decision-heading">Decision</h2>
          {request.reasons.length && request.status === "refused" ? (
            <ul className="form-errors">
              {request.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : null}
          {request.figures.length ? (
            <TableWrap label="Decision">
              <table>
                <tbody>
                  {request.figures.map(([label, value]) => (
                    <tr key={label}>
                      <th scope="row">{label}</th>
                      <td>{value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
          {request.decisionNote && request.status === "approved" ? <p>{request.decisionNote}</p> : null}
          {request.status === "approved" && request.kind === "refinance" ? (
            <p>
              <a href={`/stewardship/requests/${request.id}/consent.pdf`}>Consent letter for the lender (PDF)</a> · The lease&apos;s Exhibit D now lists the new loan.
            </p>
          ) : null}
        </section>
      ) : canWrite ? (
        <section className="card" aria-labelledby="decide-heading">
          <h2 id="decide-heading">Decide</h2>
          <Form method="post" className="stack" {...getFormProps(form)}>
            <FormErrorSummary form={form} />
            <input type="hidden" name="version" value={request.version} />
            <Field label="Decision date" errors={fields.decidedOn.errors} inputProps={getInputProps(fields.decidedOn, { type: "date" })} />
            {request.period ? (
              <div className="form-grid">
                <Field label="Approved from" errors={fields.periodStart.errors} inputProps={{ ...getInputProps(fields.periodStart, { type: "date" }), defaultValue: request.period.start }} />
                <Field label="Approved until" errors={fields.periodEnd.errors} inputProps={{ ...getInputProps(fields.periodEnd, { type: "date" }), defaultValue: request.period.end }} />
              </div>
            ) : null}
            <TextareaField label="Note (the reason, when refusing)" errors={fields.note.errors} textareaProps={getTextareaProps(fields.note)} />
            <div className="button-row">
              <button type="submit" name="intent" value="approve">
                {request.kind === "refinance" ? "Approve (checks the trust's policy)" : "Approve"}
              </button>
              <button type="submit" name="intent" value="refuse" className="secondary">
                Refuse
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
