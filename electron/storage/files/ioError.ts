import { CopydeskError } from '../../../shared/result.js';

/** A file-system failure as a message a writer can act on; the text stays in the editor and is retried. */
export function ioError(action: 'saved to' | 'read from', error: unknown, what = 'The story'): CopydeskError {
  if (error instanceof CopydeskError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOSPC' ? 'the disk is full'
    : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'Copydesk may not write to the library folder'
    : code === 'ENOTDIR' || code === 'ENOENT' ? 'the library folder is missing or was moved'
    : fileSystemReason(error);
  return new CopydeskError('io', `${what} could not be ${action} the library: ${reason}.`);
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
