import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticateApiRequest } from "~/modules/api-tokens/api-tokens.server";
import { unauthorizedResponse } from "~/web/responses.server";
import { EXIT_OK, needsStoredIncomeLimitTables, runResaleCommand } from "~/modules/resale/cli";
import { incomeLimitTablesForContract } from "~/modules/resale/income-limit-tables.server";
import { db } from "~/utils/db.server";

/**
 * POST /api/v1/resale-calculations — the resale contract over HTTP (docs/resale-contract.md). Stateless: it
 * calculates and answers, and saves nothing. The body is the request JSON; the answer is byte for byte what
 * `clt resale` prints (the same `runResaleCommand`): 200 with the result, 400 with `invalidRequestBody`. A request
 * that names an AMI level without `incomeLimitTables` gets the organisation's stored tables.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

function methodNotAllowed(): Response {
  return Response.json(
    { error: "method-not-allowed", message: "POST a resale request as JSON to this URL." },
    { status: 405, headers: { Allow: "POST" } },
  );
}

function payloadTooLarge(): Response {
  return Response.json({ error: "payload-too-large", message: `The request body must be at most ${MAX_BODY_BYTES} bytes.` }, { status: 413 });
}

/** The body as text, or null as soon as it exceeds the limit (whatever Content-Length claims). */
async function readLimitedBody(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null; // runResaleCommand reports it
  }
}

export async function loader() {
  return methodNotAllowed();
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  const client = await authenticateApiRequest(db(), request);
  if (!client) return unauthorizedResponse();
  const body = await readLimitedBody(request);
  if (body === null) return payloadTooLarge();
  // a request naming an AMI level without tables gets the organisation's (resolved at its valuation date)
  const tables = needsStoredIncomeLimitTables(safeJson(body)) ? await incomeLimitTablesForContract(db(), client.organisationId) : undefined;
  const output = runResaleCommand(body, tables);
  return output.exitCode === EXIT_OK
    ? new Response(output.stdout, { status: 200, headers: JSON_HEADERS })
    : new Response(output.stderr, { status: 400, headers: JSON_HEADERS });
}
