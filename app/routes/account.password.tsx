import { passwordProblem } from "~/modules/auth/password-strength.server";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrorSummary } from "~/components/forms";
import { NewPasswordFields } from "~/components/set-password-page";
import { NewPasswordSchema } from "~/modules/auth/password-policy";
import { requireActor, revokeOtherSessions } from "~/modules/auth/session.server";
import { changePassword } from "~/modules/users/users.server";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { formObject } from "~/utils/form-fields";

export const meta: MetaFunction = () => [{ title: "Change password · Commonground" }];

const ChangePasswordSchema = formObject(
  {
    currentPassword: z.string({ required_error: "Enter your current password" }),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string({ required_error: "Repeat the new password" }),
  },
  (value, ctx) => {
    if (value.newPassword !== undefined && value.confirmPassword !== undefined && value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirmPassword"], message: "The two new passwords do not match" });
    }
  },
);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
  const hidden = { hideFields: ["currentPassword", "newPassword", "confirmPassword"] };
  // beyond the length rule: not guessable, not your email, not the trust's name (with every other field error)
  const weak = submission.status === "success" || !submission.error?.newPassword
    ? passwordProblem(String(formData.get("newPassword") ?? ""), { email: actor.email, name: actor.name, organisationName: actor.organisationName })
    : null;
  if (submission.status !== "success" || weak) {
    return data(submission.reply({ ...hidden, ...(weak ? { fieldErrors: { newPassword: [weak] } } : {}) }), { status: 400 });
  }
  const result = await changePassword(db(), actor.userId, submission.value.currentPassword, submission.value.newPassword);
  if (!result.ok) {
    return data(submission.reply({ ...hidden, fieldErrors: { [result.field]: [result.message] } }), { status: 400 });
  }
  await revokeOtherSessions(request, actor.userId);
  return redirectWithToast("/", { kind: "success", message: "Your password was changed. Other devices were signed out." });
}

export default function ChangePasswordPage() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="card auth-card">
      <h1>Change your password</h1>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <Field
          label="Current password"
          errors={fields.currentPassword.errors}
          inputProps={{ ...getInputProps(fields.currentPassword, { type: "password" }), autoComplete: "current-password" }}
        />
        <NewPasswordFields fields={fields} hint="At least 10 characters. A short sentence is easy to remember and hard to guess." />
        <button type="submit" className="primary">
          Change password
        </button>
      </Form>
    </div>
  );
}
