/** Temporary: moved to ~/modules/demo/resale (app/ and scripts/ never import tests/). Removed once nothing imports it from here. */
export * from "~/modules/demo/resale";
