/**
 * The `CustomFunctions` global that Excel's custom-functions runtime provides, as far as the SALES
 * adapters use it: `new CustomFunctions.Error(code, message?)`, the `ErrorCode` strings and `associate`.
 * The preview installs it so the same functions.ts that Excel runs computes the simulated cells.
 */
export const SIM_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class SimCustomFunctionError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? "");
    this.code = code;
    this.name = "CustomFunctions.Error";
  }
}

export interface SimCustomFunctions {
  Error: typeof SimCustomFunctionError;
  ErrorCode: typeof SIM_ERROR_CODES;
  associate(idOrMap: string | Record<string, unknown>, fn?: unknown): void;
  registered: Map<string, unknown>;
}

export function createCustomFunctions(): SimCustomFunctions {
  const registered = new Map<string, unknown>();
  return {
    Error: SimCustomFunctionError,
    ErrorCode: SIM_ERROR_CODES,
    registered,
    associate(idOrMap, fn) {
      if (typeof idOrMap === "string") registered.set(idOrMap.toUpperCase(), fn);
      else for (const [id, f] of Object.entries(idOrMap)) registered.set(id.toUpperCase(), f);
    },
  };
}
