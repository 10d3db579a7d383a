import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { relationshipLabel } from "~/modules/households/schemas";
import { HOMEOWNER_FORMS, type HomeownerFormKind } from "~/modules/portal/forms";
import { myDueItems, myRequestsAndCases } from "~/modules/portal/forms.server";
import { myHomeOverview } from "~/modules/portal/my-home.server";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { centsToString, formatUsd } from "~/utils/money";
import { can } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: "My home · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "own-home:read");
  const today = todayIn(actor.timeZone);
  const [overview, due, requests] = await Promise.all([myHomeOverview(db(), actor, today), myDueItems(db(), actor, today), myRequestsAndCases(db(), actor)]);
  return { name: actor.name, organisationName: actor.organisationName, today, canVote: can(actor.role, "ballot:cast-online"), overview, due: due ?? [], requests };
}

function usd(cents: number): string {
  return formatUsd(centsToString(cents));
}

export default function MyHomePage() {
  const { name, organisationName, today, canVote, overview, due, requests } = useLoaderData<typeof loader>();
  if (!overview) {
    return (
      <>
        <h1>Welcome, {name}</h1>
        <p>Your account is not yet linked to a household at {organisationName}. Please ask the trust&apos;s office to link it.</p>
      </>
    );
  }
  const currentHomes = overview.homes.filter((h) => !h.saleDate);
  return (
    <div className="portal stack">
      <h1>Welcome, {name}</h1>
      <p className="muted">Your home and ground lease with {organisationName}, as of {formatScreenDate(today)}.</p>

      <section aria-labelledby="home-heading" className="card">
        <h2 id="home-heading">Your home</h2>
        {currentHomes.length === 0 ? (
          <p>The trust has not recorded a home purchase for your household yet.</p>
        ) : (
          currentHomes.map((home) => (
            <dl className="details" key={home.ownershipId}>
              <dt>Address</dt>
              <dd>{home.address || home.homeLabel}</dd>
              {home.bedrooms > 0 ? (
                <>
                  <dt>Bedrooms</dt>
                  <dd>{home.bedrooms}</dd>
                </>
              ) : null}
              <dt>You bought it on</dt>
              <dd>{formatScreenDate(home.purchaseDate)}</dd>
              <dt>for</dt>
              <dd>{usd(home.purchasePriceCents)}</dd>
            </dl>
          ))
        )}
      </section>

      {currentHomes.length > 0 && overview.leases.some((l) => ["executed", "recorded", "active"].includes(l.status)) ? (
        <p>
          <Link className="button" to="/my-home/today">
            Your home today: what it could sell for
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="due-heading" className="card">
        <h2 id="due-heading">What is due</h2>
        {due.length === 0 ? (
          <p>Nothing is due from your household in the next three months.</p>
        ) : (
          <ul className="portal-list">
            {due.map((item) => (
              <li key={item.eventId ?? `${item.leaseId}|${item.scheduleKey}`}>
                <p>
                  <strong>{item.title}</strong> — due {formatScreenDate(item.dueDate)}
                  {item.leaseReference ? <span className="muted"> (lease {item.leaseReference})</span> : null}
                </p>
                <p>
                  {/* a delinquent item's status already says "Overdue" */}
                  {item.overdue && item.answerable && item.status !== "delinquent" ? <strong>Overdue. </strong> : null}
                  Where it stands: <strong>{item.statusLabel}</strong>.
                </p>
                <p className="portal-actions">
                  <Link className={item.answerable ? "button" : "button secondary"} to={item.href}>
                    {item.answerable ? "Send it online" : "See it"}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="requests-heading" className="card">
        <h2 id="requests-heading">Your requests to the trust</h2>
        {requests && (requests.requests.length > 0 || requests.cases.length > 0) ? (
          <ul className="portal-list">
            {requests.cases.map((c) => (
              <li key={c.id}>
                <p>
                  <strong>{c.kind}</strong> — {c.status === "open" ? "under way" : c.status === "closed" ? "closed" : "withdrawn"}
                </p>
                {c.steps.map((step) => (
                  <p key={step}>{step}</p>
                ))}
              </li>
            ))}
            {requests.requests.map((r) => (
              <li key={r.id}>
                <p>
                  <strong>{r.kind}</strong>
                  {r.summary ? <> — {r.summary}</> : null}
                </p>
                <p>
                  Sent {formatScreenDate(r.receivedOn)}. <strong>{r.statusLabel}</strong>
                  {r.decidedOn ? <> on {formatScreenDate(r.decidedOn)}</> : null}.{r.decisionNote ? <> {r.decisionNote}</> : null}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>You have not sent the trust any requests.</p>
        )}
        <p>Ask the trust online:</p>
        <p className="portal-actions">
          {(Object.keys(HOMEOWNER_FORMS) as HomeownerFormKind[]).map((kind) => (
            <Link key={kind} className="button secondary" to={`/my-home/forms/${kind}`}>
              {HOMEOWNER_FORMS[kind].title}
            </Link>
          ))}
        </p>
      </section>

      <section aria-labelledby="lease-heading" className="card">
        <h2 id="lease-heading">Your ground lease</h2>
        {overview.leases.length === 0 ? (
          <p>There is no signed lease for your household yet.</p>
        ) : (
          <ul className="portal-list">
            {overview.leases.map((lease) => (
              <li key={lease.id}>
                <p>
                  <strong>Lease {lease.reference}</strong> — {lease.homeAddress}
                </p>
                <p>
                  Status: <strong>{lease.statusLabel}</strong>. From {formatScreenDate(lease.commencementDate)} to {formatScreenDate(lease.expirationDate)}.
                </p>
                {lease.balanceCents !== null ? (
                  <p>
                    Lease fees: {lease.balanceCents > 0 ? <strong>you owe {usd(lease.balanceCents)}</strong> : lease.balanceCents < 0 ? <>you have {usd(-lease.balanceCents)} in credit</> : <>nothing is owed</>}.
                  </p>
                ) : null}
                <p className="portal-actions">
                  <Link className="button" to={`/my-home/leases/${lease.id}`}>
                    Lease terms and fee account
                  </Link>
                  <a className="button secondary" href={`/my-home/leases/${lease.id}/lease.pdf`}>
                    The lease (PDF)
                  </a>
                  <a className="button secondary" href={`/my-home/leases/${lease.id}/memorandum.pdf`}>
                    Memorandum of lease (PDF)
                  </a>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {overview.leases.some((l) => l.balanceCents !== null) ? (
        <section aria-labelledby="statement-heading" className="card">
          <h2 id="statement-heading">Lease-fee statement</h2>
          <p>A statement of every charge and payment for a period, as a PDF.</p>
          <form method="get" action="/my-home/statement.pdf" className="stack">
            <div className="field">
              <label htmlFor="statement-from">From</label>
              <input id="statement-from" name="from" type="date" defaultValue={`${today.slice(0, 4)}-01-01`} required />
            </div>
            <div className="field">
              <label htmlFor="statement-to">To</label>
              <input id="statement-to" name="to" type="date" defaultValue={today} required />
            </div>
            <button type="submit" className="primary">
              Download the statement
            </button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="household-heading" className="card">
        <h2 id="household-heading">Your household</h2>
        <p>
          <strong>{overview.household.name}</strong>
        </p>
        {overview.household.members.length > 0 ? (
          <ul>
            {overview.household.members.map((member, i) => (
              <li key={i}>
                {member.fullName}
                {member.relationship ? <span className="muted"> ({relationshipLabel(member.relationship).toLowerCase()})</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
        <dl className="details">
          <dt>Email</dt>
          <dd>{overview.household.email || "—"}</dd>
          <dt>Phone</dt>
          <dd>{overview.household.phone || "—"}</dd>
          <dt>Mailing address</dt>
          <dd style={{ whiteSpace: "pre-line" }}>{overview.household.mailingAddress || "—"}</dd>
        </dl>
        <p className="muted">Something wrong or changed? Tell the trust&apos;s office and they will update it.</p>
      </section>

      {canVote ? (
        <p>
          <Link className="button secondary" to="/vote">
            Vote in the trust&apos;s elections
          </Link>
        </p>
      ) : null}
    </div>
  );
}
