import { describe, expect, it } from "vitest";
import { frozenRiders, riderNameKey, riderOptions, riderParagraphs, RiderVersionSchema } from "./riders";

describe("rider library rules", () => {
  it("one rider per name, ignoring case and spaces", () => {
    expect(riderNameKey("  Rider:  Accessory   DWELLING unit ")).toBe(riderNameKey("rider: accessory dwelling unit"));
    expect(riderNameKey("Rider: ADU")).not.toBe(riderNameKey("Rider: ADU 2"));
  });
  it("paragraphs are separated by a blank line; lines within one are joined", () => {
    expect(riderParagraphs("First line\ncontinues.\n\n  \nSecond.\r\n\r\nThird.\n")).toEqual(["First line continues.", "Second.", "Third."]);
    expect(riderParagraphs("   ")).toEqual([]);
  });
  it("reads only well-formed frozen versions", () => {
    expect(frozenRiders(null)).toEqual([]);
    expect(frozenRiders([{ riderId: "r1", name: "A", versionNumber: 2 }, { riderId: "r2", name: "B" }, "x"])).toEqual([{ riderId: "r1", name: "A", versionNumber: 2 }]);
  });
  it("offers the library's and the lender riders, and keeps a rider the lease already names", () => {
    const options = riderOptions([{ name: "Rider: ADU", versionNumber: 3 }, { name: "Condominium Rider", versionNumber: null }], ["Old rider"]);
    expect(options).toEqual([
      { name: "Rider: ADU", detail: "(rider library, version 3)" },
      { name: "Condominium Rider", detail: "(lender's rider, attached as printed)" },
      { name: "Old rider", detail: "(no longer in the rider library)" },
    ]);
  });
  it("the form needs a name and a text", () => {
    const result = RiderVersionSchema.safeParse({ name: "A", text: " " });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0])).toEqual(["name", "text"]);
  });
});
