import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { myHomeToday } from "~/modules/portal/home-today.server";
import { parsePayoff } from "~/modules/portal/payoff";
import { formatScreenDate, todayIn, withScreenDates } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { centsToString, formatUsd } from "~/utils/money";

export const meta: MetaFunction = () => [{ title: "Your home today · My home · Commonground" }];

/** ?payoff=152300.50 — the mortgage payoff the homeowner enters (nothing is stored). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "own-home:read");
  const today = todayIn(actor.timeZone);
  const typed = new URL(request.url).searchParams.get("payoff");
  const payoff = parsePayoff(typed);
  const result = await myHomeToday(db(), actor, today, payoff.ok ? payoff.cents : null);
  const body = { today, typedPayoff: typed ?? "", payoffError: payoff.ok ? null : payoff.message, result };
  return payoff.ok ? body : data(body, { status: 400 });
}

const usd = (cents: number) => formatUsd(centsToString(cents));

export default function HomeTodayPage() {
  const { today, typedPayoff, payoffError, result } = useLoaderData<typeof loader>();
  if (!result) {
    return (
      <div className="portal stack">
        <p>
          <Link to="/my-home">← My home</Link>
        </p>
        <h1>Your home today</h1>
        <p>There is no home with a signed lease recorded for your household, so there is nothing to estimate yet.</p>
      </div>
    );
  }
  const pdfHref = `/my-home/today.pdf${typedPayoff && !payoffError ? `?payoff=${encodeURIComponent(typedPayoff)}` : ""}`;
  return (
    <div className="portal stack">
      <p>
        <Link to="/my-home">← My home</Link>
      </p>
      <h1>Your home today</h1>
      <p>
        {result.address}, as of {formatScreenDate(today)}. You bought it on {formatScreenDate(result.purchase.date)} for {usd(result.purchase.priceCents)}.
      </p>
      <p role="note" className="card">
        <strong>{result.notes[0]}</strong>
      </p>

      <section aria-labelledby="price-heading" className="card">
        <h2 id="price-heading">The most your home may sell for</h2>
        {result.price.ok ? (
          <>
            <p className="stat">{usd(result.price.maxResalePriceCents)}</p>
            <p className="muted">Under the resale formula of your lease {result.lease.reference}. How it is worked out:</p>
            <dl className="details">
              {result.price.lines.map((line, i) => (
                <div key={i} style={{ display: "contents" }}>
                  <dt>{line.label}</dt>
                  <dd>
                    <strong>{formatUsd(line.amount)}</strong> — {withScreenDates(line.explanation)}
                  </dd>
                </div>
              ))}
            </dl>
            {result.price.warnings.map((w, i) => (
              <p key={i} className="muted">
                Note: {withScreenDates(w)}
              </p>
            ))}
          </>
        ) : (
          <>
            <p>The price cannot be worked out yet, because the trust has not recorded:</p>
            <ul>
              {result.price.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
            <p>Ask the trust&apos;s office; once it is recorded the estimate appears here.</p>
            <p>
              {result.feesOwed.label} today: <strong>{usd(-result.feesOwed.amountCents)}</strong> — {withScreenDates(result.feesOwed.explanation)}
            </p>
          </>
        )}
        {result.recorded.length > 0 ? (
          <>
            <h3>Figures the trust has recorded for your home</h3>
            <ul>
              {result.recorded.map((r, i) => (
                <li key={i}>
                  {r.what}: {withScreenDates(r.source)}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">The trust has recorded no appraisals, index values or approved improvements for your home.</p>
        )}
      </section>

      <section aria-labelledby="proceeds-heading" className="card">
        <h2 id="proceeds-heading">What a sale might leave you</h2>
        <form method="get" className="stack">
          <div className="field">
            <label htmlFor="payoff">Your mortgage payoff today (from your lender)</label>
            <input
              id="payoff"
              name="payoff"
              inputMode="decimal"
              defaultValue={typedPayoff}
              aria-invalid={payoffError ? true : undefined}
              aria-describedby={payoffError ? "payoff-error" : "payoff-hint"}
            />
            {payoffError ? (
              <p id="payoff-error" className="field-error" role="alert">
                {withScreenDates(payoffError)}
              </p>
            ) : (
              <p id="payoff-hint" className="hint">
                In dollars, for example 152300.50. It is used only for this page and is not saved.
              </p>
            )}
          </div>
          <button type="submit" className="primary">
            Work it out
          </button>
        </form>
        {result.proceeds && result.netProceedsCents !== null ? (
          <dl className="details">
            {result.proceeds.map((line) => (
              <div key={line.label} style={{ display: "contents" }}>
                <dt>{line.label}</dt>
                <dd>
                  <strong>{usd(line.amountCents)}</strong> — {withScreenDates(line.explanation)}
                </dd>
              </div>
            ))}
            <dt>
              <strong>Estimated net proceeds</strong>
            </dt>
            <dd>
              <strong>{usd(result.netProceedsCents)}</strong>
            </dd>
          </dl>
        ) : null}
        {result.equity && result.equityBuiltCents !== null ? (
          <>
            <h3>Equity built since you bought</h3>
            <dl className="details">
              {result.equity.map((line) => (
                <div key={line.label} style={{ display: "contents" }}>
                  <dt>{line.label}</dt>
                  <dd>
                    <strong>{usd(line.amountCents)}</strong> — {withScreenDates(line.explanation)}
                  </dd>
                </div>
              ))}
              <dt>
                <strong>Equity built</strong>
              </dt>
              <dd>
                <strong>{usd(result.equityBuiltCents)}</strong>
              </dd>
            </dl>
          </>
        ) : null}
        {result.notes.slice(1).map((note) => (
          <p key={note} className="muted">
            {note}
          </p>
        ))}
      </section>
      <p>
        <a className="button secondary" href={pdfHref}>
          Download this as a PDF
        </a>
      </p>
    </div>
  );
}
