import { isActive } from '@tiptap/core';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import type { EditorState } from '@tiptap/pm/state';

/** What the formatting toolbar shows pressed or enabled. */
export interface ToolbarState {
  paragraph: boolean;
  subhead: boolean;
  minorSubhead: boolean;
  bold: boolean;
  italic: boolean;
  link: boolean;
  quote: boolean;
  bulletList: boolean;
  orderedList: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * The toolbar's state, as TipTap's `isActive` says it, worked out in one pass for a caret (every keystroke): the
 * caret's ancestors for blocks and the marks at it for formatting. Nine `isActive` calls each walked the document
 * between the selection's ends, built arrays of ranges and filtered them, on every key. A range selection, which
 * typing does not make, still asks `isActive` (whose range rules, "all of the selection is bold", are its own).
 */
/** The toolbar's formatting state from nine `isActive` calls, as `editor.isActive` makes them: any selection. */
export function formattingByIsActive(state: EditorState): Omit<ToolbarState, 'canUndo' | 'canRedo'> {
  return {
    paragraph: isActive(state, 'paragraph') && !isActive(state, 'heading'),
    subhead: isActive(state, 'heading', { level: 2 }),
    minorSubhead: isActive(state, 'heading', { level: 3 }),
    bold: isActive(state, 'bold'),
    italic: isActive(state, 'italic'),
    link: isActive(state, 'link'),
    quote: isActive(state, 'blockquote'),
    bulletList: isActive(state, 'bulletList'),
    orderedList: isActive(state, 'orderedList'),
  };
}

export function toolbarState(state: EditorState): ToolbarState {
  // The history's depths, not can(): can() builds every command's chain.
  const canUndo = undoDepth(state) > 0;
  const canRedo = redoDepth(state) > 0;
  const { selection } = state;
  if (!selection.empty) return { ...formattingByIsActive(state), canUndo, canRedo };
  // For an empty selection isActive finds a node when the caret is inside it: its ancestors below the document.
  const { $from } = selection;
  let paragraph = false;
  let heading = false;
  let subhead = false;
  let minorSubhead = false;
  let quote = false;
  let bulletList = false;
  let orderedList = false;
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    const node = $from.node(depth);
    switch (node.type.name) {
      case 'paragraph':
        paragraph = true;
        break;
      case 'heading':
        heading = true;
        if (node.attrs.level === 2) subhead = true;
        if (node.attrs.level === 3) minorSubhead = true;
        break;
      case 'blockquote':
        quote = true;
        break;
      case 'bulletList':
        bulletList = true;
        break;
      case 'orderedList':
        orderedList = true;
        break;
    }
  }
  // And a mark when it is stored for the next character, or else at the caret.
  let bold = false;
  let italic = false;
  let link = false;
  for (const mark of state.storedMarks ?? $from.marks()) {
    if (mark.type.name === 'bold') bold = true;
    else if (mark.type.name === 'italic') italic = true;
    else if (mark.type.name === 'link') link = true;
  }
  return { paragraph: paragraph && !heading, subhead, minorSubhead, bold, italic, link, quote, bulletList, orderedList, canUndo, canRedo };
}
