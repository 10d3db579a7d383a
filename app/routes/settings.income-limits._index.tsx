import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { DERIVATION_METHODS, isDerivationMethod } from "~/modules/income-limits/income-limits";
import { defaultAreaCode, listIncomeLimitTables } from "~/modules/income-limits/income-limits.server";
import { db } from "~/utils/db.server";
import { useFormatInstant } from "~/components/instant";
import { formatUsd } from "~/utils/money";
import { can } from "~/utils/permissions";
import { TableWrap } from "~/components/table-wrap";
import { formatScreenDate } from "~/utils/calendar-date";

export const meta: MetaFunction = () => [{ title: "Income limits · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const [tables, defaultArea] = await Promise.all([
    listIncomeLimitTables(db(), actor.organisationId),
    defaultAreaCode(db(), actor.organisationId),
  ]);
  return {
    canManage: can(actor.role, "settings:manage"),
    defaultArea,
    tables: tables.map((t) => ({
      id: t.id,
      fiscalYear: t.fiscalYear,
      areaCode: t.areaCode,
      areaName: t.areaName,
      effectiveFrom: t.effectiveFrom,
      median: formatUsd(String(t.medianFamilyIncome)),
      method: isDerivationMethod(t.derivationMethod) ? DERIVATION_METHODS[t.derivationMethod].label : t.derivationMethod,
      certifications: t._count.certifications,
      updatedAt: t.updatedAt.toISOString(),
    })),
  };
}

export default function IncomeLimitsPage() {
  const formatInstant = useFormatInstant();
  const { tables, canManage, defaultArea } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <h1>Income limits</h1>
        {canManage ? (
          <div className="actions">
            <Link className="button" to="/settings/income-limits/import">
              Import HUD tables
            </Link>
          </div>
        ) : null}
      </div>
      <p className="muted">
        HUD income-limit tables by area and fiscal year, stored as published, each in effect from the date HUD
        announced. A certification uses the newest table of its area (the area of the household&apos;s home, else the
        trust&apos;s default area) in effect on the certification date, and never another area&apos;s table.
      </p>
      {tables.length === 0 ? (
        <p>No tables yet. {canManage ? "Import HUD's Section 8 income-limits file to start." : "Ask an administrator to import them."}</p>
      ) : (
        <TableWrap label="Income limits">
          <table>
            <thead>
              <tr>
                <th scope="col">Fiscal year</th>
                <th scope="col">Area</th>
                <th scope="col">Effective from</th>
                <th scope="col" className="num">
                  Median (4 persons)
                </th>
                <th scope="col">Derived levels (60/100/120 %)</th>
                <th scope="col" className="num">
                  Certifications
                </th>
                <th scope="col">Last changed</th>
              </tr>
            </thead>
            <tbody>
              {tables.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link to={`/settings/income-limits/${t.id}`}>FY{t.fiscalYear}</Link>
                  </td>
                  <td>
                    {t.areaName} <code>{t.areaCode}</code> {t.areaCode === defaultArea ? <span className="badge">Default area</span> : null}
                  </td>
                  <td>{formatScreenDate(t.effectiveFrom)}</td>
                  <td className="num">{t.median}</td>
                  <td>{t.method}</td>
                  <td className="num">{t.certifications}</td>
                  <td>{formatInstant(t.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
