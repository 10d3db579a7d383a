import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, FormErrorSummary, SelectField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { UpdateMemberSchema } from "~/modules/users/schemas";
import { getMember, updateMember } from "~/modules/users/users.server";
import { INVITATION_DAYS, pendingInvitationUserIds, resendInvitation } from "~/modules/auth/account-tokens.server";
import { appUrl } from "~/utils/env.server";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { ROLE_LABELS, ROLES } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";

export const meta: MetaFunction = () => [{ title: "Edit user · Commonground" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "users:manage");
  const member = await getMember(db(), actor.organisationId, params.membershipId ?? "");
  if (!member) throw new Response("User not found", { status: 404 });
  const pending = await pendingInvitationUserIds(db(), actor.organisationId);
  return {
    invitationPending: pending.has(member.user.id),
    member: {
      id: member.id,
      name: member.user.name,
      email: member.user.email,
      role: member.role,
      disabled: Boolean(member.disabledAt),
      version: member.version,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "users:manage");
  const formData = await readFormData(request);
  if (readIntent(formData, ["save", "resend-invitation"]) === "resend-invitation") {
    const resent = await resendInvitation(db(), { ...auditActor(actor), organisationName: actor.organisationName }, params.membershipId ?? "", appUrl(request));
    if (!resent.ok) return data({ status: "error" as const, error: { "": [resent.message] } }, { status: 400 });
    return redirectWithToast(`/settings/users/${params.membershipId}`, { kind: "success", message: `A new invitation link (valid ${INVITATION_DAYS} days) is in the outbox; earlier links no longer work.` });
  }
  const submission = parseWithZod(formData, { schema: UpdateMemberSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const result = await updateMember(db(), auditActor(actor), params.membershipId ?? "", submission.value);
    if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: 400 });
  } catch (error) {
    if (error instanceof StaleRecordError) return data(submission.reply({ formErrors: [error.message] }), { status: 409 });
    throw error;
  }
  return redirectWithToast("/settings/users", { kind: "success", message: "The user was updated." });
}

export default function EditUserPage() {
  const { member, invitationPending } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `member-${member.id}-${member.version}`,
    lastResult,
    defaultValue: { role: member.role, disabled: member.disabled ? "on" : undefined, version: String(member.version) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UpdateMemberSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="card" style={{ maxWidth: "36rem" }}>
      <h1>{member.name}</h1>
      <p className="muted">{member.email}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <input type="hidden" name="intent" value="save" />
        <input {...getInputProps(fields.version, { type: "hidden" })} />
        <SelectField
          label="Role"
          errors={fields.role.errors}
          selectProps={getSelectProps(fields.role)}
          options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
        />
        <CheckboxField
          label="Disabled in this organisation (cannot sign in here)"
          errors={fields.disabled.errors}
          inputProps={getInputProps(fields.disabled, { type: "checkbox" })}
        />
        <button type="submit" className="primary">
          Save
        </button>
      </Form>
      {invitationPending ? (
        <Form method="post" className="stack" style={{ marginTop: "1.5rem" }}>
          <p>{member.name} has not yet accepted their invitation (no password set).</p>
          <button type="submit" name="intent" value="resend-invitation" className="secondary">
            Send a new invitation
          </button>
        </Form>
      ) : null}
    </div>
  );
}
