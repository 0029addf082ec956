import { Extension } from '@tiptap/core';
import { NodeSelection, Plugin } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The nearest ancestor of `element` that scrolls vertically (the story pane), or null. */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if (overflowY === 'auto' || overflowY === 'scroll') return parent;
  }
  return null;
}

/** Whether `caret` lies wholly inside the scroller's visible area and the window: then nothing needs scrolling. */
export function caretInView(caret: Box, scroller: Box, window: { innerWidth: number; innerHeight: number }): boolean {
  return (
    caret.top >= Math.max(scroller.top, 0) &&
    caret.bottom <= Math.min(scroller.bottom, window.innerHeight) &&
    caret.left >= Math.max(scroller.left, 0) &&
    caret.right <= Math.min(scroller.right, window.innerWidth)
  );
}

/**
 * After each keystroke ProseMirror scrolls the caret into view by measuring every ancestor of the editor up to the
 * window (a layout box and a computed style each, a dozen in the app against two in a bare page). Here it is asked
 * first whether the caret already shows inside the story pane, the one scroll container between the body and the
 * window: when it does, as it does while a writer types in view, there is nothing to scroll and the walk is skipped.
 * Otherwise ProseMirror scrolls as it always has.
 */
export const CaretScroll = Extension.create({
  name: 'caretScroll',

  addProseMirrorPlugins() {
    let scroller: HTMLElement | null = null;
    const paneOf = (view: EditorView): HTMLElement | null => {
      if (!scroller?.isConnected || !scroller.contains(view.dom)) scroller = scrollingAncestor(view.dom);
      return scroller;
    };
    return [
      new Plugin({
        props: {
          handleScrollToSelection(view) {
            const { selection } = view.state;
            const pane = selection instanceof NodeSelection ? null : paneOf(view);
            if (!pane) return false;
            const box = pane.getBoundingClientRect();
            // The client area: without the pane's scrollbars and borders.
            const top = box.top + pane.clientTop;
            const left = box.left + pane.clientLeft;
            const visible = { top, left, bottom: top + pane.clientHeight, right: left + pane.clientWidth };
            const { defaultView } = view.dom.ownerDocument;
            return defaultView !== null && caretInView(view.coordsAtPos(selection.head, 1), visible, defaultView);
          },
        },
      }),
    ];
  },
});
