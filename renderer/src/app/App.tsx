import { useEffect } from 'react';
import { useOpenStoryStore } from '../editor/index.js';
import { LibrarySidebar, loadLibrary, useLibraryStore } from '../library/index.js';
import { exportStoriesInBatch, PreviewPane, previewClosed, usePublishingStore } from '../publishing/index.js';
import { useSettingsStore } from '../settings/index.js';
import { Dialogs } from './Dialogs.js';
import { MainPane } from './MainPane.js';
import { TopBar } from './TopBar.js';
import { useStoryListShown } from './storyListShown.js';
import { useWindowEvents } from './useWindowEvents.js';

const exportAll = () => void exportStoriesInBatch('all');
const exportSelected = (ids: string[]) => void exportStoriesInBatch(ids);

/** The preview of the open story, read again after each save and whenever the export settings change. */
function Preview({ storyId }: { storyId: string }) {
  const savedVersion = useOpenStoryStore((state) => state.savedVersion);
  const exportSettings = useSettingsStore((state) => state.exportSettings);
  return <PreviewPane storyId={storyId} refreshKey={`${savedVersion}|${JSON.stringify(exportSettings)}`} onClose={previewClosed} />;
}

/** The window: top bar, library sidebar, the open story, the preview, and the dialogs. It composes; features own state. */
export function App() {
  const phase = useLibraryStore((state) => state.phase.kind);
  const libraryName = useLibraryStore((state) => state.name);
  const openId = useOpenStoryStore((state) => state.open?.story.id ?? null);
  const previewOpen = usePublishingStore((state) => state.previewOpen);
  const exportBusy = usePublishingStore((state) => state.exporting || state.batch !== null);

  useWindowEvents();
  useEffect(() => {
    let cancelled = false;
    void loadLibrary(() => cancelled);
    return () => {
      cancelled = true;
    };
  }, []);

  // Effects run children first, so by now the editor (if any) is mounted.
  useEffect(() => {
    if (phase === 'ready') document.body.dataset.ready = 'true';
    if (phase === 'failed') document.body.dataset.ready = 'error';
  }, [phase]);

  useEffect(() => {
    if (!openId) document.title = libraryName !== null ? `${libraryName} — Copydesk` : 'Copydesk';
  }, [openId, libraryName]);

  const previewShown = previewOpen && phase === 'ready' && openId !== null;
  const listShown = useStoryListShown(previewShown);
  const workspaceClass = ['workspace', previewShown && 'has-preview', !listShown && 'no-list'].filter(Boolean).join(' ');
  return (
    <div className="app">
      <TopBar previewShown={previewShown} listShown={listShown} />
      <div className={workspaceClass}>
        <LibrarySidebar hidden={!listShown} openId={openId} onExportSelected={exportSelected} onExportAll={exportAll} exporting={exportBusy} />
        <MainPane />
        {previewShown && <Preview storyId={openId} />}
      </div>
      <Dialogs />
    </div>
  );
}
