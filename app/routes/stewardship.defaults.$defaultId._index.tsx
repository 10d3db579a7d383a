import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary, SelectField, TextareaField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { usd } from "~/modules/mortgages/permitted-mortgages";
import { DEFAULT_KINDS, defaultStanding, DELINQUENT_OBLIGATIONS, ESCALATION_STAGES } from "~/modules/stewardship-decisions/defaults";
import { getLeaseDefault, updateDefault } from "~/modules/stewardship-decisions/defaults.server";
import { defaultActionSchema } from "~/modules/stewardship-decisions/schemas";
import { formatScreenDate, todayIn, withScreenDates } from "~/utils/calendar-date";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Default and cure · Commonground" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const record = await getLeaseDefault(db(), actor.organisationId, params.defaultId ?? "");
  if (!record) throw new Response("Default not found", { status: 404 });
  const today = todayIn(actor.timeZone);
  return {
    record: {
      id: record.id,
      version: record.version,
      kind: DEFAULT_KINDS[record.kind],
      description: record.description,
      amount: record.amountCents === null ? null : usd(record.amountCents),
      noticeDate: record.noticeDate,
      cureDays: record.cureDays,
      status: record.status,
      lease: { id: record.lease.id, reference: record.lease.reference, household: record.lease.household },
      homeLabel: record.homeLabel,
      copies: record.mortgageeCopies.map((m) => `${m.lender} (${usd(m.amountCents)})`),
      escalations: record.escalations.map((e) => ({ ...e, label: ESCALATION_STAGES[e.stage] + (e.obligation ? ` — ${DELINQUENT_OBLIGATIONS[e.obligation]}` : "") })),
      lender: record.lenderName ? { name: record.lenderName, receivedOn: record.lenderNoticeReceivedOn, days: record.lenderCureDays } : null,
    },
    standing: defaultStanding(record as Parameters<typeof defaultStanding>[0], today),
    today,
    canWrite: can(actor.role, "records:write"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const formData = await readFormData(request);
  const intent = readIntent(formData, defaultActionSchema);
  const submission = parseWithZod(formData, { schema: defaultActionSchema });
  if (submission.status !== "success") return data({ intent, reply: submission.reply() }, { status: 400 });
  const id = params.defaultId ?? "";
  try {
    const result = await updateDefault(db(), auditActor(actor), id, submission.value, { today: todayIn(actor.timeZone) });
    if (!result.ok) return data({ intent, reply: submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }) }, { status: 400 });
  } catch (error) {
    if (error instanceof StaleRecordError) return data({ intent, reply: submission.reply({ formErrors: [error.message] }) }, { status: 409 });
    throw error;
  }
  const messages = { escalate: "The escalation was recorded.", "lender-notice": "The lender's notice was recorded: the trust's cure window is shown.", cured: "The default is recorded as cured." } as Record<string, string>;
  return redirectWithToast(`/stewardship/defaults/${id}`, { kind: "success", message: messages[intent] ?? "Saved." });
}

export default function LeaseDefaultPage() {
  const { record, standing, today, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const reply = (intent: string) => (actionData?.intent === intent ? actionData.reply : undefined);
  const [escalateForm, escalate] = useForm({ id: "escalate", lastResult: reply("escalate"), defaultValue: { date: today }, onValidate: ({ formData }) => parseWithZod(formData, { schema: defaultActionSchema }) });
  const [lenderForm, lender] = useForm({ id: "lender-notice", lastResult: reply("lender-notice"), defaultValue: { receivedOn: today }, onValidate: ({ formData }) => parseWithZod(formData, { schema: defaultActionSchema }) });
  const [curedForm, cured] = useForm({ id: "cured", lastResult: reply("cured"), defaultValue: { curedOn: today }, onValidate: ({ formData }) => parseWithZod(formData, { schema: defaultActionSchema }) });
  return (
    <div style={{ maxWidth: "52rem" }}>
      <p>
        <Link to="/stewardship/defaults">← Defaults</Link> · <Link to={`/leases/${record.lease.id}`}>Lease {record.lease.reference}</Link>
      </p>
      <h1>Default — {record.lease.household.name}</h1>
      <section className="card">
        <p>
          <strong>{standing.label}</strong>
        </p>
        <dl className="facts">
          <dt>Home</dt>
          <dd>{record.homeLabel}</dd>
          <dt>Kind</dt>
          <dd>{record.kind}</dd>
          <dt>Default</dt>
          <dd>{record.description}</dd>
          {record.amount ? (
            <>
              <dt>Amount owed</dt>
              <dd>{record.amount}</dd>
            </>
          ) : null}
          <dt>Notice given</dt>
          <dd>
            {record.noticeDate} ({record.cureDays} days to cure under the lease)
          </dd>
          <dt>Copies to permitted mortgagees</dt>
          <dd>{record.copies.length ? record.copies.join("; ") : "none (the lease lists no permitted mortgage)"}</dd>
          {record.lender ? (
            <>
              <dt>Lender&apos;s notice</dt>
              <dd>
                {record.lender.name}, received {record.lender.receivedOn} ({record.lender.days} days for the trust to cure)
              </dd>
            </>
          ) : null}
        </dl>
        <h2>Deadlines</h2>
        <TableWrap label="Deadlines">
          <table>
            <tbody>
              {standing.deadlines.map((d) => (
                <tr key={d.label}>
                  <th scope="row">{d.label}</th>
                  <td>{d.date}</td>
                  <td>{d.state === "passed" ? "passed" : "open"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        {record.escalations.length ? (
          <>
            <h2>Escalation</h2>
            <ul>
              {record.escalations.map((e, i) => (
                <li key={i}>
                  {formatScreenDate(e.date)}: {withScreenDates(e.label)}
                  {e.note ? ` — ${e.note}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <a href={`/stewardship/defaults/${record.id}/notice.pdf`}>Notice of default (PDF)</a>
        </p>
      </section>
      {canWrite && record.status === "open" ? (
        <>
          <section className="card">
            <h2>Escalate</h2>
            <Form method="post" className="stack" {...getFormProps(escalateForm)}>
              <FormErrorSummary form={escalateForm} />
              <input type="hidden" name="intent" value="escalate" />
              <input type="hidden" name="version" value={record.version} />
              <div className="form-grid">
                <SelectField label="Stage" errors={escalate.stage.errors} selectProps={getSelectProps(escalate.stage)} placeholder="Choose" options={Object.entries(ESCALATION_STAGES).map(([value, label]) => ({ value, label }))} />
                <Field label="Date" errors={escalate.date.errors} inputProps={getInputProps(escalate.date, { type: "date" })} />
                <SelectField
                  label="What is 90+ days delinquent"
                  errors={escalate.obligation.errors}
                  selectProps={getSelectProps(escalate.obligation)}
                  placeholder="—"
                  options={Object.entries(DELINQUENT_OBLIGATIONS).map(([value, label]) => ({ value, label }))}
                />
                <Field label="Foreclosure sale date (if known)" errors={escalate.foreclosureSaleDate.errors} inputProps={getInputProps(escalate.foreclosureSaleDate, { type: "date" })} />
              </div>
              <TextareaField label="Note" errors={escalate.note.errors} textareaProps={getTextareaProps(escalate.note)} />
              <div>
                <button type="submit">Record the escalation</button>
              </div>
            </Form>
          </section>
          <section className="card">
            <h2>Lender&apos;s notice</h2>
            <Form method="post" className="stack" {...getFormProps(lenderForm)}>
              <FormErrorSummary form={lenderForm} />
              <input type="hidden" name="intent" value="lender-notice" />
              <input type="hidden" name="version" value={record.version} />
              <div className="form-grid">
                <Field label="Lender" errors={lender.lenderName.errors} inputProps={getInputProps(lender.lenderName, { type: "text" })} />
                <Field label="Received by the trust on" errors={lender.receivedOn.errors} inputProps={getInputProps(lender.receivedOn, { type: "date" })} />
              </div>
              <div>
                <button type="submit">Record the lender&apos;s notice</button>
              </div>
            </Form>
          </section>
          <section className="card">
            <h2>Cured</h2>
            <Form method="post" className="stack" {...getFormProps(curedForm)}>
              <FormErrorSummary form={curedForm} />
              <input type="hidden" name="intent" value="cured" />
              <input type="hidden" name="version" value={record.version} />
              <Field label="Cured on" errors={cured.curedOn.errors} inputProps={getInputProps(cured.curedOn, { type: "date" })} />
              <div>
                <button type="submit">Record the cure</button>
              </div>
            </Form>
          </section>
        </>
      ) : null}
    </div>
  );
}
