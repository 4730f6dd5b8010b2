/**
 * @module errors
 * Errors that reach a person carry a stable code and a short message in Dutch and in English that says
 * what happened and what to do. Everything else is a bug and is thrown as a plain Error.
 */

export type Message = { nl: string; en: string };

export type AppErrorOptions = {
  /** Transient errors (network, 5xx, 429, quota) are retried; permanent ones stop only that item. */
  retryable?: boolean;
  /** The raw text from Loket or Yuki, kept for the history and the logs (never secrets). */
  detail?: string;
  cause?: unknown;
};

export class AppError extends Error {
  readonly code: string;
  readonly text: Message;
  readonly retryable: boolean;
  readonly detail: string | undefined;

  constructor(code: string, text: Message, options: AppErrorOptions = {}) {
    super(`${code}: ${text.en}`, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.text = text;
    this.retryable = options.retryable ?? false;
    this.detail = options.detail;
  }
}

/**
 * The base of an error whose code and text never vary (`class X extends fixedAppError(…) {}`): one
 * constructor for them all; `defaults` (e.g. retryable) give way to what the thrower passes.
 */
export function fixedAppError(code: string, text: Message, defaults: AppErrorOptions = {}) {
  return class extends AppError {
    constructor(options: AppErrorOptions = {}) {
      super(code, text, { ...defaults, ...options });
    }
  };
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** A command's "there is no such thing" (a portal, a member): answered like any unknown id, 404. */
export class NotFoundError extends AppError {}
