import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";

export const meta: MetaFunction = () => [{ title: "Settings · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "settings:manage");
  return null;
}

const SECTIONS = [
  { to: "/settings/users", title: "Users and roles", text: "Add staff, viewers and homeowners; change roles; disable accounts." },
  { to: "/settings/audit", title: "Audit trail", text: "Every change to every record: who, when, and what changed." },
  { to: "/settings/api-tokens", title: "API tokens", text: "Tokens for the HTTP API (resale calculations, lease documents)." },
  { to: "/settings/income-limits", title: "Income limits", text: "HUD income-limit tables by year and area; import and corrections." },
  { to: "/settings/eligibility", title: "Eligibility", text: "The trust's default HUD area and how long an income certification stays valid." },
  { to: "/settings/formula-presets", title: "Resale formula presets", text: "The named resale formulas your leases use." },
  { to: "/settings/lease-templates", title: "Lease templates", text: "Your ground lease, versioned article by article." },
  { to: "/settings/lease-riders", title: "Lease riders", text: "The rider library: texts attached to leases after the body, versioned." },
  { to: "/settings/time-zone", title: "Time zone", text: "The trust's time zone: what \"today\" is for forms, leases and documents." },
  { to: "/settings/lease-terms", title: "Lease terms", text: "Due day, late charge, cure, notice and option periods new leases start with." },
  { to: "/settings/stewardship", title: "Stewardship", text: "Monitoring: the grace period and the yearly certification and tax proof dates. The refinance policy: share of the formula price, cash-out limit, how fresh the resale calculation must be." },
  { to: "/settings/lease-fees", title: "Lease fees", text: "Account codes for the bookkeeping export; index values for index-linked fees." },
  { to: "/settings/email", title: "Email", text: "The from-address of your messages and the outbox: what was sent, what failed." },
  { to: "/settings/reminders", title: "Reminders", text: "Which email reminders go to homeowners and staff: certification and insurance due, statements, case deadlines." },
  { to: "/governance/settings", title: "Governance", text: "Bylaws (notice, quorum, majority, term limits), membership classes, dues and board seats." },
];

export default function SettingsPage() {
  return (
    <>
      <h1>Settings</h1>
      <div className="cards">
        {SECTIONS.map((section) => (
          <Link key={section.to} to={section.to} className="card" style={{ color: "inherit", textDecoration: "none" }}>
            <h2 style={{ marginTop: 0 }}>{section.title}</h2>
            <p className="muted">{section.text}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
