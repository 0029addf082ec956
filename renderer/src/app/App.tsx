import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LibraryMenuCommand, LibraryProblem, MenuCommand, SaveResult, StoriesChangedOnDisk } from '../../../shared/contract.js';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../../../shared/exportSettings.js';
import { DEFAULT_LIBRARY_SETTINGS, type LibrarySettings } from '../../../shared/librarySettings.js';
import { MENU_SHORTCUTS } from '../../../shared/menuShortcuts.js';
import type { RecentLibrary } from '../../../shared/preferences.js';
import type { Story, StoryEdit, StorySummary } from '../../../shared/story.js';
import { call, errorMessage, onEvent } from '../api.js';
import { ActionIcon } from '../ui/ActionIcon.js';
import { ExportDialog, type BatchExport } from '../publishing/ExportDialog.js';
import { LibraryMenu } from '../library/LibraryMenu.js';
import { LibraryProblems } from '../library/LibraryProblems.js';
import { Notice, type NoticeMessage } from '../ui/Notice.js';
import { PreviewPane } from '../publishing/PreviewPane.js';
import { SaveStatus } from '../editor/autosave/SaveStatus.js';
import { SectionsDialog } from '../library/sections/SectionsDialog.js';
import { SettingsDialog } from '../settings/SettingsDialog.js';
import { StoryEditor, type StoryEditorHandle } from '../editor/StoryEditor.js';
import { StoryList } from '../library/list/StoryList.js';
import { TrashPanel } from '../library/trash/TrashPanel.js';
import { leadImageNeedsAlt } from '../editor/leadImage/leadImageNeedsAlt.js';
import { matchesShortcut, shortcut, type Shortcut } from '../ui/shortcut.js';
import { sortStories } from '../library/list/sortStories.js';
import type { FlushResult, SaveState } from '../editor/autosave/StorySaver.js';
import { summarizeStory } from '../library/summarizeStory.js';

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

/** The menu commands this window acts on: the File menu's and the library and review menus'. */
type Command = MenuCommand | LibraryMenuCommand;

const KEYED_COMMANDS = ['new-story', 'save-now', 'export-html', 'preview', 'settings', 'open-library'] as const satisfies readonly Command[];
const keysOf = (command: (typeof KEYED_COMMANDS)[number]): Shortcut => shortcut(MENU_SHORTCUTS[command] ?? '');
const NEW_STORY = keysOf('new-story');
const EXPORT = keysOf('export-html');
const PREVIEW = keysOf('preview');
const SETTINGS = keysOf('settings');
const OPEN_LIBRARY = keysOf('open-library');

/** The command a keydown asks for: the menu's shortcuts (shared/menuShortcuts.ts), answered here too. */
function commandForKey(event: KeyboardEvent): Command | null {
  return KEYED_COMMANDS.find((command) => matchesShortcut(event, MENU_SHORTCUTS[command] ?? '')) ?? null;
}

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [library, setLibrary] = useState<Library | null>(null);
  const [stories, setStories] = useState<StorySummary[]>([]);
  const [open, setOpen] = useState<OpenStory | null>(null);
  const [saveState, setSaveState] = useState<SaveState | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [problemsDismissed, setProblemsDismissed] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [settings, setSettings] = useState<ExportSettings>(DEFAULT_EXPORT_SETTINGS);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [userName, setUserName] = useState('');
  const [limits, setLimits] = useState<LibrarySettings>(DEFAULT_LIBRARY_SETTINGS);
  const [managedSections, setManagedSections] = useState<string[]>([]);
  const [sectionsOpen, setSectionsOpen] = useState(false);
  const [showTrash, setShowTrash] = useState(false);
  const [trashKey, setTrashKey] = useState(0);
  const [previewOpen, setPreviewOpen] = useState(false);
  const [saveCount, setSaveCount] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [batch, setBatch] = useState<BatchExport | null>(null);
  const batchRunning = useRef(false);
  const [copying, setCopying] = useState(false);
  const editorHandle = useRef<StoryEditorHandle>(null);
  const openRef = useRef<OpenStory | null>(null);
  openRef.current = open;
  const storiesRef = useRef(stories);
  storiesRef.current = stories;
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

  /** Reads the open library: its stories, settings and the newest story, which it opens. */
  const loadLibrary = useCallback(
    async (cancelled: () => boolean) => {
      try {
        const [lib, list, exportSettings, preferences, librarySettings, { sections: librarySections }] = await Promise.all([
          call('getLibrary'),
          call('listStories'),
          call('getExportSettings'),
          call('getPreferences'),
          call('getLibrarySettings'),
          call('getSections'),
        ]);
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
        if (cancelled()) return;
        setLibrary({ name: lib.name, problems: lib.problems });
        setStories(list);
        setSettings(exportSettings);
        setUserName(preferences.userName);
        setLimits(librarySettings);
        setManagedSections(librarySections);
        if (first) show(first);
        if (openError) setNotice({ tone: 'error', text: openError });
        setPhase({ kind: 'ready' });
      } catch (error) {
        if (!cancelled()) setPhase({ kind: 'failed', message: errorMessage(error) });
      }
    },
    [show],
  );

  useEffect(() => {
    let cancelled = false;
    void loadLibrary(() => cancelled);
    return () => {
      cancelled = true;
    };
  }, [loadLibrary]);

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

  // One story keeps exportStoryHtml: it checks the story before asking for a folder and names the files it wrote.
  const exportHtml = useCallback(async () => {
    const current = openRef.current;
    if (!current || exporting || batchRunning.current) return;
    const fields = editorHandle.current?.getFields();
    if (fields && leadImageNeedsAlt(fields)) {
      setNotice({ tone: 'error', text: 'Export failed: add alt text for the lead image first; readers using screen readers rely on it.' });
      return;
    }
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

  /** Exports several stories, each into its own folder, with a progress dialog and a summary at the end. */
  const exportBatch = useCallback(
    async (ids: string[] | 'all') => {
      if (batchRunning.current || exporting) return;
      batchRunning.current = true;
      // The dialog opens with the first progress event, once a folder was chosen; it follows the others itself.
      const offProgress = onEvent('exportProgress', (started) => {
        offProgress();
        setBatch((previous) => previous ?? { phase: 'running', started, cancelling: false });
      });
      try {
        const flushed = await flushOpen();
        if (!flushed.ok) {
          setNotice({ tone: 'error', text: `Not exported: the open story could not be saved: ${flushed.message}` });
          return;
        }
        const summary = await call('exportStories', { ids });
        setBatch(summary ? { phase: 'finished', summary } : null);
      } catch (error) {
        setBatch(null);
        setNotice({ tone: 'error', text: `Export failed: ${errorMessage(error)}` });
      } finally {
        offProgress();
        batchRunning.current = false;
      }
    },
    [exporting, flushOpen],
  );

  const cancelBatch = useCallback(() => {
    setBatch((previous) => (previous?.phase === 'running' ? { ...previous, cancelling: true } : previous));
    call('cancelExport').catch((error: unknown) => setNotice({ tone: 'error', text: `Could not cancel the export: ${errorMessage(error)}` }));
  }, []);

  const copyForCms = useCallback(async () => {
    const current = openRef.current;
    if (!current || copying) return;
    setCopying(true);
    try {
      const flushed = await flushOpen();
      if (!flushed.ok) {
        setNotice({ tone: 'error', text: `Not copied: the story could not be saved: ${flushed.message}` });
        return;
      }
      const { html } = await call('renderStoryFragment', { id: current.story.id });
      await navigator.clipboard.writeText(html);
      setNotice({ tone: 'info', text: 'Copied the CMS fragment', title: 'The story’s <article> element, ready to paste into a CMS.' });
    } catch (error) {
      setNotice({ tone: 'error', text: `Could not copy the CMS fragment: ${errorMessage(error)}` });
    } finally {
      setCopying(false);
    }
  }, [copying, flushOpen]);

  const togglePreview = useCallback(() => {
    if (!openRef.current && !previewOpen) return;
    setPreviewOpen((open) => !open);
    // Opening shows the story as it is now, not as of the last autosave.
    if (!previewOpen) void flushOpen();
  }, [flushOpen, previewOpen]);

  const settingsSaved = useCallback((saved: ExportSettings, savedName: string, savedLimits: LibrarySettings) => {
    setSettings(saved);
    setUserName(savedName);
    setLimits(savedLimits);
    setSettingsOpen(false);
    setNotice({ tone: 'info', text: 'Export settings saved' });
  }, []);

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
    async (fields: StoryEdit) => {
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

  const restoreFromTrash = useCallback(
    async (id: string, headline: string) => {
      try {
        const summary = await call('restoreStory', { id });
        setStories((previous) => [summary, ...previous.filter((entry) => entry.id !== id)]);
        setTrashKey((key) => key + 1);
        setNotice({ tone: 'info', text: `Restored “${headline}”` });
        await openStory(id);
      } catch (error) {
        setNotice({ tone: 'error', text: `Could not restore “${headline}”: ${errorMessage(error)}` });
      }
    },
    [openStory],
  );

  // The story goes to the Trash at once; the notice offers Undo, and the Trash view restores it later.
  const trashOpen = useCallback(async () => {
    const current = openRef.current;
    if (!current) return;
    const ticket = ++navigation.current;
    const flushed = await flushOpen();
    if (!flushed.ok) {
      setNotice({ tone: 'error', text: `Not moved to Trash: the story could not be saved first: ${flushed.message}` });
      return;
    }
    const id = current.story.id;
    const headline = editorHandle.current?.getFields().headline.trim() || current.story.headline.trim() || 'Untitled';
    try {
      await call('trashStory', { id });
    } catch (error) {
      setNotice({ tone: 'error', text: `Could not move the story to Trash: ${errorMessage(error)}` });
      return;
    }
    setStories((previous) => previous.filter((entry) => entry.id !== id));
    setSelected((previous) => (previous.has(id) ? new Set([...previous].filter((entry) => entry !== id)) : previous));
    setTrashKey((key) => key + 1);
    if (ticket === navigation.current && openRef.current?.story.id === id) {
      editorHandle.current?.releaseEditor();
      setOpen(null);
    }
    setNotice({ tone: 'info', text: `Moved “${headline}” to Trash`, action: { label: 'Undo', run: () => void restoreFromTrash(id, headline) } });
  }, [flushOpen, restoreFromTrash]);

  const duplicateOpen = useCallback(async () => {
    const current = openRef.current;
    if (!current) return;
    const ticket = ++navigation.current;
    const flushed = await flushOpen();
    if (!flushed.ok) {
      setNotice({ tone: 'error', text: `Not duplicated: the story could not be saved first: ${flushed.message}` });
      return;
    }
    try {
      const copy = await call('duplicateStory', { id: current.story.id });
      setStories((previous) => [summarizeStory(copy), ...previous]);
      if (ticket !== navigation.current) return;
      setNotice({ tone: 'info', text: `Duplicated as “${copy.headline.trim() || 'Untitled'}”` });
      show(copy);
    } catch (error) {
      setNotice({ tone: 'error', text: `Could not duplicate the story: ${errorMessage(error)}` });
    }
  }, [flushOpen, show]);

  const restored = useCallback(
    (story: Story) => {
      setStories((previous) => previous.map((entry) => (entry.id === story.id ? summarizeStory(story) : entry)));
      setSaveCount((count) => count + 1);
      setNotice({ tone: 'info', text: 'Restored the earlier version; the version before it is kept in History.' });
      show(story);
    },
    [show],
  );

  const onSaved = useCallback((result: SaveResult) => {
    setSaveCount((count) => count + 1);
    setStories((previous) =>
      previous.some((entry) => entry.id === result.summary.id)
        ? previous.map((entry) => (entry.id === result.summary.id ? result.summary : entry))
        : [result.summary, ...previous],
    );
  }, []);

  // Someone else changed the library folder: follow it in the list; the open story reloads only when nothing is unsaved.
  const storiesChangedOnDisk = useCallback(
    async ({ changed, removed, problems: found }: StoriesChangedOnDisk) => {
      const known = new Map(storiesRef.current.map((entry) => [entry.id, entry]));
      const gone = new Set(removed);
      const fresh = new Map(changed.map((entry) => [entry.id, entry]));
      setStories((previous) => [
        ...changed.filter((entry) => !previous.some((old) => old.id === entry.id)),
        ...previous.filter((entry) => !gone.has(entry.id)).map((entry) => fresh.get(entry.id) ?? entry),
      ]);
      if (found.length > 0) {
        setLibrary((previous) => (previous ? { ...previous, problems: [...previous.problems, ...found] } : previous));
        setProblemsDismissed(false);
      }
      const current = openRef.current;
      if (!current) return;
      const id = current.story.id;
      const headline = editorHandle.current?.getFields().headline.trim() || current.story.headline.trim() || 'Untitled';
      if (gone.has(id)) {
        setNotice({ tone: 'error', text: `“${headline}” was moved or deleted outside Copydesk. Its text stays here until you close it.` });
        return;
      }
      const entry = fresh.get(id);
      // Our own save of this version comes back as an entry we already have.
      if (!entry || entry.updatedAt === known.get(id)?.updatedAt) return;
      if (!editorHandle.current?.isClean()) {
        setNotice({ tone: 'error', text: `“${headline}” was changed outside Copydesk while you were editing it. Saving will ask which version to keep.` });
        return;
      }
      try {
        const story = await call('getStory', { id });
        if (openRef.current?.story.id !== id || !editorHandle.current?.isClean()) return;
        show(story);
        setNotice({ tone: 'info', text: `“${story.headline.trim() || 'Untitled'}” was changed outside Copydesk; this is the new version.` });
      } catch (error) {
        setNotice({ tone: 'error', text: `“${headline}” was changed outside Copydesk and could not be read again: ${errorMessage(error)}` });
      }
    },
    [show],
  );

  const libraryChanged = useCallback(
    (name: string) => {
      navigation.current += 1;
      editorHandle.current?.releaseEditor();
      setOpen(null);
      setStories([]);
      setSelected(new Set());
      setShowTrash(false);
      setPreviewOpen(false);
      setProblemsDismissed(false);
      setSectionsOpen(false);
      // The settings being edited were the previous library's.
      setSettingsOpen(false);
      setNotice({ tone: 'info', text: `Opened the library “${name}”` });
      void loadLibrary(() => false);
    },
    [loadLibrary],
  );

  /** Saves the open story, then asks the main process to switch libraries; libraryChanged follows. */
  const switchLibrary = useCallback(
    async (open: () => Promise<unknown>) => {
      const flushed = await flushOpen();
      if (!flushed.ok) {
        setNotice({ tone: 'error', text: `The library stays open because the story could not be saved: ${flushed.message}` });
        return;
      }
      try {
        await open();
      } catch (error) {
        setNotice({ tone: 'error', text: `Could not open the library: ${errorMessage(error)}` });
      }
    },
    [flushOpen],
  );

  const openRecentLibrary = useCallback(
    (recent: RecentLibrary) => void switchLibrary(() => call('openRecentLibrary', { id: recent.id })),
    [switchLibrary],
  );

  const saveSections = useCallback(async (next: string[]) => {
    const { sections: stored } = await call('saveSections', { sections: next });
    setManagedSections(stored);
    return stored;
  }, []);

  // The open story is renamed through its editor, so its next save builds on the renamed revision: no conflict.
  const renameSection = useCallback(async (from: string, to: string) => {
    const run = () => call('renameSection', { from, to });
    const editor = editorHandle.current;
    const result = editor ? await editor.renameSection(from, to, run) : await run();
    setManagedSections(result.sections);
    const renamed = new Map(result.updated.map((entry) => [entry.id, entry.summary]));
    setStories((previous) => previous.map((entry) => renamed.get(entry.id) ?? entry));
    return { sections: result.sections, count: result.updated.length };
  }, []);

  const storyCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const story of stories) counts.set(story.section, (counts.get(story.section) ?? 0) + 1);
    return counts;
  }, [stories]);

  const focusSearch = useCallback(() => {
    setShowTrash(false);
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus());
  }, []);

  const commands = useRef<Partial<Record<Command, () => void>>>(null!);
  commands.current = {
    'new-story': () => void newStory(),
    'export-html': () => void exportHtml(),
    'save-now': () => void saveNow(),
    preview: togglePreview,
    'export-all': () => void exportBatch('all'),
    settings: () => setSettingsOpen(true),
    sections: () => setSectionsOpen(true),
    'open-library': () => void switchLibrary(() => call('openLibraryDialog')),
    'find-in-list': focusSearch,
    'show-trash': () => setShowTrash((shown) => !shown),
    duplicate: () => void duplicateOpen(),
    trash: () => void trashOpen(),
    history: () => editorHandle.current?.openHistory(),
    notes: () => editorHandle.current?.focusNotes(),
    'status-draft': () => editorHandle.current?.setStatus('draft'),
    'status-editing': () => editorHandle.current?.setStatus('editing'),
    'status-ready': () => editorHandle.current?.setStatus('ready'),
    'status-published': () => editorHandle.current?.setStatus('published'),
    'status-spiked': () => editorHandle.current?.setStatus('spiked'),
  };

  const events = useRef({ storiesChangedOnDisk, libraryChanged, switchLibrary });
  events.current = { storiesChangedOnDisk, libraryChanged, switchLibrary };
  useEffect(() => {
    const offDisk = onEvent('storiesChangedOnDisk', (change) => void events.current.storiesChangedOnDisk(change));
    const offLibrary = onEvent('libraryChanged', ({ name }) => events.current.libraryChanged(name));
    const offRecent = onEvent('menuOpenRecentLibrary', ({ id }) => void events.current.switchLibrary(() => call('openRecentLibrary', { id })));
    return () => {
      offDisk();
      offLibrary();
      offRecent();
    };
  }, []);

  useEffect(() => {
    const offMenu = onEvent('menuCommand', (command) => commands.current[command]?.());
    const offLibraryMenu = onEvent('libraryMenuCommand', (command) => commands.current[command]?.());
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
      offLibraryMenu();
      offClose();
    };
  }, [flushOpen]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (document.querySelector('dialog[open]')) return;
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      if (!event.repeat) commands.current[command]?.();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // The library's managed sections in their order, then any other section a story has.
  const sectionKey = useMemo(() => {
    const managed = new Set(managedSections.map((section) => section.toLocaleLowerCase()));
    const others = [...new Set(stories.map((story) => story.section.trim()).filter(Boolean))]
      .filter((section) => !managed.has(section.toLocaleLowerCase()))
      .sort((a, b) => a.localeCompare(b));
    return [...managedSections, ...others].join('\n');
  }, [stories, managedSections]);
  const sections = useMemo(() => (sectionKey ? sectionKey.split('\n') : []), [sectionKey]);

  const problems = library?.problems ?? [];
  const showPreview = previewOpen && phase.kind === 'ready' && open !== null;
  const previewKey = `${saveCount}|${JSON.stringify(settings)}`;

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">Copydesk</span>
          {library && (
            <LibraryMenu
              name={library.name}
              disabled={phase.kind !== 'ready'}
              openShortcut={OPEN_LIBRARY}
              onOpenRecent={openRecentLibrary}
              onOpenLibrary={() => void switchLibrary(() => call('openLibraryDialog'))}
              onManageSections={() => setSectionsOpen(true)}
            />
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
          <span className="topbar-divider" aria-hidden="true" />
          <button
            type="button"
            className={showPreview ? 'button is-active' : 'button'}
            title={`Preview the exported document (${PREVIEW.label})`}
            aria-keyshortcuts={PREVIEW.aria}
            aria-pressed={showPreview}
            disabled={!open}
            onClick={togglePreview}
          >
            <ActionIcon name="preview" />
            Preview
          </button>
          <button
            type="button"
            className="button"
            title="Copy the story’s HTML fragment for a CMS"
            disabled={!open || copying}
            onClick={() => void copyForCms()}
          >
            <ActionIcon name="copy" />
            Copy for CMS
          </button>
          <button
            type="button"
            className="button"
            title={`Export HTML (${EXPORT.label})`}
            aria-keyshortcuts={EXPORT.aria}
            disabled={!open || exporting || batch !== null}
            onClick={() => void exportHtml()}
          >
            <ActionIcon name="export" />
            Export HTML…
          </button>
          <span className="topbar-divider" aria-hidden="true" />
          <button
            type="button"
            className="button button-quiet"
            title={`Export settings (${SETTINGS.label})`}
            aria-keyshortcuts={SETTINGS.aria}
            disabled={phase.kind !== 'ready'}
            onClick={() => setSettingsOpen(true)}
          >
            <ActionIcon name="settings" />
            Settings
          </button>
        </div>
      </header>
      <div className={showPreview ? 'workspace has-preview' : 'workspace'}>
        <aside className="sidebar" aria-label="Library">
          {phase.kind === 'ready' && showTrash && (
            <TrashPanel
              refreshKey={trashKey}
              onRestored={(summary) => setStories((previous) => [summary, ...previous.filter((entry) => entry.id !== summary.id)])}
            />
          )}
          {phase.kind === 'ready' && !showTrash && (
            <StoryList
              stories={stories}
              sections={sections}
              openId={open?.story.id ?? null}
              onOpen={openStory}
              selected={selected}
              onSelectedChange={setSelected}
              onExportSelected={() => void exportBatch([...selected])}
              onExportAll={() => void exportBatch('all')}
              exporting={exporting || batch !== null}
            />
          )}
          {phase.kind === 'ready' && (
            <div className="sidebar-switch">
              <button
                type="button"
                className={showTrash ? 'button button-small is-active' : 'button button-small button-quiet'}
                aria-pressed={showTrash}
                onClick={() => setShowTrash((shown) => !shown)}
              >
                <ActionIcon name="trash" />
                Trash
              </button>
            </div>
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
              libraryName={library?.name ?? ''}
              sections={sections}
              timeZone={settings.timeZone}
              limits={limits}
              onSaved={onSaved}
              onSaveStateChange={setSaveState}
              onReload={reloadOpenStory}
              onKeepMyVersion={keepMyVersion}
              onDuplicate={() => void duplicateOpen()}
              onTrash={() => void trashOpen()}
              onRestored={restored}
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
        {showPreview && <PreviewPane storyId={open.story.id} refreshKey={previewKey} onClose={() => setPreviewOpen(false)} />}
      </div>
      {batch && <ExportDialog batch={batch} onCancel={cancelBatch} onClose={() => setBatch(null)} />}
      {settingsOpen && (
        <SettingsDialog
          settings={settings}
          userName={userName}
          limits={limits}
          sections={managedSections}
          onManageSections={() => setSectionsOpen(true)}
          onSaved={settingsSaved}
          onClose={() => setSettingsOpen(false)}
        />
      )}
      {sectionsOpen && (
        <SectionsDialog
          sections={managedSections}
          storyCounts={storyCounts}
          onSave={saveSections}
          onRename={renameSection}
          onClose={() => setSectionsOpen(false)}
        />
      )}
    </div>
  );
}
