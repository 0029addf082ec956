import type { ErrorCode } from '../../../shared/result.js';
import { openLibraryFromDialog } from './open/switchLibrary.js';
import { retryLibrary } from './open/loadLibrary.js';

const HEADINGS: Partial<Record<ErrorCode, string>> = {
  locked: 'This library is open somewhere else',
  conflict: 'This library is open somewhere else',
  'read-only': 'This library is on a read-only disk',
  'permission-denied': 'Copydesk may not change this library folder',
  'disk-full': 'The disk holding this library is full',
  io: 'Copydesk cannot use this library folder',
  'not-found': 'The library is not where it was',
  corrupt: 'The library could not be read',
};

/**
 * What the window shows when the library could not be opened (at start or after), instead of stranding the user: the
 * reason the main process gave (no paths), and the ways on: try again, or open or create another library.
 */
export function LibraryUnavailable({ code, message }: { code: ErrorCode; message: string }) {
  return (
    <section className="empty-state library-unavailable" role="alert" aria-labelledby="library-unavailable-title" data-problem={code}>
      <h2 id="library-unavailable-title">{HEADINGS[code] ?? 'The library could not be opened'}</h2>
      <p>{message}</p>
      <p>
        {code === 'locked' || code === 'conflict'
          ? 'Close it there and try again, or open or create another library.'
          : 'Try again once that is fixed, or open or create another library (an empty folder becomes a new library).'}
      </p>
      <div className="library-unavailable-actions">
        <button type="button" className="button button-primary" onClick={() => void retryLibrary()}>
          Try Again
        </button>
        <button type="button" className="button" onClick={() => void openLibraryFromDialog()}>
          Open or Create a Library…
        </button>
      </div>
    </section>
  );
}
