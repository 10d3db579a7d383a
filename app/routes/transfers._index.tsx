import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary, SelectField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { listHomesForPicker } from "~/modules/parcels/parcels.server";
import { DEADLINE_STATE_LABELS } from "~/modules/transfers/deadlines";
import { CASE_KIND_LABELS, CASE_KINDS, CASE_STATUS_LABELS, NOTICE_METHOD_LABELS, NOTICE_METHODS, openCaseSchema } from "~/modules/transfers/schemas";
import { listTransferCases, openTransferCase, TransferCaseError } from "~/modules/transfers/transfers.server";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { formatUsd } from "~/utils/money";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { formErrorsOf, formStatusOf } from "~/utils/errors";
import { TableWrap } from "~/components/table-wrap";

/** Resale and transfer cases: open ones first by their next deadline; opening a case from a notice of intent. */
export const meta: MetaFunction = () => [{ title: "Resale and transfer cases · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const today = todayIn(actor.timeZone);
  const url = new URL(request.url);
  const [cases, homes] = await Promise.all([listTransferCases(db(), actor.organisationId, today), listHomesForPicker(db(), actor.organisationId)]);
  return {
    today,
    cases,
    homes: homes.map((h) => ({ value: h.id, label: `${h.label}${h.currentOwner ? ` — ${h.currentOwner.name}` : " — held by the trust"}` })),
    preselectedHomeId: url.searchParams.get("homeId") ?? "",
    canWrite: can(actor.role, "records:write"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const submission = parseWithZod(await readFormData(request), { schema: openCaseSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const { id } = await openTransferCase(db(), auditActor(actor), submission.value, todayIn(actor.timeZone));
    return redirectWithToast(`/transfers/${id}`, { kind: "success", message: "Case opened from the notice of intent." });
  } catch (error) {
    if (error instanceof TransferCaseError) {
      return data(submission.reply(formErrorsOf(error)), { status: formStatusOf(error) });
    }
    throw error;
  }
}

export default function TransfersPage() {
  const { cases, homes, canWrite, preselectedHomeId, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "open-case",
    lastResult,
    defaultValue: { homeId: preselectedHomeId, kind: "sale", noticeMethod: "mail", noticeDate: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: openCaseSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <h1>Resale and transfer cases</h1>
      <p className="muted">
        From the homeowner&apos;s notice of intent to the closing. Deadlines come from each lease&apos;s own terms; today is {formatScreenDate(today)}. <Link to="/transfers/buyers">Interested buyers</Link>
      </p>
      {cases.length ? (
        <TableWrap label="Resale and transfer cases">
          <table>
            <thead>
              <tr>
                <th scope="col">Home</th>
                <th scope="col">Case</th>
                <th scope="col">Notice</th>
                <th scope="col">Next</th>
                <th scope="col" className="num">
                  Maximum price
                </th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/transfers/${c.id}`}>{c.home.label}</Link>
                    {c.seller ? <div className="muted">{c.seller}</div> : null}
                  </td>
                  <td>
                    {CASE_KIND_LABELS[c.kind]} · {CASE_STATUS_LABELS[c.status]}
                  </td>
                  <td>{formatScreenDate(c.noticeDate)}</td>
                  <td>
                    {c.next ? (
                      <>
                        {c.next.label}: {formatScreenDate(c.next.due)} <span className={`badge badge-${c.next.state}`}>{DEADLINE_STATE_LABELS[c.next.state]}</span>
                      </>
                    ) : c.status === "closed" ? (
                      `Closed ${formatScreenDate(c.closingDate)}`
                    ) : c.status === "open" && c.option === "lapsed" ? (
                      "Option lapsed: the homeowner may market the home"
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="num">{c.maxPrice ? formatUsd(c.maxPrice) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p className="muted">No cases yet.</p>
      )}
      {canWrite ? (
        <section className="card" aria-labelledby="open-case-heading">
          <h2 id="open-case-heading">Open a case from a notice of intent</h2>
          <Form method="post" className="stack" {...getFormProps(form)}>
            <FormErrorSummary form={form} />
            <div className="form-grid">
              <SelectField label="Home" errors={fields.homeId.errors} selectProps={getSelectProps(fields.homeId)} options={homes} placeholder="Choose a home" />
              <SelectField label="Kind of transfer" errors={fields.kind.errors} selectProps={getSelectProps(fields.kind)} options={CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_LABELS[k] }))} />
              <Field label="Date of the notice of intent" errors={fields.noticeDate.errors} inputProps={getInputProps(fields.noticeDate, { type: "date" })} />
              <SelectField label="How it arrived" errors={fields.noticeMethod.errors} selectProps={getSelectProps(fields.noticeMethod)} options={NOTICE_METHODS.map((m) => ({ value: m, label: NOTICE_METHOD_LABELS[m] }))} />
              <Field label="Note" errors={fields.noticeNote.errors} inputProps={getInputProps(fields.noticeNote, { type: "text" })} />
            </div>
            <div className="actions">
              <button type="submit" className="primary">
                Open case
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
