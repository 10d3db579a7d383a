import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { REMINDER_KIND_KEYS, REMINDER_KINDS, type ReminderSwitches } from "~/modules/reminders/reminders";
import { reminderSwitches, updateReminderSwitches } from "~/modules/reminders/reminders.server";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { redirectWithToast } from "~/utils/toast.server";
import { withScreenDates } from "~/utils/calendar-date";

export const meta: MetaFunction = () => [{ title: "Reminders · Commonground" }];

/** Settings → Reminders (admins): which email reminders the trust sends. Each goes out once (docs/homeowner-portal.md). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  return { switches: await reminderSwitches(db(), actor.organisationId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "settings:manage");
  const form = await readFormData(request);
  const version = Number(form.get("version"));
  // A record version is a database integer (32 bits on PostgreSQL): anything else is a tampered or broken form.
  if (!Number.isInteger(version) || version < 0 || version > 2_147_483_647) return data({ message: "Reload the page and try again." }, { status: 400 });
  const values = Object.fromEntries(REMINDER_KIND_KEYS.map((k) => [k, form.get(k) === "on"])) as ReminderSwitches;
  try {
    await updateReminderSwitches(db(), auditActor(actor), values, version);
  } catch (error) {
    if (error instanceof StaleRecordError) return data({ message: error.message }, { status: 409 });
    throw error;
  }
  return redirectWithToast("/settings/reminders", { kind: "success", message: "The reminder settings were saved." });
}

export default function RemindersSettingsPage() {
  const { switches } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/settings">← Settings</Link>
      </p>
      <h1>Reminders</h1>
      <p>
        Email reminders go through the outbox (Settings → Email) once a day at most, and each one only once. Homeowners are reminded at the address they
        sign in with; staff when they are assigned to the item.
      </p>
      {reply ? (
        <p role="alert" className="field-error">
          {withScreenDates(reply.message)}
        </p>
      ) : null}
      <Form method="post" className="card stack" style={{ maxWidth: "44rem" }}>
        <input type="hidden" name="version" value={switches.version} />
        {REMINDER_KIND_KEYS.map((kind) => (
          <div className="field field-checkbox" key={kind}>
            <input type="checkbox" id={kind} name={kind} defaultChecked={switches[kind]} />
            <label htmlFor={kind}>
              <strong>{REMINDER_KINDS[kind].label}</strong> — to {REMINDER_KINDS[kind].to}
            </label>
          </div>
        ))}
        <div>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </Form>
    </>
  );
}
