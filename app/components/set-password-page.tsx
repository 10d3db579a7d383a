import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { Field, FormErrorSummary } from "~/components/forms";
import { SetPasswordSchema } from "~/modules/auth/password-policy";

type LoaderData = { usable: false; message: string } | { usable: true; name: string; email: string; organisationName: string };
type ActionData = { usable: boolean; message: string; reply: SubmissionResult<string[]> | null } | undefined;

/**
 * The new password and its repetition, as the browser's password manager expects them (`new-password`): the
 * invitation and reset page below and the signed-in change-password page (routes/account.password.tsx).
 */
export function NewPasswordFields({ fields, hint }: { fields: { newPassword: FieldMetadata<string>; confirmPassword: FieldMetadata<string> }; hint: string }) {
  return (
    <>
      <Field
        label="New password"
        hint={hint}
        errors={fields.newPassword.errors}
        inputProps={{ ...getInputProps(fields.newPassword, { type: "password" }), autoComplete: "new-password" }}
      />
      <Field
        label="Repeat the new password"
        errors={fields.confirmPassword.errors}
        inputProps={{ ...getInputProps(fields.confirmPassword, { type: "password" }), autoComplete: "new-password" }}
      />
    </>
  );
}

/** The page a one-time link opens: choose a password (invitation) or a new one (reset). Works without JavaScript. */
export function SetPasswordPage({ loaderData, actionData, title, intro, button }: { loaderData: LoaderData; actionData: ActionData; title: string; intro: (organisationName: string) => string; button: string }) {
  const [form, fields] = useForm({
    id: "set-password",
    lastResult: actionData?.reply ?? undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetPasswordSchema }),
    shouldRevalidate: "onInput",
  });
  const unusable = !loaderData.usable ? loaderData.message : actionData && !actionData.usable ? actionData.message : null;
  if (unusable !== null || !loaderData.usable) {
    return (
      <div className="card auth-card">
        <h1>{title}</h1>
        <p role="alert">{unusable}</p>
        <p>
          <Link to="/forgot-password">Ask for a new link</Link> · <Link to="/login">Sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="card auth-card">
      <h1>{title}</h1>
      <p>{intro(loaderData.organisationName)}</p>
      <p>
        Your account: <strong>{loaderData.email}</strong> ({loaderData.name})
      </p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <input type="email" name="username" value={loaderData.email} autoComplete="username" readOnly hidden />
        <NewPasswordFields fields={fields} hint="At least 10 characters. A short sentence of unrelated words is easy to remember and hard to guess." />
        <button type="submit" className="primary">
          {button}
        </button>
      </Form>
    </div>
  );
}
