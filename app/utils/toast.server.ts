import { createCookie, redirect } from "@remix-run/node";
import { cookieSecure, sessionSecret } from "./env.server";

/** A one-time message shown after a redirect ("Parcel 012-345 registered"). */
export type Toast = { kind: "success" | "error" | "info"; message: string };

let toastCookie: ReturnType<typeof createCookie> | undefined;
function cookie() {
  toastCookie ??= createCookie("cg_toast", {
    httpOnly: true,
    sameSite: "lax",
    secure: cookieSecure(),
    path: "/",
    maxAge: 60,
    secrets: [sessionSecret()],
  });
  return toastCookie;
}

export async function redirectWithToast(url: string, toast: Toast, init: ResponseInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await cookie().serialize(toast));
  return redirect(url, { ...init, headers });
}

export async function readToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  const value = (await cookie().parse(request.headers.get("Cookie"))) as Toast | null;
  if (!value || typeof value.message !== "string") return { toast: null, setCookie: null };
  return { toast: value, setCookie: await cookie().serialize("", { maxAge: 0 }) };
}
