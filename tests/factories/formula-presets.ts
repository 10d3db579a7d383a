/** Temporary: moved to ~/modules/demo/formula-presets (app/ and scripts/ never import tests/). Removed once nothing imports it from here. */
export * from "~/modules/demo/formula-presets";
