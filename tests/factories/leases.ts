/** Temporary: moved to ~/modules/demo/leases (app/ and scripts/ never import tests/). Removed once nothing imports it from here. */
export * from "~/modules/demo/leases";
