/** The closed set of error codes the UI can act on. */
export const ERROR_CODES = ['not-found', 'invalid-input', 'conflict', 'io', 'corrupt', 'cancelled', 'unsupported', 'internal'] as const;
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

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof CopydeskError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Unexpected error: ${message}` };
}
