import { Link } from "@remix-run/react";
import { DEADLINE_STATE_LABELS } from "./deadlines";
import { formatScreenDate } from "~/utils/calendar-date";

type Item = { caseId: string; home: string; seller: string | null; label: string; due: string; state: "due-soon" | "overdue" | "lapsed" | "upcoming" };

/** Resale and transfer deadlines to act on (the dashboard) or of a home's open case (its page): a short list linking to the case. */
export function ResaleDeadlines({ items, title = "Resale deadlines", showHome = true, level = 2 }: { items: Item[]; title?: string; showHome?: boolean; level?: 2 | 4 }) {
  if (!items.length) return null;
  const Heading = level === 2 ? "h2" : "h4";
  return (
    <section aria-label={title}>
      <Heading>{title}</Heading>
      <ul>
        {items.map((item) => (
          <li key={`${item.caseId}|${item.label}`}>
            {formatScreenDate(item.due)} — <Link to={`/transfers/${item.caseId}`}>{item.label}</Link>
            {showHome ? `, ${item.home}${item.seller ? ` (${item.seller})` : ""}` : ""} <span className={`badge badge-${item.state}`}>{DEADLINE_STATE_LABELS[item.state]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
