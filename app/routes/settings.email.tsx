import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { getEmailSettings, listOutbox, retryEmail, updateFromAddress } from "~/modules/email/outbox.server";
import { EMAIL_STATUS_LABELS } from "~/modules/email/retry";
import { IntentErrors } from "~/modules/governance/components";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { useFormatInstant } from "~/components/instant";
import { intentFailure } from "~/utils/intent-reply.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Email · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "email:manage");
  const status = new URL(request.url).searchParams.get("status") ?? "";
  const [settings, outbox] = await Promise.all([getEmailSettings(db(), actor.organisationId), listOutbox(db(), actor.organisationId, { status })]);
  return {
    fromAddress: settings.fromAddress,
    smtpConfigured: Boolean(env().SMTP_URL),
    status,
    counts: outbox.counts,
    messages: outbox.messages.map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      nextAttemptAt: m.nextAttemptAt.toISOString(),
      textBody: m.textBody,
    })),
  };
}

const Schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("from"), fromAddress: z.string({ required_error: "Enter the address messages come from" }).trim().max(200) }),
  z.object({ intent: z.literal("retry"), messageId: z.string().min(1) }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "email:manage");
  const form = await readFormData(request);
  const intent = readIntent(form, Schema);
  const submission = parseWithZod(form, { schema: Schema });
  if (submission.status !== "success") return intentFailure(intent, submission);
  if (submission.value.intent === "from") {
    const result = await updateFromAddress(db(), auditActor(actor), submission.value.fromAddress);
    if (!result.ok) return intentFailure(intent, submission, result);
    return redirectWithToast("/settings/email", { kind: "success", message: "The from-address was saved." });
  }
  const retried = await retryEmail(db(), auditActor(actor), submission.value.messageId);
  if (!retried) return intentFailure(intent, submission, { formErrors: ["Only a failed message can be queued again."] });
  return redirectWithToast("/settings/email?status=queued", { kind: "success", message: "The message is queued again." });
}

export default function EmailSettingsPage() {
  const formatInstant = useFormatInstant();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p><Link to="/settings">← Settings</Link></p>
      <h1>Email</h1>
      <p>
        {data.smtpConfigured
          ? "Messages are sent over SMTP (SMTP_URL) from the outbox below; failed attempts are retried with growing delays."
          : "No SMTP server is configured (SMTP_URL), so messages stay in the outbox below: read them here, or configure SMTP to send them."}
      </p>
      <Form method="post" className="card stack" style={{ maxWidth: "40rem" }}>
        <IntentErrors actionData={actionData} intent="from" />
        <input type="hidden" name="intent" value="from" />
        <div className="field">
          <label htmlFor="from-address">From address</label>
          <input id="from-address" name="fromAddress" defaultValue={data.fromAddress} placeholder="Your CLT <office@yourclt.org>" />
          <p className="field-hint">The sender of this trust&apos;s messages. Your SMTP provider must allow it.</p>
        </div>
        <div className="actions"><button type="submit">Save</button></div>
      </Form>
      <h2>Outbox</h2>
      <p>
        <Link to="/settings/email">All</Link>
        {Object.entries(EMAIL_STATUS_LABELS).map(([status, label]) => (
          <span key={status}> · <Link to={`/settings/email?status=${status}`}>{label} ({data.counts[status] ?? 0})</Link></span>
        ))}
      </p>
      <IntentErrors actionData={actionData} intent="retry" />
      <TableWrap label="Outbox">
        <table>
          <thead><tr><th>Queued</th><th>To</th><th>Subject</th><th>Status</th><th>Attempts</th><th>Problem</th></tr></thead>
          <tbody>
            {data.messages.map((m) => (
              <tr key={m.id}>
                <td>{formatInstant(m.createdAt)}</td>
                <td>{m.to}</td>
                <td>
                  <details>
                    <summary>{m.subject}</summary>
                    <pre style={{ whiteSpace: "pre-wrap" }}>{m.textBody}</pre>
                  </details>
                </td>
                <td>
                  <span className={m.status === "failed" ? "badge badge-danger" : m.status === "sent" ? "badge badge-ok" : "badge"}>{EMAIL_STATUS_LABELS[m.status] ?? m.status}</span>
                  {m.sentAt ? <> {formatInstant(m.sentAt)}</> : m.status === "queued" && m.attempts > 0 ? <> next try {formatInstant(m.nextAttemptAt)}</> : null}
                </td>
                <td>{m.attempts}</td>
                <td>
                  {m.lastError || "—"}
                  {m.status === "failed" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="retry" />
                      <input type="hidden" name="messageId" value={m.id} />
                      <button type="submit">Try again</button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
