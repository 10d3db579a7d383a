/**
 * The demo organisation `npm start` creates on an empty database (scripts/seed/demo.ts). While a person is
 * signed in to it, every page shows a banner saying its records are made up.
 */
export const DEMO_ORGANISATION_NAME = "Riverbend Community Land Trust";

export function isDemoOrganisation(name: string): boolean {
  return name === DEMO_ORGANISATION_NAME;
}
