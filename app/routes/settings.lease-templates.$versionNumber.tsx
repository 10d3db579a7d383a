import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { Field, FormErrorSummary } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { TemplateReviewSchema } from "~/modules/leases/schemas";
import { LEASE_TEMPLATE_FIELDS, missingRequiredFields, recitalLetter } from "~/modules/leases/template";
import { getTemplateVersion, markTemplateVersionReviewed, templateContent, templateReview, templateVersionLabel } from "~/modules/leases/templates.server";
import { db } from "~/utils/db.server";
import { useFormatInstant } from "~/components/instant";
import { readFormData } from "~/utils/form-data.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Lease template version · Commonground" }];

function versionNumberOf(params: LoaderFunctionArgs["params"]): number | null {
  const number = Number(params.versionNumber);
  return Number.isInteger(number) && number > 0 ? number : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "templates:manage");
  const number = versionNumberOf(params);
  const version = number ? await getTemplateVersion(db(), actor.organisationId, number) : null;
  if (!version) throw new Response("Template version not found", { status: 404 });
  const content = templateContent(version.content);
  return {
    versionNumber: version.versionNumber,
    label: templateVersionLabel(version, actor.timeZone),
    createdAt: version.createdAt.toISOString(),
    content,
    review: templateReview(version),
    /** terms this (older) version does not print: documents add them in an "Additional Terms" article */
    unprintedTerms: missingRequiredFields(content).map((field) => ({ field, help: LEASE_TEMPLATE_FIELDS[field] })),
  };
}

/** An admin marks the version "reviewed by counsel" (who and when recorded, audited). */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "templates:manage");
  const number = versionNumberOf(params);
  if (!number) throw new Response("Template version not found", { status: 404 });
  const submission = parseWithZod(await readFormData(request), { schema: TemplateReviewSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await markTemplateVersionReviewed(db(), auditActor(actor), number, { counsel: submission.value.counsel });
  if (!result.ok) {
    if (result.status === 404) throw new Response(result.message, { status: 404 });
    return data(submission.reply(result.field ? { fieldErrors: { [result.field]: [result.message] } } : { formErrors: [result.message] }), { status: result.status });
  }
  return redirectWithToast(`/settings/lease-templates/${number}`, { kind: "success", message: `Version ${number} is marked as reviewed by ${submission.value.counsel}.` });
}

function ReviewPanel({ versionNumber, review }: { versionNumber: number; review: ReturnType<typeof useLoaderData<typeof loader>>["review"] }) {
  const formatInstant = useFormatInstant();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `review-${versionNumber}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TemplateReviewSchema }),
    shouldRevalidate: "onInput",
  });
  if (review) {
    return (
      <section className="card" aria-labelledby="review-heading">
        <h2 id="review-heading">Reviewed by counsel</h2>
        <p data-testid="template-review">
          Reviewed by <strong>{review.counsel}</strong>; marked by {review.markedBy} on {formatInstant(review.on)}. Signed leases produced from this version print no
          &ldquo;not legal advice&rdquo; box (drafts still do).
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="review-heading">
      <h2 id="review-heading">Not reviewed by counsel</h2>
      <p className="muted">
        Every lease produced from this version prints the red &ldquo;not legal advice&rdquo; box until a lawyer licensed in your state has reviewed this text and an
        administrator records it here. Drafts always print it.
      </p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <Field
          label="Reviewed by (lawyer or firm)"
          hint="As it should be read later, e.g. “Jane Roe, Esq., Roe & Partners”."
          errors={fields.counsel.errors}
          inputProps={getInputProps(fields.counsel, { type: "text" })}
        />
        <div className="actions">
          <button type="submit" className="primary">
            Mark version {versionNumber} as reviewed by counsel
          </button>
        </div>
      </Form>
    </section>
  );
}

/** Template text with each {{field}} shown as a highlighted placeholder. */
function WithFields({ text }: { text: string }) {
  const parts: ReactNode[] = text.split(/(\{\{\s*[^{}]*?\s*\}\})/g).map((part, i) =>
    /^\{\{/.test(part) ? (
      <mark key={i} title="Filled from the lease">
        {part.replace(/[{}\s]/g, "")}
      </mark>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
  return <>{parts}</>;
}

export default function TemplateVersionPage() {
  const formatInstant = useFormatInstant();
  const { versionNumber, label, createdAt, content, review, unprintedTerms } = useLoaderData<typeof loader>();
  return (
    <article style={{ maxWidth: "48rem" }}>
      <p>
        <Link to="/settings/lease-templates">← Lease template versions</Link> · <Link to={`/settings/lease-templates/new?from=${versionNumber}`}>Edit from this version</Link>
      </p>
      <h1>
        <WithFields text={content.title} />
      </h1>
      <p className="muted">
        {label} · saved {formatInstant(createdAt)}. Highlighted words are fields filled from each lease.
      </p>
      <ReviewPanel versionNumber={versionNumber} review={review} />
      {unprintedTerms.length ? (
        <div className="card" role="note">
          <p>
            This version was saved before every term of a lease had to be printed. Documents produced from it add an article &ldquo;Additional Terms&rdquo; stating:
          </p>
          <ul>
            {unprintedTerms.map((t) => (
              <li key={t.field}>
                <code>{`{{${t.field}}}`}</code> — {t.help}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="card">
        <WithFields text={content.reviewNotice} />
      </p>
      <p>
        <WithFields text={content.preamble} />
      </p>
      <h2>Recitals</h2>
      {content.recitals.map((r, i) => (
        <p key={i}>
          <strong>{recitalLetter(i)}.</strong> <WithFields text={r} />
        </p>
      ))}
      <h2>Definitions</h2>
      <dl>
        {content.definitions.map((d) => (
          <Fragment key={d.term}>
            <dt>
              <strong>{d.term}</strong>
            </dt>
            <dd>
              <WithFields text={d.meaning} />
            </dd>
          </Fragment>
        ))}
      </dl>
      {content.articles.map((article) => (
        <section key={article.number} id={`article-${article.number}`}>
          <h2>
            Article {article.number}. {article.title}
          </h2>
          {article.sections.map((s) => (
            <p key={s.number}>
              <strong>
                {s.number}
                {s.title ? ` ${s.title}.` : ""}
              </strong>{" "}
              <WithFields text={s.text} />
            </p>
          ))}
        </section>
      ))}
      <p>
        <WithFields text={content.testimonium} />
      </p>
      <h2>Exhibits</h2>
      {content.exhibits.map((e) => (
        <section key={e.letter}>
          <h3>
            Exhibit {e.letter}: {e.title}
          </h3>
          {e.paragraphs.map((p, i) => (
            <p key={i}>
              <WithFields text={p} />
            </p>
          ))}
        </section>
      ))}
    </article>
  );
}
