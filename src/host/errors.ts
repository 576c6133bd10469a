/**
 * Errors shaped like the Office JavaScript API's `OfficeExtension.Error` (name "RichApi.Error"):
 * `code`, `message`, `debugInfo: { code, message, errorLocation }`, `httpStatusCode`, `traceMessages`, `innerError`.
 *
 * Codes and messages follow "Error handling with the application-specific JavaScript APIs"
 * (learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling) and the
 * `Excel.ErrorCodes` / `OfficeExtension.ErrorCodes` enums of office.js.
 */

export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidRequestContext: "InvalidRequestContext",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  mergedRangeConflict: "MergedRangeConflict",
  nonBlankCellOffSheet: "NonBlankCellOffSheet",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  rangeExceedsLimit: "RangeExceedsLimit",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  unsupportedOperation: "UnsupportedOperation",
  valueNotLoaded: "ValueNotLoaded",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes] | (string & {});

/** The documented default message for each code. */
const defaultMessages: Record<string, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound:
    "The API you are trying to use could not be found. It may be available in a newer version of the Office application.",
  GeneralException: "There was an internal error while processing the request.",
  InsertDeleteConflict: "The insert or delete operation attempted resulted in a conflict.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidReference: "This reference is not valid for the current operation.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  MergedRangeConflict: "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  NonBlankCellOffSheet:
    "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.",
  NotImplemented: "The requested feature isn't implemented.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  UnsupportedOperation: "The operation being attempted is not supported.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
};

const httpStatus: Record<string, number> = {
  AccessDenied: 401,
  ApiNotFound: 404,
  GeneralException: 500,
  InvalidArgument: 400,
  InvalidRequestContext: 400,
  ItemNotFound: 404,
  PropertyNotLoaded: 400,
  ValueNotLoaded: 400,
  RequestPayloadSizeLimitExceeded: 413,
  ResponsePayloadSizeLimitExceeded: 413,
};

export interface HostDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  toString(): string;
}

/** An error as the Office JavaScript API raises it. `instanceof Error` holds; `name` is "RichApi.Error". */
export class HostError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: string;
  readonly debugInfo: HostDebugInfo;
  readonly httpStatusCode: number;
  readonly traceMessages: string[] = [];
  readonly innerError: unknown = null;

  constructor(code: ErrorCode, message?: string, errorLocation?: string) {
    const msg = message ?? defaultMessages[code] ?? code;
    super(msg);
    Object.setPrototypeOf(this, HostError.prototype);
    this.code = code;
    this.httpStatusCode = httpStatus[code] ?? 500;
    const debugInfo: HostDebugInfo = {
      code,
      message: msg,
      toString() {
        return JSON.stringify({ code: this.code, message: this.message, errorLocation: this.errorLocation });
      },
    };
    if (errorLocation) debugInfo.errorLocation = errorLocation;
    this.debugInfo = debugInfo;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** True for errors raised by the host (or shaped like Office's). */
export function isHostError(e: unknown): e is HostError {
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "RichApi.Error" && typeof (e as { code?: unknown }).code === "string";
}

export const propertyNotLoaded = (typeName: string, prop: string): HostError =>
  new HostError(
    ErrorCodes.propertyNotLoaded,
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${typeName}.${prop}`,
  );

export const apiNotFound = (apiFullName: string, set: string, version: string): HostError =>
  new HostError(
    ErrorCodes.apiNotFound,
    `The method or property ${apiFullName} is part of the ${set} ${version} requirement set, which is not available in your version of Excel.`,
    apiFullName,
  );

export const invalidArgument = (location: string, detail?: string): HostError =>
  new HostError(ErrorCodes.invalidArgument, detail ? `${defaultMessages.InvalidArgument} ${detail}` : undefined, location);

export const itemNotFound = (location: string, detail?: string): HostError =>
  new HostError(ErrorCodes.itemNotFound, detail ? `${defaultMessages.ItemNotFound} ${detail}` : undefined, location);

export const accessDenied = (location: string, detail?: string): HostError =>
  new HostError(ErrorCodes.accessDenied, detail ? `${defaultMessages.AccessDenied} ${detail}` : undefined, location);
