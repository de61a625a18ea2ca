/**
 * Imported first by the preview: the webpack metadata plugin appends `CustomFunctions.associate(...)` to
 * functions.ts, which the simulated host imports to compute SALES cells, so the global must exist before
 * that module runs. In Excel the custom-functions runtime provides it.
 */
import { createCustomFunctions } from "../sim/customFunctions";

const scope = globalThis as unknown as Record<string, unknown>;
if (!scope.CustomFunctions) scope.CustomFunctions = createCustomFunctions();
