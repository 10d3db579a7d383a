import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrorSummary, TextareaField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { RiderVersionSchema, riderParagraphs } from "~/modules/leases/riders";
import { archiveRider, getRider, saveRiderVersion } from "~/modules/leases/riders.server";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { useFormatInstant } from "~/components/instant";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.name ?? "Rider"} · Commonground` }];

async function riderOr404(organisationId: string, riderId: string | undefined) {
  const rider = riderId ? await getRider(db(), organisationId, riderId) : null;
  if (!rider) throw new Response("Rider not found", { status: 404 });
  return rider;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "templates:manage");
  const rider = await riderOr404(actor.organisationId, params.riderId);
  return {
    id: rider.id,
    name: rider.name,
    archived: rider.archivedAt !== null,
    versions: rider.versions.map((v) => ({
      versionNumber: v.versionNumber,
      text: v.text,
      paragraphs: riderParagraphs(v.text),
      note: v.note,
      savedBy: v.createdByLabel,
      savedAt: v.createdAt.toISOString(),
    })),
  };
}

const NewVersionSchema = RiderVersionSchema.omit({ name: true }).extend({ intent: z.literal("save"), basedOn: z.coerce.number().int().min(0) });
const ArchiveSchema = z.object({ intent: z.literal("archive") });

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "templates:manage");
  const rider = await riderOr404(actor.organisationId, params.riderId);
  const formData = await readFormData(request);
  if (readIntent(formData, ["save", "archive"]) === "archive") {
    const submission = parseWithZod(formData, { schema: ArchiveSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    await archiveRider(db(), auditActor(actor), rider.id);
    return redirectWithToast(`/settings/lease-riders/${rider.id}`, { kind: "success", message: `“${rider.name}” is archived: new leases no longer offer it.` });
  }
  const submission = parseWithZod(formData, { schema: NewVersionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const result = await saveRiderVersion(db(), auditActor(actor), { name: rider.name, text: submission.value.text, note: submission.value.note }, { riderId: rider.id, basedOn: submission.value.basedOn });
    if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
    return redirectWithToast(`/settings/lease-riders/${rider.id}`, { kind: "success", message: `“${rider.name}” saved as version ${result.versionNumber}.` });
  } catch (error) {
    if (error instanceof StaleRecordError) return data(submission.reply({ formErrors: [error.message] }), { status: 409 });
    throw error;
  }
}

export default function RiderPage() {
  const formatInstant = useFormatInstant();
  const rider = useLoaderData<typeof loader>();
  const latest = rider.versions[0];
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `rider-${rider.id}-${latest?.versionNumber ?? 0}`,
    lastResult,
    defaultValue: { text: latest?.text ?? "", note: "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewVersionSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <p>
        <Link to="/settings/lease-riders">← Lease riders</Link>
      </p>
      <h1>
        {rider.name} {rider.archived ? <span className="badge">Archived</span> : null}
      </h1>
      {latest ? (
        <section className="card">
          <h2>Version {latest.versionNumber}</h2>
          <p className="muted">
            Saved by {latest.savedBy || "—"}, {formatInstant(latest.savedAt)}
            {latest.note ? ` — ${latest.note}` : ""}.
          </p>
          {latest.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ) : null}
      <section className="card">
        <h2>Save a new version</h2>
        <p className="muted">Leases already signed keep the version they were signed with; drafts print the newest.</p>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <FormErrorSummary form={form} />
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="basedOn" value={latest?.versionNumber ?? 0} />
          <TextareaField label="Text" hint="Paragraphs separated by a blank line." errors={fields.text.errors} textareaProps={{ ...getTextareaProps(fields.text), rows: 14 }} />
          <Field label="What changed (note)" errors={fields.note.errors} inputProps={getInputProps(fields.note, { type: "text" })} />
          <div className="actions">
            <button type="submit" className="primary">
              Save version {(latest?.versionNumber ?? 0) + 1}
            </button>
          </div>
        </Form>
      </section>
      {rider.versions.length > 1 ? (
        <section className="card">
          <h2>Earlier versions</h2>
          {rider.versions.slice(1).map((v) => (
            <details key={v.versionNumber}>
              <summary>
                Version {v.versionNumber} — {v.savedBy || "—"}, {formatInstant(v.savedAt)}
                {v.note ? ` — ${v.note}` : ""}
              </summary>
              {v.paragraphs.map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </details>
          ))}
        </section>
      ) : null}
      {!rider.archived ? (
        <Form method="post">
          <input type="hidden" name="intent" value="archive" />
          <button type="submit" className="secondary">
            Archive (stop offering it for new leases)
          </button>
        </Form>
      ) : null}
    </>
  );
}
