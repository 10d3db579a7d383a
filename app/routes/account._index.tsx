import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requireActor } from "~/modules/auth/session.server";
import { REMINDER_KIND_KEYS, REMINDER_KINDS } from "~/modules/reminders/reminders";
import { OwnNameSchema } from "~/modules/users/schemas";
import { getOwnSettings, updateOwnName, updateOwnNotices } from "~/modules/users/users.server";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Your settings · Commonground" }];

/** Your settings (every signed-in person): your name, your password, the email reminders you receive. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return { settings: await getOwnSettings(db(), actor.userId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const formData = await readFormData(request);
  const who = { ...auditActor(actor), userId: actor.userId };
  if (readIntent(formData, ["name", "notices"]) === "notices") {
    const chosen = formData.getAll("notice").map(String);
    await updateOwnNotices(db(), who, chosen);
    return redirectWithToast("/account", { kind: "success", message: "Your email notices were saved." });
  }
  const submission = parseWithZod(formData, { schema: OwnNameSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await updateOwnName(db(), who, submission.value.name);
  return redirectWithToast("/account", { kind: "success", message: "Your name was saved." });
}

export default function AccountSettingsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "own-name",
    lastResult,
    defaultValue: { name: settings.name },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OwnNameSchema }),
    shouldRevalidate: "onInput",
  });
  const off = new Set<string>(settings.noticesOff);
  return (
    <div className="stack" style={{ maxWidth: "44rem" }}>
      <h1>Your settings</h1>
      <p className="muted">Signed in as {settings.email}.</p>

      <section className="card stack" aria-labelledby="name-heading">
        <h2 id="name-heading">Your name</h2>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="name" />
          <FormErrorSummary form={form} />
          <Field label="Name" hint="As shown at the top of every page, in the history and in the emails you send." errors={fields.name.errors} inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "name" }} />
          <div>
            <button type="submit" className="primary">
              Save name
            </button>
          </div>
        </Form>
      </section>

      <section className="card stack" aria-labelledby="password-heading">
        <h2 id="password-heading">Your password</h2>
        <p>
          Changing it needs your current password; the new one must be hard to guess and may not contain your email or the trust&apos;s name. Your other devices are
          signed out.
        </p>
        <p>
          <Link className="button" to="/account/password">
            Change your password
          </Link>
        </p>
      </section>

      <section className="card stack" aria-labelledby="notices-heading">
        <h2 id="notices-heading">Email notices</h2>
        <p>
          The reminders the trust sends (Settings → Reminders) reach you when they are about your home or your work. Untick the ones you do not want; a new kind of
          reminder starts ticked.
        </p>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="notices" />
          <fieldset className="stack">
            <legend>Send me these reminders</legend>
            {REMINDER_KIND_KEYS.map((kind) => (
              <div className="field field-checkbox" key={kind}>
                <input type="checkbox" id={`notice-${kind}`} name="notice" value={kind} defaultChecked={!off.has(kind)} />
                <label htmlFor={`notice-${kind}`}>
                  {REMINDER_KINDS[kind].label} <span className="muted">({REMINDER_KINDS[kind].to})</span>
                </label>
              </div>
            ))}
          </fieldset>
          <div>
            <button type="submit" className="primary">
              Save email notices
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
