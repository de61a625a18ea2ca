/**
 * A stand-in for the `CustomFunctions` global that Excel's runtime provides, following the documented
 * contract: `new CustomFunctions.Error(code, message?)` with `code` one of the ErrorCode strings, and
 * `associate(id, fn)` registering a function by id.
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? "");
    this.code = code;
    this.name = "CustomFunctions.Error";
  }
}

export interface CustomFunctionsStub {
  Error: typeof CustomFunctionsError;
  ErrorCode: typeof ErrorCode;
  associate: (idOrMap: string | Record<string, unknown>, fn?: unknown) => void;
  registered: Map<string, (...args: unknown[]) => unknown>;
}

export function createCustomFunctionsStub(): CustomFunctionsStub {
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  return {
    Error: CustomFunctionsError,
    ErrorCode,
    registered,
    associate(idOrMap, fn) {
      if (typeof idOrMap === "string") {
        registered.set(idOrMap.toUpperCase(), fn as (...args: unknown[]) => unknown);
      } else {
        for (const [id, f] of Object.entries(idOrMap)) registered.set(id.toUpperCase(), f as (...args: unknown[]) => unknown);
      }
    },
  };
}

/** Installs the stub as the global `CustomFunctions` (jest setup file for the unit project). */
export function installCustomFunctionsStub(): CustomFunctionsStub {
  const stub = createCustomFunctionsStub();
  (globalThis as Record<string, unknown>).CustomFunctions = stub;
  return stub;
}
