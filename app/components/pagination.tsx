import { Link, useLocation } from "@remix-run/react";

/** Previous/next links that keep the current filters in the query string. */
export function Pagination({ page, pageCount, total, noun, exact = true }: { page: number; pageCount: number; total: number; noun: string; exact?: boolean }) {
  const location = useLocation();
  const link = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? <Link to={link(page - 1)}>← Previous</Link> : null}
      <span>
        Page {page} of {exact ? pageCount : `${pageCount}+`} · {total.toLocaleString("en-US")}
        {exact ? "" : "+"} {noun}
      </span>
      {page < pageCount ? <Link to={link(page + 1)}>Next →</Link> : null}
    </nav>
  );
}
