import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-strength.server";

const context = { email: "maria.lopez@riverbend-clt.example", name: "Maria Lopez", organisationName: "Riverbend Community Land Trust" };

describe("passwordProblem", () => {
  it.each(["password123", "Password1234", "qwertyuiop123", "iloveyou2024", "abc123abc123", "1234567890", "letmein12345", "trustno1trustno1"])(
    "refuses the common or guessable %j",
    (password) => {
      expect(passwordProblem(password, context)).toMatch(/too easy to guess/);
    },
  );

  it("refuses a password containing the email address or its name part", () => {
    expect(passwordProblem("maria.lopez@riverbend-clt.example", context)).toBe("Do not use your email address in your password.");
    expect(passwordProblem("MariaLopez-walks-9-dogs", context)).toBe("Do not use your email address in your password.");
  });

  it("refuses a password containing the trust's name", () => {
    expect(passwordProblem("Riverbend!Gardens#2031", context)).toBe("Do not use the trust's name in your password.");
    expect(passwordProblem("riverbendcommunitylandtrust", context)).toBe("Do not use the trust's name in your password.");
  });

  it("accepts long unrelated words and random strings", () => {
    expect(passwordProblem("violet tractor anchors pepper", context)).toBeNull();
    expect(passwordProblem("k7#Qv9!mZ2@wLp", context)).toBeNull();
    expect(passwordProblem("correct horse battery staple", context)).toBeNull();
  });
});
