import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary, TextareaField } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { RiderVersionSchema, STANDARD_RIDERS } from "~/modules/leases/riders";
import { listRiders, saveRiderVersion } from "~/modules/leases/riders.server";
import { db } from "~/utils/db.server";
import { useFormatInstant } from "~/components/instant";
import { readFormData } from "~/utils/form-data.server";
import { redirectWithToast } from "~/utils/toast.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Lease riders · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "templates:manage");
  const riders = await listRiders(db(), actor.organisationId, { includeArchived: true });
  return {
    riders: riders.map((r) => ({
      id: r.id,
      name: r.name,
      archived: r.archivedAt !== null,
      versionNumber: r.latest?.versionNumber ?? 0,
      savedBy: r.latest?.createdByLabel ?? "",
      savedAt: r.latest?.createdAt.toISOString() ?? null,
    })),
    standard: STANDARD_RIDERS,
  };
}

/** A new rider: its name and first version's text. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "templates:manage");
  const submission = parseWithZod(await readFormData(request), { schema: RiderVersionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await saveRiderVersion(db(), auditActor(actor), submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithToast(`/settings/lease-riders/${result.riderId}`, { kind: "success", message: `Rider “${submission.value.name}” saved as version 1.` });
}

export default function LeaseRidersPage() {
  const formatInstant = useFormatInstant();
  const { riders, standard } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-rider",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RiderVersionSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <h1>Lease riders</h1>
      <p className="muted">
        Riders the trust attaches to ground leases (e.g. an accessory dwelling unit rider). A lease names its riders; its document prints each rider&apos;s text after
        the exhibits, with its version. Versions are never changed once saved: a signed lease keeps the version it was signed with, a draft prints the latest.
      </p>
      {riders.length ? (
        <TableWrap label="Lease riders">
          <table>
            <thead>
              <tr>
                <th scope="col">Rider</th>
                <th scope="col" className="num">
                  Latest version
                </th>
                <th scope="col">Saved by</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {riders.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/settings/lease-riders/${r.id}`}>{r.name}</Link> {r.archived ? <span className="badge">Archived</span> : null}
                  </td>
                  <td className="num">{r.versionNumber}</td>
                  <td>{r.savedBy || "—"}</td>
                  <td>{r.savedAt ? formatInstant(r.savedAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p className="muted">The library has no riders yet.</p>
      )}
      <p className="muted">
        Lender riders a lease may also name (attached as the lender&apos;s own printed instrument; Exhibit F lists them): {standard.join("; ")}.
      </p>
      <section className="card">
        <h2>Add a rider</h2>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <FormErrorSummary form={form} />
          <Field label="Name" hint="As printed, e.g. “Rider: accessory dwelling unit”." errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
          <TextareaField
            label="Text"
            hint="Paragraphs separated by a blank line. Printed as written: have a lawyer review it."
            errors={fields.text.errors}
            textareaProps={{ ...getTextareaProps(fields.text), rows: 12 }}
          />
          <Field label="Note (optional)" errors={fields.note.errors} inputProps={getInputProps(fields.note, { type: "text" })} />
          <div className="actions">
            <button type="submit" className="primary">
              Save rider
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
