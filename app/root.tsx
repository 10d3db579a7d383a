import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AppShell } from "~/components/app-shell";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getActor } from "~/modules/auth/session.server";
import { isDemoOrganisation } from "~/modules/organisations/demo";
import { useNonce } from "~/utils/nonce";
import { can } from "~/utils/permissions";
import { requestId } from "~/utils/request.server";
import { readToast } from "~/utils/toast.server";
import stylesheet from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const { toast, setCookie } = await readToast(request);
  const user = actor
    ? {
        name: actor.name,
        email: actor.email,
        role: actor.role,
        organisationName: actor.organisationName,
        canManage: can(actor.role, "settings:manage"),
        canReadRecords: can(actor.role, "records:read"),
        organisations: actor.organisations,
        organisationId: actor.organisationId,
        timeZone: actor.timeZone,
      }
    : null;
  return data(
    { user, toast, requestId: requestId(request) },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export type RootLoader = typeof loader;

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const rootData = useRouteLoaderData<RootLoader>("root");
  return (
    <AppShell user={rootData?.user ?? null} toast={rootData?.toast ?? null}>
      {rootData?.user && isDemoOrganisation(rootData.user.organisationName) ? (
        <p className="demo-banner" role="note">
          <strong>Demo organisation.</strong> {rootData.user.organisationName} holds made-up records for trying Commonground. Do not enter real
          people&apos;s information here.
        </p>
      ) : null}
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const rootData = useRouteLoaderData<RootLoader>("root");
  return (
    <AppShell user={rootData?.user ?? null} toast={null}>
      <GeneralErrorBoundary />
    </AppShell>
  );
}
