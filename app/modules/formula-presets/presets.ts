/** Temporary: the formula spec moved to ~/modules/resale/formula-spec (formula-presets builds on resale, never the other way round). Removed once nothing imports it from here. */
export * from "~/modules/resale/formula-spec";
