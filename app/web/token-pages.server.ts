/**
 * The loader and action behind the two one-time-link pages (app/routes/invitation.$token.tsx and
 * app/routes/password-reset.$token.tsx): show who the link is for, or why it cannot be used; take the new
 * password, use the link, sign the person in.
 */
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import { checkToken, redeemToken, type TokenPurpose } from "~/modules/auth/account-tokens.server";
import { SetPasswordSchema } from "~/modules/auth/password-policy";
import { passwordProblem } from "~/modules/auth/password-strength.server";
import { createUserSession, getActor } from "~/modules/auth/session.server";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { clientAddress } from "~/utils/request.server";

const NO_STORE = { "Cache-Control": "no-store" };

export async function tokenPageLoader(request: Request, purpose: TokenPurpose, token: string) {
  const check = await checkToken(db(), purpose, token);
  if (!check.ok) return data({ usable: false as const, message: check.message }, { status: check.reason === "unknown" ? 404 : 410, headers: NO_STORE });
  const actor = await getActor(request);
  if (actor && actor.userId !== check.userId) {
    return data({ usable: false as const, message: `This link is for ${check.email}, and you are signed in as ${actor.email}. Sign out first, then open the link again.` }, { status: 403, headers: NO_STORE });
  }
  return data({ usable: true as const, name: check.name, email: check.email, organisationName: check.organisationName }, { headers: NO_STORE });
}

export async function tokenPageAction(request: Request, purpose: TokenPurpose, token: string) {
  const formData = await readFormData(request);
  const check = await checkToken(db(), purpose, token);
  if (!check.ok) return data({ usable: false as const, message: check.message, reply: null }, { status: check.reason === "unknown" ? 404 : 410 });
  const submission = parseWithZod(formData, { schema: SetPasswordSchema });
  const hidden = { hideFields: ["newPassword", "confirmPassword"] };
  const weak = submission.status === "success" || !submission.error?.newPassword
    ? passwordProblem(String(formData.get("newPassword") ?? ""), { email: check.email, name: check.name, organisationName: check.organisationName })
    : null;
  if (submission.status !== "success" || weak) {
    return data({ usable: true as const, message: "", reply: submission.reply({ ...hidden, ...(weak ? { fieldErrors: { newPassword: [weak] } } : {}) }) }, { status: 400 });
  }
  const actor = await getActor(request);
  const result = await redeemToken(db(), purpose, token, submission.value.newPassword, { signedInUserId: actor?.userId ?? null, ipAddress: clientAddress(request) });
  if (!result.ok) {
    return data({ usable: false as const, message: result.message, reply: null }, { status: result.reason === "wrong-user" ? 403 : result.reason === "unknown" ? 404 : 410 });
  }
  const setCookie = await createUserSession(request, result.userId, result.organisationId);
  return redirect("/", { headers: { "Set-Cookie": setCookie } });
}
