import { CopydeskError, type ErrorCode } from '../../../shared/result.js';

/**
 * The error code for a file-system failure: 'disk-full', 'read-only' or 'permission-denied' when the user can do
 * something about that cause (free space, remount, change permissions), 'io' for the rest.
 */
export function fileSystemErrorCode(error: unknown): ErrorCode {
  switch ((error as NodeJS.ErrnoException | null)?.code) {
    case 'ENOSPC': case 'EDQUOT': return 'disk-full';
    case 'EROFS': return 'read-only';
    case 'EACCES': case 'EPERM': return 'permission-denied';
    default: return 'io';
  }
}

/**
 * A file-system failure as a CopydeskError: `sentence` (what could not be done, e.g. "The story could not be moved
 * to the Trash") followed by why (fileSystemReason), with the code from fileSystemErrorCode. A CopydeskError is
 * returned as it is.
 */
export function fileSystemError(sentence: string, error: unknown): CopydeskError {
  if (error instanceof CopydeskError) return error;
  return new CopydeskError(fileSystemErrorCode(error), `${sentence}: ${fileSystemReason(error)}.`);
}

/** A file-system failure as a message a writer can act on; the text stays in the editor and is retried. */
export function ioError(action: 'saved to' | 'read from', error: unknown, what = 'The story'): CopydeskError {
  if (error instanceof CopydeskError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full; free some space and try again'
    : code === 'EROFS' ? 'the disk is read-only'
    : code === 'EACCES' || code === 'EPERM' ? 'Copydesk may not write to the library folder'
    : code === 'ENOTDIR' || code === 'ENOENT' ? 'the library folder is missing or was moved'
    : fileSystemReason(error);
  return new CopydeskError(fileSystemErrorCode(error), `${what} could not be ${action} the library: ${reason}.`);
}

/**
 * Why a file operation failed, as a phrase a user can act on: never the error's own text, which holds absolute paths and
 * errno names (the caller logs that where it needs to).
 */
export function fileSystemReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | null)?.code) {
    case 'ENOSPC': case 'EDQUOT': return 'the disk is full';
    case 'EACCES': case 'EPERM': return 'Copydesk is not allowed to change files there';
    case 'EROFS': return 'the disk is read-only';
    case 'ENOENT': case 'ENOTDIR': return 'a folder is missing or was moved';
    case 'EBUSY': case 'ETXTBSY': return 'another program is using the file; close it and try again';
    case 'EMFILE': case 'ENFILE': return 'too many files are open; try again in a moment';
    case 'ENAMETOOLONG': return 'the folder path is too long';
    case 'EIO': return 'the disk reported a read or write failure';
    default: return 'the file system reported a problem; try again';
  }
}
