import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary } from "~/components/forms";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { LEASE_TEMPLATE_FIELDS } from "~/modules/leases/template";
import {
  articleFromText,
  articleToText,
  getTemplateVersion,
  latestTemplateVersion,
  saveTemplateVersion,
  templateContent,
} from "~/modules/leases/templates.server";
import { StaleRecordError } from "~/utils/concurrency.server";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Edit lease template · Commonground" }];

const SaveSchema = z.object({
  intent: z.enum(["json", "articles"]),
  basedOn: z.coerce.number().int().positive(),
  from: z.coerce.number().int().positive(),
  note: z.string().trim().max(300).optional(),
  content: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "templates:manage");
  const latest = await latestTemplateVersion(db(), actor.organisationId);
  const from = Number(new URL(request.url).searchParams.get("from") ?? latest.versionNumber);
  const source = (Number.isInteger(from) ? await getTemplateVersion(db(), actor.organisationId, from) : null) ?? latest;
  const content = templateContent(source.content);
  const mode = new URL(request.url).searchParams.get("mode") === "json" ? "json" : "articles";
  return {
    mode,
    basedOn: latest.versionNumber,
    from: source.versionNumber,
    json: JSON.stringify(content, null, 2),
    articles: content.articles.map((a) => ({ number: a.number, title: a.title, text: articleToText(a) })),
    fields: Object.entries(LEASE_TEMPLATE_FIELDS).map(([name, help]) => ({ name, help })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "templates:manage");
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: SaveSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { intent, basedOn, from, note } = submission.value;
  let content: unknown;
  if (intent === "json") {
    try {
      content = JSON.parse(submission.value.content ?? "");
    } catch (error) {
      return data(submission.reply({ fieldErrors: { content: [`This is not valid JSON: ${(error as Error).message}`] } }), { status: 400 });
    }
  } else {
    const source = await getTemplateVersion(db(), actor.organisationId, from);
    if (!source) throw new Response("Template version not found", { status: 404 });
    const base = templateContent(source.content);
    const problems: string[] = [];
    const articles = base.articles.map((article) => {
      const title = String(formData.get(`article.${article.number}.title`) ?? article.title);
      const text = String(formData.get(`article.${article.number}.text`) ?? articleToText(article));
      const parsed = articleFromText(article.number, title, text);
      problems.push(...parsed.errors);
      return parsed.article;
    });
    if (problems.length) return data(submission.reply({ formErrors: problems }), { status: 400 });
    content = { ...base, articles };
  }
  try {
    const result = await saveTemplateVersion(db(), auditActor(actor), { content, note: note ?? "", basedOn });
    if (!result.ok) return data(submission.reply({ formErrors: ["The template was not saved. Fix these and save again:", ...result.errors] }), { status: 400 });
    return redirectWithToast(`/settings/lease-templates/${result.versionNumber}`, { kind: "success", message: `Version ${result.versionNumber} of the lease template was saved.` });
  } catch (error) {
    if (error instanceof StaleRecordError) return data(submission.reply({ formErrors: ["Someone saved a newer version meanwhile — reload to edit from the latest."] }), { status: 409 });
    throw error;
  }
}

export default function EditLeaseTemplatePage() {
  const loaderData = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form] = useForm({ id: `template-${loaderData.basedOn}-${loaderData.mode}`, lastResult });
  const common = (
    <>
      <input type="hidden" name="basedOn" value={loaderData.basedOn} />
      <input type="hidden" name="from" value={loaderData.from} />
      <div className="field">
        <label htmlFor="note">What changed (note for the version list)</label>
        <input id="note" name="note" maxLength={300} />
      </div>
    </>
  );
  const contentErrors = form.allErrors.content;
  return (
    <div style={{ maxWidth: "60rem" }}>
      <p>
        <Link to="/settings/lease-templates">← Lease template versions</Link>
      </p>
      <h1>Edit the lease template</h1>
      <p className="muted">
        Starting from version {loaderData.from}. Saving creates version {loaderData.basedOn + 1}; existing versions and signed leases are not changed.{" "}
        {loaderData.mode === "json" ? (
          <Link to={`?from=${loaderData.from}`}>Edit article by article instead</Link>
        ) : (
          <Link to={`?from=${loaderData.from}&mode=json`}>Edit the whole template as JSON (recitals, definitions, exhibits)</Link>
        )}
      </p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        {common}
        {loaderData.mode === "json" ? (
          <div className="field">
            <label htmlFor="content">Template (JSON)</label>
            <textarea id="content" name="content" rows={30} defaultValue={loaderData.json} spellCheck={false} style={{ fontFamily: "monospace" }} aria-invalid={contentErrors ? true : undefined} />
            {contentErrors ? <p className="field-error">{contentErrors.join(" ")}</p> : null}
            <input type="hidden" name="intent" value="json" />
          </div>
        ) : (
          <>
            <p className="field-hint">Each section is a paragraph starting with its number, an optional [Title] and its text; separate sections with a blank line.</p>
            {loaderData.articles.map((a) => (
              <fieldset key={a.number} className="card">
                <legend>Article {a.number}</legend>
                <div className="field">
                  <label htmlFor={`article-${a.number}-title`}>Title of article {a.number}</label>
                  <input id={`article-${a.number}-title`} name={`article.${a.number}.title`} defaultValue={a.title} />
                </div>
                <div className="field">
                  <label htmlFor={`article-${a.number}-text`}>Sections of article {a.number}</label>
                  <textarea id={`article-${a.number}-text`} name={`article.${a.number}.text`} rows={Math.min(20, a.text.split("\n").length + 4)} defaultValue={a.text} />
                </div>
              </fieldset>
            ))}
            <input type="hidden" name="intent" value="articles" />
          </>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            Save as version {loaderData.basedOn + 1}
          </button>
        </div>
      </Form>
      <section className="card">
        <h2>Fields you can use</h2>
        <dl className="details">
          {loaderData.fields.map((f) => (
            <div key={f.name} style={{ display: "contents" }}>
              <dt>
                <code>{`{{${f.name}}}`}</code>
              </dt>
              <dd>{f.help}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
