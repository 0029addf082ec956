import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LibraryProblem, MenuCommand, SaveResult } from '../../shared/contract.js';
import type { Story, StoryFields, StorySummary } from '../../shared/story.js';
import { call, errorMessage, onEvent } from './api.js';
import { LibraryProblems } from './components/LibraryProblems.js';
import { Notice, type NoticeMessage } from './components/Notice.js';
import { SaveStatus } from './components/SaveStatus.js';
import { StoryEditor, type StoryEditorHandle } from './components/StoryEditor.js';
import { StoryList } from './components/StoryList.js';
import { shortcut, hasModifier } from './shortcut.js';
import { sortStories } from './sortStories.js';
import type { FlushResult, SaveState } from './StorySaver.js';
import { summarizeStory } from './summarizeStory.js';

type Phase = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

interface Library {
  name: string;
  problems: LibraryProblem[];
}

/** An open story; `instance` changes when the same story is reloaded, so the editor remounts. */
interface OpenStory {
  story: Story;
  instance: number;
}

const NEW_STORY = shortcut('Mod-n');
const EXPORT = shortcut('Mod-Shift-e');

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [library, setLibrary] = useState<Library | null>(null);
  const [stories, setStories] = useState<StorySummary[]>([]);
  const [open, setOpen] = useState<OpenStory | null>(null);
  const [saveState, setSaveState] = useState<SaveState | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [problemsDismissed, setProblemsDismissed] = useState(false);
  const [exporting, setExporting] = useState(false);
  const editorHandle = useRef<StoryEditorHandle>(null);
  const openRef = useRef<OpenStory | null>(null);
  openRef.current = open;
  const instanceCounter = useRef(0);
  const navigation = useRef(0);
  const creating = useRef(false);
  const focusHeadlineOnMount = useRef(false);

  const show = useCallback((story: Story) => {
    // TipTap's link extension resets shared linkify state when an editor is destroyed, and the next
    // editor registers its protocols as it is created: destroy the old one first, not after.
    editorHandle.current?.releaseEditor();
    instanceCounter.current += 1;
    setOpen({ story, instance: instanceCounter.current });
  }, []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const [lib, list] = await Promise.all([call('getLibrary'), call('listStories')]);
        let first: Story | null = null;
        let openError: string | null = null;
        const newest = sortStories(list)[0];
        if (newest) {
          try {
            first = await call('getStory', { id: newest.id });
          } catch (error) {
            openError = `Could not open “${newest.headline || 'Untitled'}”: ${errorMessage(error)}`;
          }
        }
        if (cancelled) return;
        setLibrary({ name: lib.name, problems: lib.problems });
        setStories(list);
        if (first) show(first);
        if (openError) setNotice({ tone: 'error', text: openError });
        setPhase({ kind: 'ready' });
      } catch (error) {
        if (!cancelled) setPhase({ kind: 'failed', message: errorMessage(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [show]);

  // Effects run children first, so by now the editor (if any) is mounted.
  useEffect(() => {
    if (phase.kind === 'ready') document.body.dataset.ready = 'true';
    if (phase.kind === 'failed') document.body.dataset.ready = 'error';
  }, [phase]);

  useEffect(() => {
    if (!open) {
      setSaveState(null);
      document.title = library ? `${library.name} — Copydesk` : 'Copydesk';
    }
    if (open && focusHeadlineOnMount.current) {
      focusHeadlineOnMount.current = false;
      editorHandle.current?.focusHeadline();
    }
  }, [open, library]);

  const flushOpen = useCallback(
    (): Promise<FlushResult> => editorHandle.current?.flush() ?? Promise.resolve({ ok: true }),
    [],
  );

  const openStory = useCallback(
    async (id: string) => {
      if (openRef.current?.story.id === id) return;
      const ticket = ++navigation.current;
      const flushed = await flushOpen();
      if (!flushed.ok) {
        setNotice({ tone: 'error', text: `The open story stays open because it could not be saved: ${flushed.message}` });
        return;
      }
      try {
        const story = await call('getStory', { id });
        if (ticket !== navigation.current) return;
        const again = await flushOpen();
        if (!again.ok) return;
        setNotice(null);
        show(story);
      } catch (error) {
        if (ticket === navigation.current) setNotice({ tone: 'error', text: `Could not open the story: ${errorMessage(error)}` });
      }
    },
    [flushOpen, show],
  );

  const newStory = useCallback(async () => {
    if (creating.current) return;
    creating.current = true;
    const ticket = ++navigation.current;
    try {
      const flushed = await flushOpen();
      if (!flushed.ok) {
        setNotice({ tone: 'error', text: `No new story yet: the open story could not be saved: ${flushed.message}` });
        return;
      }
      const story = await call('createStory');
      setStories((previous) => [summarizeStory(story), ...previous.filter((entry) => entry.id !== story.id)]);
      if (ticket !== navigation.current) return;
      setNotice(null);
      focusHeadlineOnMount.current = true;
      show(story);
    } catch (error) {
      setNotice({ tone: 'error', text: `Could not create a story: ${errorMessage(error)}` });
    } finally {
      creating.current = false;
    }
  }, [flushOpen, show]);

  const exportHtml = useCallback(async () => {
    const current = openRef.current;
    if (!current || exporting) return;
    setExporting(true);
    try {
      const flushed = await flushOpen();
      if (!flushed.ok) {
        setNotice({ tone: 'error', text: `Not exported: the story could not be saved: ${flushed.message}` });
        return;
      }
      const result = await call('exportStoryHtml', { id: current.story.id });
      if (result) setNotice({ tone: 'info', text: `Exported to ${result.folder}`, title: result.files.join('\n') });
    } catch (error) {
      setNotice({ tone: 'error', text: `Export failed: ${errorMessage(error)}` });
    } finally {
      setExporting(false);
    }
  }, [exporting, flushOpen]);

  const saveNow = useCallback(async () => {
    await flushOpen();
  }, [flushOpen]);

  const reloadOpenStory = useCallback(async () => {
    const current = openRef.current;
    if (!current) return;
    try {
      show(await call('getStory', { id: current.story.id }));
    } catch (error) {
      setNotice({ tone: 'error', text: `Could not reload the story: ${errorMessage(error)}` });
    }
  }, [show]);

  // A conflict never costs the writer their edits: their version becomes a story of its own, beside the other.
  const keepMyVersion = useCallback(
    async (fields: StoryFields) => {
      try {
        const copy = await call('createStory');
        const headline = `${fields.headline.trim() || 'Untitled'} (my version)`.slice(0, 500);
        const saved = await call('saveStory', { id: copy.id, baseRevision: copy.revision, fields: { ...fields, headline } });
        setStories((previous) => [saved.summary, ...previous]);
        show(await call('getStory', { id: copy.id }));
        setNotice({ tone: 'info', text: `Your version was saved as “${headline}”; the other version is unchanged.` });
      } catch (error) {
        setNotice({ tone: 'error', text: `Could not keep your version: ${errorMessage(error)}` });
      }
    },
    [show],
  );

  const onSaved = useCallback((result: SaveResult) => {
    setStories((previous) =>
      previous.some((entry) => entry.id === result.summary.id)
        ? previous.map((entry) => (entry.id === result.summary.id ? result.summary : entry))
        : [result.summary, ...previous],
    );
  }, []);

  const commands = useRef<Record<MenuCommand, () => void>>(null!);
  commands.current = {
    'new-story': () => void newStory(),
    'export-html': () => void exportHtml(),
    'save-now': () => void saveNow(),
  };

  useEffect(() => {
    const offMenu = onEvent('menuCommand', (command) => commands.current[command]?.());
    const offClose = onEvent('flushBeforeClose', () => {
      void (async () => {
        const flushed = await flushOpen();
        if (!flushed.ok) {
          setNotice({ tone: 'error', text: `Copydesk did not close because the story could not be saved: ${flushed.message}` });
          return;
        }
        try {
          await call('confirmClose');
        } catch (error) {
          setNotice({ tone: 'error', text: `Could not close: ${errorMessage(error)}` });
        }
      })();
    });
    return () => {
      offMenu();
      offClose();
    };
  }, [flushOpen]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!hasModifier(event) || event.altKey || document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      let command: MenuCommand | null = null;
      if (!event.shiftKey && (key === 'n' || event.code === 'KeyN')) command = 'new-story';
      else if (!event.shiftKey && (key === 's' || event.code === 'KeyS')) command = 'save-now';
      else if (event.shiftKey && (key === 'e' || event.code === 'KeyE')) command = 'export-html';
      if (!command) return;
      event.preventDefault();
      if (!event.repeat) commands.current[command]();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const sectionKey = useMemo(
    () => [...new Set(stories.map((story) => story.section.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b)).join('\n'),
    [stories],
  );
  const sections = useMemo(() => (sectionKey ? sectionKey.split('\n') : []), [sectionKey]);

  const problems = library?.problems ?? [];

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">Copydesk</span>
          {library && (
            <span className="library-name" title="Library">
              {library.name}
            </span>
          )}
        </div>
        <div className="topbar-actions">
          <SaveStatus state={open ? saveState : null} />
          <button
            type="button"
            className="button button-primary"
            title={`New story (${NEW_STORY.label})`}
            aria-keyshortcuts={NEW_STORY.aria}
            disabled={phase.kind !== 'ready'}
            onClick={() => void newStory()}
          >
            New story
          </button>
          <button
            type="button"
            className="button"
            title={`Export HTML (${EXPORT.label})`}
            aria-keyshortcuts={EXPORT.aria}
            disabled={!open || exporting}
            onClick={() => void exportHtml()}
          >
            Export HTML…
          </button>
        </div>
      </header>
      <div className="workspace">
        <aside className="sidebar" aria-label="Library">
          {phase.kind === 'ready' && (
            <StoryList stories={stories} openId={open?.story.id ?? null} onOpen={openStory} />
          )}
        </aside>
        <main className="main">
          {(notice || (problems.length > 0 && !problemsDismissed)) && (
            <div className="notices">
              {problems.length > 0 && !problemsDismissed && (
                <LibraryProblems problems={problems} onDismiss={() => setProblemsDismissed(true)} />
              )}
              {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
            </div>
          )}
          {phase.kind === 'loading' && <p className="placeholder">Opening the library…</p>}
          {phase.kind === 'failed' && (
            <section className="empty-state" role="alert">
              <h2>The library could not be opened</h2>
              <p>{phase.message}</p>
            </section>
          )}
          {phase.kind === 'ready' && open && (
            <StoryEditor
              key={`${open.story.id}:${open.instance}`}
              ref={editorHandle}
              story={open.story}
              sections={sections}
              onSaved={onSaved}
              onSaveStateChange={setSaveState}
              onReload={reloadOpenStory}
              onKeepMyVersion={keepMyVersion}
            />
          )}
          {phase.kind === 'ready' && !open && stories.length === 0 && (
            <section className="empty-state" aria-labelledby="empty-state-title">
              <h2 id="empty-state-title">No stories yet</h2>
              <p>Stories are saved on this computer as you type. Start with a headline; add the rest when it is ready.</p>
              <button type="button" className="button button-primary" onClick={() => void newStory()}>
                New story
              </button>
            </section>
          )}
          {phase.kind === 'ready' && !open && stories.length > 0 && (
            <section className="empty-state">
              <h2>No story open</h2>
              <p>Choose a story from the list, or start a new one.</p>
            </section>
          )}
        </main>
      </div>
    </div>
  );
}
