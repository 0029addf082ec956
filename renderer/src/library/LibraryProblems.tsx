import type { LibraryProblem } from '../../../shared/contract.js';

/** Names the story files the library set aside because they could not be read. */
export function LibraryProblems({ problems, onDismiss }: { problems: readonly LibraryProblem[]; onDismiss: () => void }) {
  const count = problems.length;
  return (
    <div className="notice notice-warning" role="alert" data-testid="library-problems">
      <div className="notice-text">
        <p className="notice-title">
          {count === 1
            ? '1 story file could not be read and was set aside.'
            : `${count} story files could not be read and were set aside.`}
        </p>
        <ul className="problem-list">
          {problems.map((problem) => (
            <li key={problem.file}>
              <code>{problem.file}</code> — {problem.message}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="button button-quiet notice-dismiss" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
