import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parcelTokens, prefixUpperBound, queryWords, words } from "./search";

describe("parcel search tokens", () => {
  it("folds names and addresses to plain words", () => {
    expect(words("José Núñez & Łukasz Ščerba")).toEqual(["jose", "nunez", "lukasz", "scerba"]);
    expect(parcelTokens({ parcelNumber: "012-345-678", streetAddress: "22 Elm Street", city: "Winooski" }, ["Okafor household"])).toEqual([
      "012",
      "345",
      "678",
      "012345678",
      "22",
      "elm",
      "street",
      "winooski",
      "okafor",
      "household",
    ]);
  });

  it("keeps only the query words that matter", () => {
    expect(queryWords("Elm elm  el STREET")).toEqual(["elm", "street"]);
    expect(queryWords("  ")).toEqual([]);
    expect(queryWords("W-2")).toEqual(["w2"]);
    expect(queryWords("o'brien 22")).toEqual(["obrien", "22"]);
  });

  it("bounds a prefix range exactly: every extension is inside, the next prefix is outside", () => {
    expect(prefixUpperBound("elm")).toBe("eln");
    expect(prefixUpperBound("az")).toBe("b");
    expect(prefixUpperBound("a9")).toBe("aa");
    expect(prefixUpperBound("zz")).toBe("\u007f");
    const token = fc.stringMatching(/^[0-9a-z]{1,8}$/);
    fc.assert(
      fc.property(token, token, (prefix, other) => {
        const upper = prefixUpperBound(prefix);
        const inRange = other >= prefix && other < upper;
        expect(inRange).toBe(other.startsWith(prefix));
      }),
    );
  });
});
