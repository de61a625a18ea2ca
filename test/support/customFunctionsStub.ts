/**
 * The `CustomFunctions` global that Excel's runtime provides, for tests: the same stand-in the preview installs
 * (src/sim/customFunctions.ts), following the documented contract — `new CustomFunctions.Error(code, message?)`
 * with `code` one of the ErrorCode strings, and `associate(id, fn)` registering a function by id.
 */
import {
  createCustomFunctions,
  SIM_ERROR_CODES,
  SimCustomFunctionError,
  type SimCustomFunctions,
} from "../../src/sim/customFunctions";

export const ErrorCode = SIM_ERROR_CODES;
export const CustomFunctionsError = SimCustomFunctionError;
export type CustomFunctionsError = SimCustomFunctionError;

export interface CustomFunctionsStub extends SimCustomFunctions {
  registered: Map<string, (...args: unknown[]) => unknown>;
}

export function createCustomFunctionsStub(): CustomFunctionsStub {
  return createCustomFunctions() as CustomFunctionsStub;
}

/** Installs the stub as the global `CustomFunctions` (jest setup file for the unit project). */
export function installCustomFunctionsStub(): CustomFunctionsStub {
  const stub = createCustomFunctionsStub();
  (globalThis as Record<string, unknown>).CustomFunctions = stub;
  return stub;
}
