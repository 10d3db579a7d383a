/** Temporary: moved to ~/modules/demo/demo-portfolio (app/ and scripts/ never import tests/). Removed once nothing imports it from here. */
export * from "~/modules/demo/demo-portfolio";
