// Functions that run inside the measured pages (page.evaluate): they close over nothing from Node.

export interface KeystrokeProbe {
  /** Latencies so far, ms: keydown's event.timeStamp → the task after the first frame that shows the key's DOM change. */
  results: number[];
  /** Resolves once `count` latencies are recorded (rejects after 5 s: a key that changed nothing). */
  waitFor(count: number): Promise<void>;
  /** Stops listening (installing the probe again, on a new editor, disposes of the previous one). */
  dispose(): void;
}

/**
 * Installs the probe on the editor's DOM. A keydown (capture, before any handler) records its timestamp; the first
 * mutation of the editor after it asks for the next frame (requestAnimationFrame runs before that frame's style,
 * layout and paint); a MessageChannel task posted from there runs once the frame is done, and ends the measurement.
 */
export function installKeystrokeProbe(editorSelector: string): void {
  const editor = document.querySelector(editorSelector);
  if (!editor) throw new Error(`No editor at ${editorSelector}`);
  const pending: number[] = [];
  const framed: number[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const results: number[] = [];
  (window as unknown as { __keystrokeProbe?: KeystrokeProbe }).__keystrokeProbe?.dispose();
  const onKeydown = (event: KeyboardEvent) => pending.push(event.timeStamp);
  window.addEventListener('keydown', onKeydown, true);
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    const start = framed.shift();
    if (start === undefined) return;
    results.push(now - start);
    for (const waiter of waiters.splice(0)) {
      if (results.length >= waiter.count) waiter.resolve();
      else waiters.push(waiter);
    }
  };
  const observer = new MutationObserver(() => {
    if (!pending.length) return;
    const starts = pending.splice(0);
    requestAnimationFrame(() => {
      for (const start of starts) {
        framed.push(start);
        channel.port2.postMessage(null);
      }
    });
  });
  observer.observe(editor, { subtree: true, childList: true, characterData: true });
  const probe: KeystrokeProbe = {
    results,
    waitFor: (count) =>
      new Promise<void>((resolve, reject) => {
        if (results.length >= count) return resolve();
        const timer = setTimeout(() => reject(new Error(`No frame showed keystroke ${count} within 5 s.`)), 5_000);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      }),
    dispose: () => {
      window.removeEventListener('keydown', onKeydown, true);
      observer.disconnect();
    },
  };
  (window as unknown as { __keystrokeProbe: KeystrokeProbe }).__keystrokeProbe = probe;
}

/** Puts the caret at the end of the body's `index`th top-level paragraph (plain text there), scrolled to the middle. */
export async function placeCaretAtParagraphEnd({ editorSelector, index }: { editorSelector: string; index: number }): Promise<void> {
  const editor = document.querySelector<HTMLElement>(editorSelector)!;
  const paragraph = editor.querySelectorAll(':scope > p')[index];
  if (!paragraph) throw new Error(`The body has no paragraph ${index}.`);
  editor.focus();
  paragraph.scrollIntoView({ block: 'center' });
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  while (walker.nextNode()) last = walker.currentNode as Text;
  if (!last) throw new Error(`Paragraph ${index} has no text.`);
  getSelection()!.collapse(last, last.length);
  // ProseMirror reads the DOM selection on selectionchange; two frames later it is in the editor state.
  for (let i = 0; i < 2; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** What to open and time: the app's story from the list (by its headline), or the bare page's document. */
export type OpenAction = { kind: 'app'; headline: string } | { kind: 'bare' };

/**
 * Times opening until the editor shows at least `paragraphs` paragraphs and is editable, to the end of the frame that
 * shows it (the same rAF → MessageChannel ending as the keystroke probe).
 */
export function timeUntilEditable({ editorSelector, paragraphs, action }: { editorSelector: string; paragraphs: number; action: OpenAction }): Promise<number> {
  return new Promise((resolve, reject) => {
    const ready = () => {
      const editor = document.querySelector(`${editorSelector}[contenteditable="true"]`);
      return editor !== null && editor.querySelectorAll(':scope > p').length >= paragraphs;
    };
    const timer = setTimeout(() => (observer.disconnect(), reject(new Error('The story was not editable within 30 s.'))), 30_000);
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(() => ready() && finish());
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['contenteditable'] });
    let start: number;
    if (action.kind === 'app') {
      const button = [...document.querySelectorAll('.story-item-headline')].find((item) => item.textContent === action.headline)?.closest('button');
      if (!button) throw new Error(`No story "${action.headline}" in the list.`);
      start = performance.now();
      button.click();
    } else {
      start = performance.now();
      const w = window as unknown as { __bareOpen(json: unknown): void; __benchDoc: unknown };
      w.__bareOpen(w.__benchDoc);
    }
    if (ready()) finish();
  });
}
