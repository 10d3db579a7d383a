import { passwordProblem } from "~/modules/auth/password-strength.server";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary, SelectField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { activeHouseholdChoices } from "~/modules/households/households.server";
import { AddUserSchema } from "~/modules/users/schemas";
import { addUser } from "~/modules/users/users.server";
import { INVITATION_DAYS, inviteUser } from "~/modules/auth/account-tokens.server";
import { appUrl } from "~/utils/env.server";
import { db } from "~/utils/db.server";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Add a user · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "users:manage");
  const households = await activeHouseholdChoices(db(), actor.organisationId);
  return { households };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "users:manage");
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: AddUserSchema });
  // beyond the length rule: not guessable, not the person's email, not the trust's name (with every other field error)
  const typedPassword = String(formData.get("password") ?? "");
  const weak = typedPassword !== "" && (submission.status === "success" || !submission.error?.password) ? passwordProblem(String(formData.get("password") ?? ""), {
    email: String(formData.get("email") ?? ""),
    name: String(formData.get("name") ?? ""),
    organisationName: actor.organisationName,
  }) : null;
  if (submission.status !== "success" || weak) {
    return data(submission.reply({ hideFields: ["password"], ...(weak ? { fieldErrors: { password: [weak] } } : {}) }), { status: 400 });
  }
  const { password, ...person } = submission.value;
  if (!password) {
    const invited = await inviteUser(db(), { ...auditActor(actor), organisationName: actor.organisationName }, person, appUrl(request));
    if (!invited.ok) {
      return data(submission.reply({ hideFields: ["password"], fieldErrors: { [invited.field]: [invited.message] } }), { status: 400 });
    }
    return redirectWithToast("/settings/users", {
      kind: "success",
      message:
        invited.kind === "invitation"
          ? `${person.name} was invited as ${ROLE_LABELS[person.role].toLowerCase()}: an email with a link to choose a password (valid ${INVITATION_DAYS} days) is in the outbox.`
          : `${person.email} already has an account in another trust; they were added as ${ROLE_LABELS[person.role].toLowerCase()} and told by email.`,
    });
  }
  const result = await addUser(db(), auditActor(actor), { ...person, password });
  if (!result.ok) {
    return data(submission.reply({ hideFields: ["password"], fieldErrors: { [result.field]: [result.message] } }), { status: 400 });
  }
  return redirectWithToast("/settings/users", {
    kind: "success",
    message: `${submission.value.name} was added as ${ROLE_LABELS[submission.value.role].toLowerCase()}. Give them their initial password in person.`,
  });
}

export default function AddUserPage() {
  const { households } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "add-user",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddUserSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="card" style={{ maxWidth: "36rem" }}>
      <h1>Add a user</h1>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <Field label="Name" errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
        <Field label="Email" errors={fields.email.errors} inputProps={getInputProps(fields.email, { type: "email" })} />
        <SelectField
          label="Role"
          hint={ROLES.map((role) => `${ROLE_LABELS[role]}: ${ROLE_DESCRIPTIONS[role]}`).join(" ")}
          errors={fields.role.errors}
          selectProps={getSelectProps(fields.role)}
          placeholder="Choose a role"
          options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
        />
        <SelectField
          label="Household (homeowners only)"
          errors={fields.householdId.errors}
          selectProps={getSelectProps(fields.householdId)}
          placeholder="—"
          options={households.map((h) => ({ value: h.id, label: h.name }))}
        />
        <Field
          label="Initial password"
          hint="Leave empty to email them an invitation: a link to choose their own password (recommended). Or set one here (at least 10 characters) and give it to them in person."
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
        />
        <button type="submit" className="primary">
          Add user
        </button>
        <p className="muted">Invitations go out through the trust&apos;s email (Settings → Email).</p>
      </Form>
    </div>
  );
}
