/**
 * US state and territory names for legal text: "VT" or "Vermont" → "Vermont", and the jurisdiction's formal
 * name, "State of Vermont" ("Commonwealth of Massachusetts", "District of Columbia").
 */
import { stateTimeZones } from "~/modules/organisations/time-zone";

const COMMONWEALTHS = new Set(["KY", "MA", "PA", "VA", "PR", "MP"]);
const TERRITORIES = new Set(["GU", "VI", "AS"]);

/** The full name of a state given by code or name (case and spaces ignored), or null when it is not one. */
export function stateFullName(state: string | null | undefined): string | null {
  const key = (state ?? "").trim().toLowerCase();
  if (!key) return null;
  return stateTimeZones().find((s) => s.code.toLowerCase() === key || s.name.toLowerCase() === key)?.name ?? null;
}

/** "State of Vermont", "Commonwealth of Pennsylvania", "District of Columbia", "Territory of Guam"; null when unknown. */
export function stateLegalName(state: string | null | undefined): string | null {
  const name = stateFullName(state);
  if (!name) return null;
  const code = stateTimeZones().find((s) => s.name === name)!.code;
  if (code === "DC") return "the District of Columbia";
  if (COMMONWEALTHS.has(code)) return `Commonwealth of ${name}`;
  if (TERRITORIES.has(code)) return `Territory of ${name === "U.S. Virgin Islands" ? "the U.S. Virgin Islands" : name}`;
  return `State of ${name}`;
}
