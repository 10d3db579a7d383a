import { pageNumber } from "~/utils/page-number";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { auditFilterChoices, listAuditEntries } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { db } from "~/utils/db.server";
import { AuditHistory } from "~/components/audit-history";
import { ApplyButton, FilterSelect } from "~/components/list-filters";
import { humanise } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Audit trail · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "audit:read");
  const url = new URL(request.url);
  const filters = {
    entity: url.searchParams.get("entity") || undefined,
    action: url.searchParams.get("action") || undefined,
    userId: url.searchParams.get("userId") || undefined,
    entityId: url.searchParams.get("entityId") || undefined,
    page: pageNumber(url.searchParams.get("page")),
  };
  const [result, { entities, people }] = await Promise.all([listAuditEntries(db(), actor.organisationId, filters), auditFilterChoices(db(), actor.organisationId)]);
  return {
    timeZone: actor.timeZone,
    filters,
    entities,
    people,
    ...result,
    entries: result.entries.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
  };
}

const ACTIONS = ["create", "update", "delete", "archive", "restore", "transition", "generate", "revoke", "review"];

export default function AuditPage() {
  const { entries, filters, entities, people, page, pageCount, total, timeZone } = useLoaderData<typeof loader>();
  const pageLink = (target: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value && key !== "page") params.set(key, String(value));
    params.set("page", String(target));
    return `?${params}`;
  };
  return (
    <>
      <h1>Audit trail</h1>
      <p className="muted">Append-only: entries are written in the same transaction as the change and are never edited.</p>
      <Form method="get" className="filters">
        <FilterSelect name="entity" label="Record type" defaultValue={filters.entity} anyLabel="All" options={entities.map((entity) => ({ value: entity, label: entity }))} />
        <FilterSelect name="action" label="Action" defaultValue={filters.action} anyLabel="All" options={ACTIONS.map((action) => ({ value: action, label: humanise(action) }))} />
        <FilterSelect name="userId" label="Person" defaultValue={filters.userId} anyLabel="Anyone" options={people.map((person) => ({ value: person.id, label: person.name }))} />
        <ApplyButton />
      </Form>
      <p className="muted">{total.toLocaleString("en-US")} entries</p>
      <AuditHistory entries={entries} timeZone={timeZone} />
      <nav className="pagination" aria-label="Pages">
        {page > 1 ? <Link to={pageLink(page - 1)}>← Newer</Link> : null}
        <span>
          Page {page} of {pageCount}
        </span>
        {page < pageCount ? <Link to={pageLink(page + 1)}>Older →</Link> : null}
      </nav>
    </>
  );
}
