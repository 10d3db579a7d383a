/**
 * The text of an import: an uploaded file (field "file") if one was chosen, otherwise the pasted text
 * (field `textField`). Returns null when neither was given or the file is larger than `maxBytes`
 * (a byte-order mark is dropped).
 */
export async function uploadedText(form: FormData, textField: string, maxBytes: number): Promise<string | null> {
  const file = form.get("file");
  if (file && typeof file === "object" && "text" in file && file.size > 0) {
    if (file.size > maxBytes) return null;
    return (await file.text()).replace(/^\uFEFF/, "");
  }
  const text = form.get(textField);
  return typeof text === "string" && text.trim() ? text : null;
}
