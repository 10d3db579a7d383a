import type { ReactNode } from "react";

/**
 * One of each everyday control, the same on every page (issue 15: "one of each, everywhere").
 * Plain HTML first: each works without JavaScript.
 */

/**
 * A panel that opens on demand (a <details>). When `alwaysOpen` the content is shown as a plain card with a
 * heading instead: an already-open <details> would close on its first click, which reads as "the button did
 * nothing" (e.g. "Add a member" on a household with no members yet).
 */
export function Disclosure({
  title,
  open,
  alwaysOpen,
  children,
}: {
  title: string;
  open?: boolean;
  alwaysOpen?: boolean;
  children: ReactNode;
}) {
  if (alwaysOpen) {
    return (
      <section className="card disclosure" aria-label={title}>
        <h3 className="disclosure-title">{title}</h3>
        {children}
      </section>
    );
  }
  return (
    <details className="card disclosure" open={open}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

/**
 * The one "Remove" control: a small outlined red button (a form post, never a link), with the accessible name
 * saying what is removed.
 */
export function RemoveButton({ what, label = "Remove", name, value }: { what: string; label?: string; name?: string; value?: string }) {
  return (
    <button type="submit" className="danger small" aria-label={`${label} ${what}`} name={name} value={value}>
      {label}
    </button>
  );
}
