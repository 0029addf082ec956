import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { call, errorMessage } from '../api.js';
import { ActionIcon } from '../ui/ActionIcon.js';

interface PreviewPaneProps {
  storyId: string;
  /** Changes after each save and settings change: the preview then renders again, a moment later. */
  refreshKey: string;
  onClose: () => void;
}

type PreviewState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

const REFRESH_DELAY_MS = 300;

/**
 * The exported document exactly as a reader gets it, rendered by the main process from the saved story, shown in a
 * sandboxed frame: no scripts, and an opaque origin with no access to Copydesk or its API.
 */
export function PreviewPane({ storyId, refreshKey, onClose }: PreviewPaneProps) {
  const [html, setHtml] = useState<string | null>(null);
  const [state, setState] = useState<PreviewState>({ kind: 'loading' });
  const request = useRef(0);
  const shownStory = useRef<string | null>(null);
  // Each document set into the frame loads once; another load means a link inside it was followed, which the CSP
  // refuses (frame-src 'none'), leaving an error page. The frame is then rebuilt with the document.
  const [frameKey, setFrameKey] = useState(0);
  const [linkRefused, setLinkRefused] = useState(false);
  const loads = useRef(0);
  useLayoutEffect(() => {
    loads.current = 0;
  }, [html, frameKey]);

  useEffect(() => {
    const ticket = ++request.current;
    const sameStory = shownStory.current === storyId;
    if (!sameStory) setHtml(null);
    setState({ kind: 'loading' });
    const render = async () => {
      try {
        const preview = await call('renderStoryPreview', { id: storyId });
        if (ticket !== request.current) return;
        shownStory.current = storyId;
        // The same document again keeps the frame as it is, scroll position included.
        setHtml((previous) => (previous === preview.html ? previous : preview.html));
        setState({ kind: 'ready' });
        setLinkRefused(false);
      } catch (error) {
        if (ticket === request.current) setState({ kind: 'failed', message: errorMessage(error) });
      }
    };
    // A new story renders at once; saves while typing are gathered into one render.
    const timer = setTimeout(() => void render(), sameStory ? REFRESH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [storyId, refreshKey]);

  return (
    <section className="preview-pane" aria-label="Preview" data-preview-state={state.kind}>
      <header className="preview-header">
        <h2 className="panel-title">Preview</h2>
        <span className="preview-status" role="status">
          {state.kind === 'loading'
            ? 'Updating…'
            : linkRefused
              ? 'Links open from the exported page, not from the preview'
              : state.kind === 'ready'
                ? 'As exported, from the last save'
                : ''}
        </span>
        <button type="button" className="button button-quiet preview-close" aria-label="Close preview" title="Close preview" onClick={onClose}>
          <ActionIcon name="close" />
        </button>
      </header>
      {state.kind === 'failed' && (
        <p className="notice notice-error preview-error" role="alert">
          The preview could not be made: {state.message}
        </p>
      )}
      <div className="preview-stage">
        {html !== null && (
          // sandbox="" (no allow-scripts, no allow-same-origin): the document cannot run script or reach the app.
          <iframe
            key={frameKey}
            className="preview-frame"
            title="Exported document"
            sandbox=""
            srcDoc={html}
            onLoad={() => {
              loads.current += 1;
              if (loads.current > 1) {
                setLinkRefused(true);
                setFrameKey((key) => key + 1);
              }
            }}
          />
        )}
      </div>
    </section>
  );
}
