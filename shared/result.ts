/**
 * The closed set of error codes the UI can act on. The last four name why a library cannot be written, so the
 * startup UI can offer the right way out: 'locked' (another process holds the library's lock: open it read-only or
 * choose another), 'read-only' (the disk or folder is read-only), 'permission-denied' (the user may not write
 * there), 'disk-full' (no space left). Any other file-system failure stays 'io'.
 */
export const ERROR_CODES = [
  'not-found', 'invalid-input', 'conflict', 'io', 'corrupt', 'cancelled', 'unsupported', 'internal',
  'locked', 'read-only', 'permission-denied', 'disk-full',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/** What every IPC call returns: Electron passes only `message` of a thrown Error, so errors travel as data. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** An error with a code from ERROR_CODES and a message a newsroom user can read. */
export class CopydeskError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'CopydeskError';
    this.code = code;
  }
}

/** What the user is told about an error that is not a CopydeskError: its own text may hold paths and errno codes. */
export const UNEXPECTED_ERROR_MESSAGE =
  'Copydesk could not finish this because of an unexpected problem. Try again; if it happens again, restart Copydesk.';

/**
 * The error as data for the user: a CopydeskError as it is, anything else as UNEXPECTED_ERROR_MESSAGE (the detail
 * belongs in the log of the side that caught it, never in front of the user).
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof CopydeskError) return { code: error.code, message: error.message };
  return { code: 'internal', message: UNEXPECTED_ERROR_MESSAGE };
}
