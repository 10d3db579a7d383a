import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors } from "~/components/forms";
import { requestPasswordReset, RESET_MINUTES } from "~/modules/auth/account-tokens.server";
import { EmailSchema } from "~/modules/auth/password-policy";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { appUrl } from "~/utils/env.server";
import { clientAddress } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Forgot your password? · Commonground" }];

const ForgotPasswordSchema = z.object({ email: EmailSchema });

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return data({ reply: submission.reply(), sentTo: null }, { status: 400 });
  // the same answer whether or not the address has an account, and when a throttle holds the email back:
  // anything else would tell a stranger which addresses have accounts
  await requestPasswordReset(db(), submission.value.email, clientAddress(request), appUrl(request));
  return { reply: submission.reply({ resetForm: true }), sentTo: submission.value.email };
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData?.reply,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="card auth-card">
      <h1>Forgot your password?</h1>
      {actionData?.sentTo ? (
        <p role="status">
          If <strong>{actionData.sentTo}</strong> has an account, we have sent it a link to choose a new password. The link works
          once, for {RESET_MINUTES} minutes. Nothing arrived? Check your spam folder, or ask the trust&apos;s office.
        </p>
      ) : (
        <p>Enter the email address you sign in with. We will email you a link to choose a new password.</p>
      )}
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Field label="Email" errors={fields.email.errors} inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "username" }} />
        <button type="submit" className="primary">
          Email me a link
        </button>
      </Form>
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </div>
  );
}
