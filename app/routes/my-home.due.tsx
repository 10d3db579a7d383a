import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { ANSWERS } from "~/modules/portal/forms";
import { answerDueItem, myDueItem } from "~/modules/portal/forms.server";
import type { ScheduledType } from "~/modules/stewardship/calendar";
import { listDocuments, limitInWords } from "~/modules/stored-documents/stored-documents.server";
import { ACCEPT_ATTRIBUTE, ACCEPTED_TYPES_IN_WORDS } from "~/modules/stored-documents/types";
import { formatScreenDate, todayIn, withScreenDates } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { documentMaxBytes } from "~/utils/env.server";
import { readFormData } from "~/utils/form-data.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Send it online · My home · Commonground" }];

/**
 * One item due from the household (`?event=<id>` for a stored event, `?lease=<id>&key=<schedule key>` for a
 * scheduled one nobody has acted on yet): what it asks, where it stands, and — while it is open — the form
 * that answers it (the attestation for the occupancy certification, the proof as a file). Another
 * household's item answers 404.
 */
function targetOf(url: URL) {
  return { eventId: url.searchParams.get("event"), leaseId: url.searchParams.get("lease"), scheduleKey: url.searchParams.get("key") };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "own-home:read");
  const today = todayIn(actor.timeZone);
  const item = await myDueItem(db(), actor, targetOf(new URL(request.url)), today);
  if (!item) throw new Response("Not found", { status: 404 });
  const documents = item.eventId ? await listDocuments(db(), actor.organisationId, { ownerType: "monitoring_event", ownerId: item.eventId }) : [];
  return {
    item,
    answer: item.type in ANSWERS ? ANSWERS[item.type as ScheduledType] : null,
    documents: documents.map((d) => ({ id: d.id, name: d.name })),
    limit: limitInWords(documentMaxBytes()),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "own-home:read");
  const today = todayIn(actor.timeZone);
  const form = await readFormData(request);
  const file = form.get("file");
  const upload = file && typeof file !== "string" ? { name: file.name, type: file.type, size: file.size, content: file.stream() as unknown as AsyncIterable<Uint8Array> } : null;
  const result = await answerDueItem(db(), actor, targetOf(new URL(request.url)), { attested: form.get("attest") === "yes", file: upload }, { today, maxBytes: documentMaxBytes() });
  if (!result.ok) {
    if (result.status === 404) throw new Response("Not found", { status: 404 });
    return data({ field: result.field ?? null, message: result.message }, { status: result.status });
  }
  return redirectWithToast("/my-home", { kind: "success", message: "Sent. The trust will check it and tell you if anything is missing." });
}

export default function DueItemPage() {
  const { item, answer, documents, limit } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const attestError = reply?.field === "attest" ? reply.message : null;
  const fileError = reply?.field === "file" ? reply.message : null;
  const otherError = reply && !reply.field ? reply.message : null;
  return (
    <div className="portal stack">
      <p>
        <Link to="/my-home">← My home</Link>
      </p>
      <h1>{item.title}</h1>
      <p>
        Due {formatScreenDate(item.dueDate)}
        {item.leaseReference ? <> under lease {item.leaseReference}</> : null}. Where it stands: <strong>{item.statusLabel}</strong>.
      </p>
      {documents.length > 0 ? (
        <>
          <h2>What you or the trust have sent</h2>
          <ul>
            {documents.map((d) => (
              <li key={d.id}>
                <a href={`/documents/${d.id}`}>{d.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {otherError ? (
        <p role="alert" className="field-error">
          {withScreenDates(otherError)}
        </p>
      ) : null}
      {item.answerable && answer ? (
        <Form method="post" encType="multipart/form-data" className="stack card" replace>
          {answer.attestation ? (
            <div className="field field-checkbox">
              <input type="checkbox" id="attest" name="attest" value="yes" aria-invalid={attestError ? true : undefined} aria-describedby={attestError ? "attest-error" : undefined} />
              <label htmlFor="attest">{answer.attestation}</label>
              {attestError ? (
                <p id="attest-error" className="field-error" role="alert">
                  {withScreenDates(attestError)}
                </p>
              ) : null}
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="file">{answer.proof}</label>
            <input id="file" name="file" type="file" accept={ACCEPT_ATTRIBUTE} aria-invalid={fileError ? true : undefined} aria-describedby={fileError ? "file-error" : "file-hint"} />
            {fileError ? (
              <p id="file-error" className="field-error" role="alert">
                {withScreenDates(fileError)}
              </p>
            ) : (
              <p id="file-hint" className="hint">
                {ACCEPTED_TYPES_IN_WORDS}, at most {limit}. A photo of the page from your phone is fine.
              </p>
            )}
          </div>
          <button type="submit" className="primary">
            Send to the trust
          </button>
        </Form>
      ) : item.answerable ? (
        <p>Please contact the trust&apos;s office about this item.</p>
      ) : null}
    </div>
  );
}
