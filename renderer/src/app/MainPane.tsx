import { useShallow } from 'zustand/react/shallow';
import { useOpenStoryStore } from '../editor/index.js';
import { LibraryProblems, LibraryUnavailable, newStory, problemsDismissed, useLibraryStore } from '../library/index.js';
import { Notice } from '../ui/Notice.js';
import { noticeDismissed, useNoticeStore } from '../ui/noticeStore.js';
import { OpenStoryEditor } from './OpenStoryEditor.js';

/** The main column: notices, then the open story, or what to do when there is none. */
export function MainPane() {
  const { phase, problems, problemsShown, hasStories } = useLibraryStore(
    useShallow((state) => ({
      phase: state.phase,
      problems: state.problems,
      problemsShown: state.problems.length > 0 && !state.problemsDismissed,
      hasStories: state.stories.length > 0,
    })),
  );
  const notice = useNoticeStore((state) => state.notice);
  const open = useOpenStoryStore((state) => state.open);
  return (
    <main className="main">
      {(notice || problemsShown) && (
        <div className="notices">
          {problemsShown && <LibraryProblems problems={problems} onDismiss={problemsDismissed} />}
          {notice && <Notice notice={notice} onDismiss={noticeDismissed} />}
        </div>
      )}
      {phase.kind === 'loading' && <p className="placeholder">Opening the library…</p>}
      {phase.kind === 'failed' && <LibraryUnavailable code={phase.code} message={phase.message} />}
      {phase.kind === 'ready' && open && <OpenStoryEditor open={open} />}
      {phase.kind === 'ready' && !open && !hasStories && (
        <section className="empty-state" aria-labelledby="empty-state-title">
          <h2 id="empty-state-title">No stories yet</h2>
          <p>Stories are saved on this computer as you type. Start with a headline; add the rest when it is ready.</p>
          <button type="button" className="button button-primary" onClick={() => void newStory()}>
            New story
          </button>
        </section>
      )}
      {phase.kind === 'ready' && !open && hasStories && (
        <section className="empty-state">
          <h2>No story open</h2>
          <p>Choose a story from the list, or start a new one.</p>
        </section>
      )}
    </main>
  );
}
