import { brandErrorClass, isBrandedInstance } from "./error-brand";

/** What went wrong, independent of where: decides the HTTP status. */
export type ErrorType = "bad_request" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
/** Where it went wrong: the API surface or subsystem. */
export type ErrorSurface = "api" | "recommend" | "feedback" | "chat" | "narration" | "catalog" | "store" | "session";
export type ErrorCode = `${ErrorType}:${ErrorSurface}`;

const STATUS: Record<ErrorType, number> = {
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/**
 * The one error class of the app. `message` is safe to show to a client; anything internal
 * goes in `cause` and never reaches a response.
 */
export class ReelcastError extends Error {
  /** Answers for a ReelcastError from any bundle in the process (lib/errors/error-brand.ts). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return isBrandedInstance(this, value);
  }

  readonly type: ErrorType;
  readonly surface: ErrorSurface;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "ReelcastError";
    const [type, surface] = code.split(":") as [ErrorType, ErrorSurface];
    this.type = type;
    this.surface = surface;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  readonly details: unknown;
  /** Response headers the status needs: Retry-After for 429 and 503, Allow for 405. */
  readonly headers: Record<string, string>;

  get status(): number {
    return STATUS[this.type];
  }

  toBody(): { error: { code: ErrorCode; message: string; details?: unknown } } {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }

  toResponse(): Response {
    return Response.json(this.toBody(), { status: this.status, headers: this.headers });
  }
}

brandErrorClass(ReelcastError, "ReelcastError");

/** Any thrown value as the error a client sees: ReelcastErrors as themselves, everything else a bare 500. */
export function toReelcastError(error: unknown, surface: ErrorSurface): ReelcastError {
  if (error instanceof ReelcastError) return error;
  return new ReelcastError(`internal:${surface}`, "Something went wrong on our side. Please try again.");
}

/** Any thrown value as a response (toReelcastError). */
export function errorResponse(error: unknown, surface: ErrorSurface): Response {
  return toReelcastError(error, surface).toResponse();
}
