import { CopydeskError, toErrorInfo, type ErrorInfo } from '../../shared/result.js';

/**
 * The error as the renderer may see it (toErrorInfo: no path, no errno text), after logging the detail of an unexpected
 * one on this side, where whoever debugs it can read it.
 */
export function errorInfoLogged(error: unknown, doing: string): ErrorInfo {
  if (!(error instanceof CopydeskError)) console.error(`Copydesk: unexpected error while ${doing}:`, error);
  return toErrorInfo(error);
}
