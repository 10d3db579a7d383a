import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { funderReportSections } from "~/modules/reports/report-tables";
import { ReportTable } from "~/modules/reports/report-table";
import { funderReportRequest } from "~/web/report-pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Funder report${data ? ` · ${data.title}` : ""} · Commonground` }];

/** One funding source's report: its homes, the households served in them, when the affordability period ends. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { today, report } = await funderReportRequest(request, params.fundingSourceId ?? "");
  return { id: report.source.id, parcelId: report.parcel.id, title: report.source.funder, sections: funderReportSections(report, today) };
}

export default function FunderReportPage() {
  const { id, parcelId, title, sections } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/reports">← Reports</Link>
      </p>
      <h1>Funder report: {title}</h1>
      <p className="report-downloads">
        <Link to={`/parcels/${parcelId}`}>The land</Link> ·{" "}
        <a href={`/reports/funding/${id}/report.csv`} download>
          Download CSV
        </a>{" "}
        ·{" "}
        <a href={`/reports/funding/${id}/report.pdf`} download>
          Download PDF
        </a>
      </p>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`${section.id}-heading`}>
          <h2 id={`${section.id}-heading`}>{section.title}</h2>
          {section.note ? <p className="muted">{section.note}</p> : null}
          {section.id === "source" ? (
            <dl className="details">
              {section.rows.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <ReportTable section={section} empty="None" />
          )}
          {section.summary.length ? <p className="report-summary">{section.summary.join(" · ")}</p> : null}
        </section>
      ))}
    </>
  );
}
