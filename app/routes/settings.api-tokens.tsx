import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrorSummary } from "~/components/forms";
import { createApiToken, listApiTokens, revokeApiToken } from "~/modules/api-tokens/api-tokens.server";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { db } from "~/utils/db.server";
import { useFormatInstant } from "~/components/instant";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "API tokens · Commonground" }];

const CreateTokenSchema = z.object({
  intent: z.literal("create"),
  name: z.string({ required_error: "Name the token after what will use it" }).trim().min(1).max(80, "Use at most 80 characters"),
});
const RevokeTokenSchema = z.object({ intent: z.literal("revoke"), tokenId: z.string().min(1) });
const TokenActionSchema = z.discriminatedUnion("intent", [CreateTokenSchema, RevokeTokenSchema]);

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "api-tokens:manage");
  const tokens = await listApiTokens(db(), actor.organisationId);
  return {
    tokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      createdAt: t.createdAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      revoked: Boolean(t.revokedAt),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "api-tokens:manage");
  const submission = parseWithZod(await readFormData(request), { schema: TokenActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), secret: null }, { status: 400 });
  if (submission.value.intent === "revoke") {
    const revoked = await revokeApiToken(db(), auditActor(actor), submission.value.tokenId);
    if (!revoked) throw new Response("Token not found", { status: 404 });
    return redirectWithToast("/settings/api-tokens", { kind: "success", message: "The token was revoked; requests using it are now refused." });
  }
  const token = await createApiToken(db(), auditActor(actor), actor.userId, submission.value.name);
  return data({ result: submission.reply({ resetForm: true }), secret: token.secret });
}

export default function ApiTokensPage() {
  const formatInstant = useFormatInstant();
  const { tokens } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "create-token",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateTokenSchema }),
  });
  return (
    <>
      <h1>API tokens</h1>
      <p>
        A token lets another program use the HTTP API for this organisation (see <code>docs/resale-contract.md</code>). Treat it
        like a password.
      </p>
      {actionData?.secret ? (
        <div className="card" role="status">
          <p>
            <strong>Copy this token now — it will not be shown again:</strong>
          </p>
          <p>
            <code data-testid="new-token">{actionData.secret}</code>
          </p>
        </div>
      ) : null}
      <Form method="post" className="card stack" style={{ maxWidth: "30rem" }} {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <input type="hidden" name="intent" value="create" />
        <Field label="Token name" hint="e.g. “Board spreadsheet” or “Lender portal”" errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
        <button type="submit" className="primary">
          Create token
        </button>
      </Form>
      <TableWrap label="API tokens">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{formatInstant(token.createdAt)}</td>
                <td>{token.lastUsedAt ? formatInstant(token.lastUsedAt) : "Never"}</td>
                <td>
                  {token.revoked ? (
                    <span className="badge badge-danger">Revoked</span>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="tokenId" value={token.id} />
                      <button type="submit" className="danger">
                        Revoke
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
