import { CopydeskError } from '../../../shared/result.js';

/** A file-system failure as a message a writer can act on; the text stays in the editor and is retried. */
export function ioError(action: 'saved to' | 'read from', error: unknown, what = 'The story'): CopydeskError {
  if (error instanceof CopydeskError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOSPC' ? 'the disk is full'
    : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'Copydesk may not write to the library folder'
    : code === 'ENOTDIR' || code === 'ENOENT' ? 'the library folder is missing or was moved'
    : (error as Error).message;
  return new CopydeskError('io', `${what} could not be ${action} the library: ${reason}.`);
}
