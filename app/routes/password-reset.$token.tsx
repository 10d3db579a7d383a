import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SetPasswordPage } from "~/components/set-password-page";
import { tokenPageAction, tokenPageLoader } from "~/web/token-pages.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Commonground" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return tokenPageLoader(request, "password-reset", params.token ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return tokenPageAction(request, "password-reset", params.token ?? "");
}

export default function PasswordResetPage() {
  return (
    <SetPasswordPage
      loaderData={useLoaderData<typeof loader>()}
      actionData={useActionData<typeof action>()}
      title="Choose a new password"
      intro={() => "Choose a new password. You will be signed in here and signed out on every other device."}
      button="Set my new password"
    />
  );
}
