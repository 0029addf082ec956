import type { Editor } from '@tiptap/react';
import { BubbleMenu } from '@tiptap/react/menus';
import { PluginKey, type EditorState } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { useEffect, useLayoutEffect, useMemo, useRef, type FocusEvent, type KeyboardEvent } from 'react';
import { suggestionByline, suggestionChange } from './describeSuggestion.js';
import type { PendingSuggestion } from './pendingSuggestions.js';
import { suggestionAtCursor, suggestionRunAtCursor } from './suggestionAtCursor.js';

interface SuggestionPopoverProps {
  editor: Editor;
  /** The suggestion the cursor is in (null outside one). */
  current: PendingSuggestion | null;
}

const popoverKey = new PluginKey('suggestionPopover');

/** A box around the suggestion's text at the cursor, for Floating UI to place the card against (not the caret). */
function suggestionBox(editor: Editor) {
  const run = suggestionRunAtCursor(editor.state);
  if (!run) return null;
  const start = editor.view.domAtPos(run.from);
  const end = editor.view.domAtPos(run.to);
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  if (range.getClientRects().length === 0) return null;
  return { getBoundingClientRect: () => range.getBoundingClientRect(), getClientRects: () => range.getClientRects() };
}

/** Closes the card on the suggestion at the cursor until the cursor leaves it. */
function dismiss(editor: Editor, dismissed: { current: string | null }) {
  dismissed.current = suggestionAtCursor(editor.state);
  editor.view.dispatch(editor.state.tr.setMeta(popoverKey, 'hide'));
}

/**
 * A card next to the suggestion the cursor is in (arrowed or clicked into): what it changes, who suggested it and when,
 * with Accept and Reject. TipTap's BubbleMenu places it; it decides outside React whether to show, so typing renders
 * nothing here. It stays out of the way while the text is being typed, never takes the focus itself (Tab from the body
 * reaches its buttons), and Escape closes it until the cursor moves to another suggestion or the writer clicks.
 */
export function SuggestionPopover({ editor, current }: SuggestionPopoverProps) {
  const elementRef = useRef<HTMLDivElement>(null);
  // The suggestion closed with Escape, as "kind:id": not shown again until the cursor leaves it.
  const dismissed = useRef<string | null>(null);
  const visible = useRef(false);

  // Stable props: BubbleMenu passes new ones to its plugin with a transaction.
  const plugin = useMemo(
    () => ({
      shouldShow: ({ view, state, oldState, element }: { view: EditorView; state: EditorState; oldState?: EditorState; element: HTMLElement }) => {
        const at = suggestionAtCursor(state);
        if (at !== dismissed.current) dismissed.current = null;
        if (!at || at === dismissed.current) return false;
        // Hidden while the text changes under it (typing a suggestion), shown again when the cursor moves.
        if (oldState && !oldState.doc.eq(state.doc)) return false;
        return view.hasFocus() || element.contains(document.activeElement);
      },
      getReferencedVirtualElement: () => suggestionBox(editor),
      options: {
        placement: 'bottom-start' as const,
        offset: 6,
        flip: { padding: 8 },
        // Kept inside the body's text column rather than spilling over the frame's edge.
        shift: { padding: 8, boundary: editor.view.dom },
        inline: true,
        onShow: () => {
          visible.current = true;
        },
        onHide: () => {
          visible.current = false;
        },
      },
    }),
    [editor],
  );

  useEffect(() => {
    // The menu element itself is not a stop in the tab order: Tab from the body goes straight to Accept.
    if (elementRef.current) elementRef.current.tabIndex = -1;
    const dom = editor.view.dom;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || !visible.current) return;
      event.preventDefault();
      event.stopPropagation();
      dismiss(editor, dismissed);
    };
    // A click on a suggestion asks for its card, even one closed with Escape or hidden by typing, and even when the
    // caret was already there (the plugin only looks again when the selection moves).
    const onClick = () => {
      if (visible.current || !suggestionAtCursor(editor.state)) return;
      dismissed.current = null;
      editor.view.dispatch(editor.state.tr.setMeta(popoverKey, 'show'));
    };
    dom.addEventListener('keydown', onKeyDown);
    dom.addEventListener('click', onClick);
    return () => {
      dom.removeEventListener('keydown', onKeyDown);
      dom.removeEventListener('click', onClick);
    };
  }, [editor]);

  // The plugin places the card as the cursor moves, before React has put the new suggestion's words in it: place it
  // again for its new size.
  useLayoutEffect(() => {
    if (visible.current) editor.view.dispatch(editor.state.tr.setMeta(popoverKey, 'updatePosition'));
  }, [editor, current]);

  // BubbleMenu wraps the DOM event in an object whose prototype is the event: its getters work on nativeEvent only.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.nativeEvent.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    // Focus first: hiding removes the focused button from the page, and the focus would fall to the document.
    editor.view.focus();
    dismiss(editor, dismissed);
  }

  // Focus leaving the card for somewhere other than the body closes it (the plugin only watches the body's blur).
  function onBlur(event: FocusEvent<HTMLDivElement>) {
    const next = event.nativeEvent.relatedTarget as Node | null;
    if (next && (elementRef.current?.contains(next) || editor.view.dom.contains(next))) return;
    editor.view.dispatch(editor.state.tr.setMeta(popoverKey, 'hide'));
  }

  function decide(action: 'accept' | 'reject') {
    if (!current) return;
    const chain = editor.chain().focus();
    (action === 'accept' ? chain.acceptSuggestion(current.id) : chain.rejectSuggestion(current.id)).run();
  }

  return (
    <BubbleMenu
      ref={elementRef}
      editor={editor}
      pluginKey={popoverKey}
      updateDelay={0}
      shouldShow={plugin.shouldShow}
      getReferencedVirtualElement={plugin.getReferencedVirtualElement}
      options={plugin.options}
      className={current ? `suggestion-popover is-${current.kind}` : 'suggestion-popover'}
      role="group"
      aria-label="Suggestion"
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    >
      {current && (
        <>
          <p className="suggestion-popover-change">{suggestionChange(current)}</p>
          {suggestionByline(current) && <p className="suggestion-popover-byline">{suggestionByline(current)}</p>}
          <div className="suggestion-popover-actions">
            <button type="button" className="suggestion-popover-accept" aria-label="Accept suggestion" onClick={() => decide('accept')}>
              Accept
            </button>
            <button type="button" className="suggestion-popover-reject" aria-label="Reject suggestion" onClick={() => decide('reject')}>
              Reject
            </button>
          </div>
        </>
      )}
    </BubbleMenu>
  );
}
