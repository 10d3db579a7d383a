/** Temporary: moved to ~/modules/demo/income-limit-tables (app/ and scripts/ never import tests/). Removed once nothing imports it from here. */
export * from "~/modules/demo/income-limit-tables";
