import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary, SelectField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { createMember, listClasses } from "~/modules/governance/members.server";
import { MemberSchema } from "~/modules/governance/schemas";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Add a member · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "governance:write");
  const classes = await listClasses(db(), actor.organisationId);
  return { classes: classes.filter((c) => c.kind === "enrolled").map((c) => ({ value: c.id, label: c.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "governance:write");
  const submission = parseWithZod(await readFormData(request), { schema: MemberSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createMember(db(), auditActor(actor), submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { status: 400 });
  return redirectWithToast(`/governance/members/member:${result.id}`, { kind: "success", message: `${submission.value.fullName} is now a member. Record their dues below.` });
}

export default function NewMemberPage() {
  const { classes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "new-member", lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: MemberSchema }), shouldRevalidate: "onInput" });
  return (
    <div style={{ maxWidth: "40rem" }}>
      <p><Link to="/governance/members">← Member roll</Link></p>
      <h1>Add a member</h1>
      <p className="muted">Leaseholder households are members automatically while they hold a binding lease; add here the people who join.</p>
      <Form method="post" className="stack card" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <Field label="Full name" errors={fields.fullName.errors} inputProps={getInputProps(fields.fullName, { type: "text" })} />
        <SelectField label="Membership class" errors={fields.classId.errors} selectProps={getSelectProps(fields.classId)} options={classes} placeholder="Choose…" />
        <Field label="Email" hint="Meeting notices are emailed here." errors={fields.email.errors} inputProps={getInputProps(fields.email, { type: "email" })} />
        <Field label="Phone" errors={fields.phone.errors} inputProps={getInputProps(fields.phone, { type: "tel" })} />
        <Field label="Address" errors={fields.address.errors} inputProps={getInputProps(fields.address, { type: "text" })} />
        <Field label="Joined on" errors={fields.joinedOn.errors} inputProps={getInputProps(fields.joinedOn, { type: "date" })} />
        <div className="actions">
          <button type="submit" className="primary">Add member</button>
          <Link to="/governance/members">Cancel</Link>
        </div>
      </Form>
    </div>
  );
}
