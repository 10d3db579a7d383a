import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { ROLE_LABELS, type Role } from "~/utils/permissions";

export type ShellUser = {
  name: string;
  email: string;
  role: Role;
  organisationName: string;
  canManage: boolean;
  canReadRecords: boolean;
  organisations: { id: string; name: string }[];
  organisationId: string;
};

const AREAS = [
  { to: "/parcels", label: "Parcels" },
  { to: "/households", label: "Households" },
  { to: "/leases", label: "Leases" },
  { to: "/fees", label: "Lease fees" },
  { to: "/stewardship", label: "Stewardship" },
  { to: "/resale", label: "Resale" },
  { to: "/transfers", label: "Transfers" },
  { to: "/stewardship/requests", label: "Requests" },
  { to: "/reports", label: "Reports" },
  { to: "/governance", label: "Governance" },
];

export function AppShell({
  user,
  toast,
  children,
}: {
  user: ShellUser | null;
  toast: { kind: string; message: string } | null;
  children: ReactNode;
}) {
  // On a phone the menu is a <details>; keyed on the page it is a fresh, closed one after every navigation.
  const location = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span aria-hidden="true" className="brand-mark">
            ◧
          </span>{" "}
          Commonground
        </Link>
        {user ? (
          <>
            <details className="menu" key={`${location.pathname}${location.search}`}>
              <summary>Menu</summary>
              <Nav user={user} />
            </details>
            <div className="nav-desktop">
              <Nav user={user} />
            </div>
            <div className="account">
              <span className="account-name">
                {user.name}
                <small>
                  {user.organisationName} · {ROLE_LABELS[user.role]}
                </small>
              </span>
              {user.organisations.length > 1 ? <OrganisationSwitcher user={user} /> : null}
              <Link to="/account">Your settings</Link>
              <Form method="post" action="/logout">
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </Form>
            </div>
          </>
        ) : null}
      </header>
      {toast ? (
        <div role="status" className={`toast toast-${toast.kind}`}>
          {toast.message}
        </div>
      ) : null}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">Commonground — open-source software for community land trusts</footer>
    </>
  );
}

function Nav({ user }: { user: ShellUser }) {
  return (
    <nav aria-label="Main">
      <ul>
        {user.canReadRecords
          ? AREAS.map((area) => (
              <li key={area.to}>
                <NavLink to={area.to}>{area.label}</NavLink>
              </li>
            ))
          : null}
        {user.role === "homeowner" ? (
          <li>
            <NavLink to="/my-home">My home</NavLink>
          </li>
        ) : null}
        {user.canManage ? (
          <li>
            <NavLink to="/settings">Settings</NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** For people who work for several trusts of a network: choose which one the app shows. */
function OrganisationSwitcher({ user }: { user: ShellUser }) {
  return (
    <Form method="post" action="/account/organisation" className="org-switcher">
      <label htmlFor="organisationId" className="visually-hidden">
        Organisation
      </label>
      <select id="organisationId" name="organisationId" defaultValue={user.organisationId}>
        {user.organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </select>
      <button type="submit" className="link-button">
        Switch
      </button>
    </Form>
  );
}
