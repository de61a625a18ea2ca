/**
 * Errors shaped like OfficeExtension.Error: `name` "RichApi.Error", a `code` from Excel.ErrorCodes and a
 * `debugInfo` — so code written against Office.js (`e.code === "ItemNotFound"`) behaves the same here.
 */
export type SimErrorCode =
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "PropertyNotLoaded"
  | "InsertDeleteConflict"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "NotImplemented"
  | "GeneralException";

export class SimError extends Error {
  readonly code: SimErrorCode;
  readonly debugInfo: { code: SimErrorCode; message: string; errorLocation?: string; statement?: string };
  /** Set when the error comes from using a null object (so a child *OrNullObject can be null instead). */
  nullObject = false;
  constructor(code: SimErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }

  /** Office.js reports where in the batch a request failed (e.g. "Worksheet.getRange"). */
  at(location: string): SimError {
    if (!this.debugInfo.errorLocation) this.debugInfo.errorLocation = location;
    return this;
  }
}

export function propertyNotLoaded(objectName: string, property: string): SimError {
  return new SimError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${objectName}.${property}`,
  );
}
