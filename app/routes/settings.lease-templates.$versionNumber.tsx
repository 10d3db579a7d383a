import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { requirePermission } from "~/modules/auth/session.server";
import { recitalLetter } from "~/modules/leases/template";
import { getTemplateVersion, templateContent, templateVersionLabel } from "~/modules/leases/templates.server";
import { db } from "~/utils/db.server";
import { formatInstant } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Lease template version · Commonground" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "templates:manage");
  const number = Number(params.versionNumber);
  const version = Number.isInteger(number) ? await getTemplateVersion(db(), actor.organisationId, number) : null;
  if (!version) throw new Response("Template version not found", { status: 404 });
  return { versionNumber: version.versionNumber, label: templateVersionLabel(version), createdAt: version.createdAt.toISOString(), content: templateContent(version.content) };
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
  const { versionNumber, label, createdAt, content } = useLoaderData<typeof loader>();
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
