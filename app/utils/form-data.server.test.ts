import { describe, expect, it } from "vitest";
import { readFormData } from "./form-data.server";

const URL_ = "http://localhost/parcels/new";

function post(body: BodyInit | null, contentType?: string): Request {
  const request = new Request(URL_, { method: "POST", body });
  // a string or Uint8Array body gets no header; a string body gets text/plain: set or clear it explicitly
  request.headers.delete("content-type");
  if (contentType !== undefined) request.headers.set("content-type", contentType);
  return request;
}

async function refusal(request: Request): Promise<{ status: number; text: string }> {
  try {
    await readFormData(request);
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, text: await thrown.text() };
    throw thrown;
  }
  throw new Error("the form was accepted");
}

describe("readFormData", () => {
  it("reads a URL-encoded form, with or without a charset parameter", async () => {
    const plain = await readFormData(post("name=Elm+Street+12&size=3", "application/x-www-form-urlencoded"));
    expect([...plain.entries()]).toEqual([["name", "Elm Street 12"], ["size", "3"]]);
    const withCharset = await readFormData(post("name=Jos%C3%A9", "Application/X-WWW-Form-Urlencoded; charset=UTF-8"));
    expect(withCharset.get("name")).toBe("José");
  });

  it("reads a multipart form with a file", async () => {
    const body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"intent\"\r\n\r\npreview\r\n" +
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\nContent-Type: text/csv\r\n\r\nparcel_number\n12-3\r\n" +
      "--XyZ--\r\n";
    const form = await readFormData(post(body, "multipart/form-data; boundary=XyZ"));
    expect(form.get("intent")).toBe("preview");
    expect(await (form.get("file") as File).text()).toBe("parcel_number\n12-3");
  });

  it("answers 415 with a message for a body that is not sent as a form", async () => {
    const message = "A form must be sent as application/x-www-form-urlencoded or multipart/form-data. Nothing was changed.";
    for (const contentType of [undefined, "", "text/plain", "application/json", "application/x-www-form-urlencodedx"]) {
      const answer = await refusal(post(new TextEncoder().encode("name=x"), contentType));
      expect({ contentType, ...answer }).toEqual({ contentType, status: 415, text: message });
    }
  });

  it("answers 400 for a multipart body that cannot be parsed", async () => {
    const message = "The form could not be read (it arrived incomplete or malformed). Nothing was changed: reload the page and send it again.";
    // no boundary parameter
    expect(await refusal(post("--XyZ\r\n", "multipart/form-data"))).toEqual({ status: 400, text: message });
    // cut short: no closing boundary
    expect(await refusal(post("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1", "multipart/form-data; boundary=XyZ"))).toEqual({
      status: 400,
      text: message,
    });
  });
});
