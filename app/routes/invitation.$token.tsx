import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SetPasswordPage } from "~/components/set-password-page";
import { tokenPageAction, tokenPageLoader } from "~/web/token-pages.server";

export const meta: MetaFunction = () => [{ title: "Accept your invitation · Commonground" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return tokenPageLoader(request, "invitation", params.token ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return tokenPageAction(request, "invitation", params.token ?? "");
}

export default function InvitationPage() {
  return (
    <SetPasswordPage
      loaderData={useLoaderData<typeof loader>()}
      actionData={useActionData<typeof action>()}
      title="Accept your invitation"
      intro={(organisation) => `Welcome to ${organisation}. Choose a password to finish setting up your account; you will be signed in straight away.`}
      button="Set my password and sign in"
    />
  );
}
