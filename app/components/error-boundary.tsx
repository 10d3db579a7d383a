import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from "@remix-run/react";

const MESSAGES: Record<number, { title: string; text: string }> = {
  400: { title: "Something in the request was not right", text: "Check what you entered and try again." },
  401: { title: "Please sign in", text: "You need to sign in to see this page." },
  403: {
    title: "You don't have access to this",
    text: "Your role does not allow this action. If you need it, ask an administrator of your organisation.",
  },
  404: { title: "We couldn't find that", text: "The page or record does not exist, or it belongs to another organisation." },
  405: { title: "That action isn't available here", text: "Go back and try again." },
  413: { title: "That was too large to accept", text: "Nothing was changed. Send less at once and try again." },
  415: { title: "That form could not be accepted", text: "Nothing was changed. Reload the page and send the form again." },
};

/** The one error boundary: a human message per status, and a reference to quote for unexpected errors. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const rootData = useRouteLoaderData<{ requestId?: string }>("root");
  if (isRouteErrorResponse(error)) {
    const known = MESSAGES[error.status];
    const detail = typeof error.data === "string" && error.data.length < 300 ? error.data : null;
    return (
      <section className="error-page" aria-labelledby="error-title">
        <p className="error-status">Error {error.status}</p>
        <h1 id="error-title">{known?.title ?? "Something went wrong"}</h1>
        <p>{detail && error.status !== 404 ? detail : known?.text ?? "Please try again."}</p>
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">Unexpected error</p>
      <h1 id="error-title">Sorry — something went wrong on our side</h1>
      <p>The problem has been logged. Nothing you entered was saved unless you saw a confirmation.</p>
      {rootData?.requestId ? (
        <p>
          If you contact support, quote this reference: <code>{rootData.requestId}</code>
        </p>
      ) : null}
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}
