import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, Field, FormErrorSummary, TextareaField } from "~/components/forms";
import { requirePermission } from "~/modules/auth/session.server";
import { HOMEOWNER_FORMS, improvementFormSchema, isHomeownerFormKind, leaveFormSchema, refinanceFormSchema, sellFormSchema, type HomeownerFormKind } from "~/modules/portal/forms";
import { giveNoticeOfIntentToSell, myBindingLease, sendImprovementRequest, sendLeaveRequest, sendRefinanceRequest } from "~/modules/portal/forms.server";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
import { fromDbCents } from "~/utils/cents";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { centsToString, formatUsd } from "~/utils/money";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Send a request · My home · Commonground" }];

/**
 * A homeowner's request to the trust (`/my-home/forms/improvement | refinance | leave-of-absence | sell`):
 * recorded under their own signed lease, dated the trust's today; the status shows on My home.
 */
function kindOf(params: { kind?: string }): HomeownerFormKind {
  const kind = params.kind ?? null;
  if (!isHomeownerFormKind(kind)) throw new Response("Not found", { status: 404 });
  return kind;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "own-home:read");
  const kind = kindOf(params);
  const lease = await myBindingLease(db(), actor);
  return {
    kind,
    lease: lease
      ? { reference: lease.reference, mortgages: lease.permittedMortgages.map((m) => ({ id: m.id, text: `${m.lender}: ${formatUsd(centsToString(fromDbCents(m.amountCents)))} (${formatScreenDate(m.recordedOn)})` })) }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "own-home:read");
  const kind = kindOf(params);
  const today = todayIn(actor.timeZone);
  const formData = await readFormData(request);
  const done = (result: { ok: true; message: string } | { ok: false; fieldErrors?: Record<string, string[]>; formErrors?: string[] }, reply: (o: { fieldErrors?: Record<string, string[]>; formErrors?: string[] }) => unknown) =>
    result.ok ? redirectWithToast("/my-home", { kind: "success", message: result.message }) : data(reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { status: 400 });
  if (kind === "improvement") {
    const submission = parseWithZod(formData, { schema: improvementFormSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    return done(await sendImprovementRequest(db(), actor, submission.value, today), submission.reply);
  }
  if (kind === "refinance") {
    const submission = parseWithZod(formData, { schema: refinanceFormSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    return done(await sendRefinanceRequest(db(), actor, submission.value, today), submission.reply);
  }
  if (kind === "leave-of-absence") {
    const submission = parseWithZod(formData, { schema: leaveFormSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    return done(await sendLeaveRequest(db(), actor, submission.value, today), submission.reply);
  }
  const submission = parseWithZod(formData, { schema: sellFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  return done(await giveNoticeOfIntentToSell(db(), actor, submission.value, today), submission.reply);
}

const SCHEMAS = { improvement: improvementFormSchema, refinance: refinanceFormSchema, "leave-of-absence": leaveFormSchema, sell: sellFormSchema } as const;

export default function HomeownerFormPage() {
  const { kind, lease } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `homeowner-${kind}`,
    lastResult: lastResult as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SCHEMAS[kind] }),
    shouldRevalidate: "onInput",
  });
  const f = fields as unknown as Record<string, Parameters<typeof getInputProps>[0]>;
  const input = (name: string, type: "text" | "date" = "text") => getInputProps(f[name]!, { type });
  const money = (name: string) => ({ ...input(name), inputMode: "decimal" as const });
  const errors = (name: string) => f[name]!.errors;
  return (
    <div className="portal stack">
      <p>
        <Link to="/my-home">← My home</Link>
      </p>
      <h1>{HOMEOWNER_FORMS[kind].title}</h1>
      <p>{HOMEOWNER_FORMS[kind].summary}</p>
      {!lease ? (
        <p>There is no signed lease for your household, so this cannot be sent online. Please contact the trust&apos;s office.</p>
      ) : (
        <Form method="post" className="stack card" {...getFormProps(form)}>
          <FormErrorSummary form={form} />
          {kind === "improvement" ? (
            <>
              <Field label="What work do you want to do?" errors={errors("description")} inputProps={input("description")} />
              <Field label="What it will cost, about ($)" hint="From a contractor's quote, e.g. 18500" errors={errors("costCents")} inputProps={money("costCents")} />
              <Field label="When do you expect it to be finished?" errors={errors("completedOn")} inputProps={input("completedOn", "date")} />
            </>
          ) : null}
          {kind === "refinance" ? (
            <>
              <Field label="The new lender" errors={errors("lender")} inputProps={input("lender")} />
              <Field label="Amount of the new loan ($)" errors={errors("principalCents")} inputProps={money("principalCents")} />
              <Field label="What it pays off ($)" hint="Your lender's payoff figure for the loans the new one replaces." errors={errors("payoffCents")} inputProps={money("payoffCents")} />
              <Field label="Interest rate (%)" errors={errors("rate")} inputProps={input("rate")} />
              <Field label="Term (years)" errors={errors("termYears")} inputProps={input("termYears")} />
              {lease.mortgages.length > 0 ? (
                <fieldset>
                  <legend>Which of your mortgages does it pay off?</legend>
                  {lease.mortgages.map((m) => (
                    <div className="field field-checkbox" key={m.id}>
                      <input type="checkbox" id={`repays-${m.id}`} name="repays" value={m.id} />
                      <label htmlFor={`repays-${m.id}`}>{m.text}</label>
                    </div>
                  ))}
                  {errors("repays") ? <p className="field-error">{errors("repays")!.join(" ")}</p> : null}
                </fieldset>
              ) : null}
              <TextareaField label="Anything else the trust should know" errors={errors("note")} textareaProps={getTextareaProps(f.note!)} />
            </>
          ) : null}
          {kind === "leave-of-absence" ? (
            <>
              <Field label="The date you leave" errors={errors("periodStart")} inputProps={input("periodStart", "date")} />
              <Field label="The date you come back" errors={errors("periodEnd")} inputProps={input("periodEnd", "date")} />
              <TextareaField label="Why you need to be away" errors={errors("reason")} textareaProps={getTextareaProps(f.reason!)} />
            </>
          ) : null}
          {kind === "sell" ? (
            <>
              <p>
                This is your formal notice of intent to sell under lease {lease.reference}. The trust then works out the most the home may sell for, and has the
                option to buy it (or name a buyer) within the time your lease gives it.
              </p>
              <CheckboxField label="I intend to sell my home." errors={errors("confirm")} inputProps={{ ...getInputProps(f.confirm!, { type: "checkbox" }), value: "yes" }} />
              <TextareaField label="Anything the trust should know (optional)" errors={errors("note")} textareaProps={getTextareaProps(f.note!)} />
            </>
          ) : null}
          <button type="submit" className="primary">
            {kind === "sell" ? "Send my notice" : "Send my request"}
          </button>
        </Form>
      )}
    </div>
  );
}
