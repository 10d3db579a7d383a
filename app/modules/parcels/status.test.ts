import { describe, expect, it } from "vitest";
import { parcelStatusFollowingHomes } from "./status";

const owned = { hasCurrentOwner: true, hasBindingLease: false };
const leasedOnly = { hasCurrentOwner: false, hasBindingLease: true };
const empty = { hasCurrentOwner: false, hasBindingLease: false };

describe("a parcel's status follows its homes", () => {
  it("becomes Leased when a home is bought or its lease is signed, whatever staff had set", () => {
    expect(parcelStatusFollowingHomes("acquired", [owned])).toBe("leased");
    expect(parcelStatusFollowingHomes("in_development", [empty, leasedOnly])).toBe("leased");
    expect(parcelStatusFollowingHomes("vacant", [owned])).toBe("leased");
  });
  it("becomes Vacant when the last owner sells and no lease binds", () => {
    expect(parcelStatusFollowingHomes("leased", [empty, empty])).toBe("vacant");
    expect(parcelStatusFollowingHomes("leased", [])).toBe("vacant");
  });
  it("keeps what staff set while nothing happened to the homes, and never changes Disposed", () => {
    expect(parcelStatusFollowingHomes("acquired", [empty])).toBe("acquired");
    expect(parcelStatusFollowingHomes("in_development", [])).toBe("in_development");
    expect(parcelStatusFollowingHomes("disposed", [owned])).toBe("disposed");
  });
});
