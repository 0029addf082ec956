import { Extension } from '@tiptap/core';
import { NodeSelection, Plugin } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface CaretScrollOptions {
  /** What covers the top of the pane while the body scrolls under it (the body's sticky toolbar), if anything. */
  coveringTop: (view: EditorView) => Element | null;
}

/** Space kept between the caret and the edge it is scrolled to, as ProseMirror's default scrollMargin. */
const MARGIN = 5;

/** The nearest ancestor of `element` that scrolls vertically (the story pane), or null. */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if (overflowY === 'auto' || overflowY === 'scroll') return parent;
  }
  return null;
}

/**
 * How far the pane must scroll (down positive) for `caret` to show in `visible`, or 0 when it already does; a caret
 * taller than the area is brought to its top.
 */
export function scrollToShow(caret: Box, visible: Box): number {
  if (caret.top < visible.top) return caret.top - visible.top - MARGIN;
  if (caret.bottom > visible.bottom) return Math.min(caret.bottom - visible.bottom + MARGIN, caret.top - visible.top - MARGIN);
  return 0;
}

/**
 * ProseMirror scrolls the selection into view after each keystroke and after commands that ask for it (selecting a
 * comment's text, the next suggestion, an undo far up the story). Its way measures every ancestor of the editor up to
 * the window (a layout box and a computed style each: a dozen in the app, on every key), and it takes the pane's edge
 * for the edge of what shows, so text scrolled up into view landed under the body's sticky toolbar.
 *
 * Here the story pane, the one scroll container between the body and the window, is measured alone, with the toolbar
 * covering its top: while a writer types in view nothing needs scrolling and nothing more is measured; otherwise the
 * pane scrolls just enough to show the caret below the toolbar. A node selection, a caret outside the window after
 * that, or a body without a pane are left to ProseMirror.
 */
export const CaretScroll = Extension.create<CaretScrollOptions>({
  name: 'caretScroll',

  addOptions() {
    return { coveringTop: () => null };
  },

  addProseMirrorPlugins() {
    const { coveringTop } = this.options;
    // Both looked up once, and again only when React has replaced them.
    let scroller: HTMLElement | null = null;
    let cover: Element | null = null;
    const paneOf = (view: EditorView): HTMLElement | null => {
      if (!scroller?.isConnected || !scroller.contains(view.dom)) scroller = scrollingAncestor(view.dom);
      return scroller;
    };
    const coverOf = (view: EditorView): Element | null => {
      if (!cover?.isConnected) cover = coveringTop(view);
      return cover;
    };
    return [
      new Plugin({
        props: {
          handleScrollToSelection(view) {
            const { selection } = view.state;
            const pane = selection instanceof NodeSelection ? null : paneOf(view);
            const window = view.dom.ownerDocument.defaultView;
            if (!pane || !window) return false;
            // The pane's client area (without its borders and scrollbars), within the window, below what covers its top.
            const box = pane.getBoundingClientRect();
            const top = box.top + pane.clientTop;
            const left = box.left + pane.clientLeft;
            // The toolbar covers the body only while it is stuck at the pane's top; elsewhere the body follows it.
            const bar = coverOf(view)?.getBoundingClientRect();
            const covered = bar && bar.top <= top + 1 ? bar.bottom : top;
            const visible = { top: Math.max(covered, 0), bottom: Math.min(top + pane.clientHeight, window.innerHeight), left, right: left + pane.clientWidth };
            const caret = view.coordsAtPos(selection.head, 1);
            if (caret.left < visible.left || caret.right > visible.right) return false;
            const by = scrollToShow(caret, visible);
            if (by === 0) return true;
            pane.scrollTop += by;
            return scrollToShow(view.coordsAtPos(selection.head, 1), visible) === 0;
          },
        },
      }),
    ];
  },
});
