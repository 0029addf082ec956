import { Extension, type Editor } from '@tiptap/core';
import type { Mark, MarkType, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, type Transaction } from '@tiptap/pm/state';
import { isSuggestChangesEnabled, suggestChanges, suggestChangesKey } from '@handlewithcare/prosemirror-suggest-changes';
import { SUGGESTION_MARKS, acceptAllSuggestionsIn, acceptSuggestionIn, rejectAllSuggestionsIn, rejectSuggestionIn } from '../../../../shared/review/suggestions.js';
import { dispatchAsSuggestion } from '../../../../shared/review/suggestTransaction.js';
import { withBlockCachedDecorations } from './suggestionDecorations.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggesting: {
      /** Turns Suggesting mode on or off: on, typing, deleting and formatting become suggestions. */
      toggleSuggesting: () => ReturnType;
      acceptSuggestion: (id: string | number) => ReturnType;
      rejectSuggestion: (id: string | number) => ReturnType;
      acceptAllSuggestions: () => ReturnType;
      rejectAllSuggestions: () => ReturnType;
    };
  }
}

export interface SuggestingOptions {
  /** Who is suggesting: the user name from Settings, read when a suggestion is made. */
  author: () => string;
  /** Told when Suggesting mode is turned on or off, and with its state when the editor is created or destroyed. */
  onModeChange: (on: boolean) => void;
  /** Offers the window a way to turn Suggesting on or off from outside the body (its shortcut in the fields); null when the editor goes. */
  onToggleOffered: (toggle: (() => void) | null) => void;
  /** Told, with a sentence for the writer, when an edit cannot be made as a suggestion and was not made. */
  onRefused: (message: string) => void;
}

/**
 * What the writer is told when an edit cannot be a suggestion. The library suggests a change of block (a subhead, a
 * quote, a list) by marking the block itself, and the story's schema allows marks on text only: the library throws,
 * and the edit is not made (before, it was dropped without a word).
 */
export const SUGGESTION_REFUSED =
  'Subheads, quotes and lists cannot be suggested yet, so that change was not made. Turn off Suggesting (Ctrl/Cmd+Alt+S) to make it.';

/** Turns Suggesting mode on or off, in the body and in the fields that follow it. */
export const SUGGESTING_SHORTCUT = 'Mod-Alt-s';

/** Transaction meta of a review annotation (a comment's mark): never turned into a suggestion. */
export const REVIEW_ANNOTATION = 'copydeskReviewAnnotation';

const SUGGESTION_MARK_NAMES = new Set<string>(SUGGESTION_MARKS);

/** A short random id: the library's own counter walks the whole document on every keystroke. */
const newSuggestionId = () => `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Positions in the document `tr` made that its steps touched, as from–to ranges (mark steps included). */
function touchedRanges(tr: Transaction): [number, number][] {
  const ranges: [number, number][] = [];
  tr.steps.forEach((step, i) => {
    const { from, to } = step as unknown as { from?: number; to?: number };
    if (typeof from !== 'number' || typeof to !== 'number') return;
    const stepMap = step.getMap();
    const rest = tr.mapping.slice(i + 1);
    ranges.push([rest.map(stepMap.map(from, -1), -1), rest.map(stepMap.map(to, 1), 1)]);
  });
  return ranges;
}

/**
 * The stamp (when) of the suggestion `mark` belongs to, if a stamped part of it by `author` is beside it in the same
 * block: the library gives an edit next to a suggestion that suggestion's id.
 */
function stampOfSameSuggestion(doc: ProseMirrorNode, pos: number, mark: Mark, author: string): { at: string } | null {
  const $pos = doc.resolve(pos);
  const block = $pos.parent;
  let found: { at: string } | null = null;
  block.forEach((child) => {
    if (found || !child.isText) return;
    const other = child.marks.find((m) => m.type === mark.type && m.attrs.id === mark.attrs.id && m.attrs.author === author && typeof m.attrs.at === 'string');
    if (other) found = { at: other.attrs.at as string };
  });
  return found;
}

/**
 * Stamps the suggestion marks `tr` made with who made them and when, in the same transaction (only in the ranges it
 * touched: no walk of the document, and no second transaction per key).
 */
function stampNewSuggestions(tr: Transaction, author: () => string): Transaction {
  if (!tr.docChanged) return tr;
  const doc = tr.doc;
  const size = doc.content.size;
  // One time for the whole transaction, read only when it stamps something (not on every key typed).
  let at: string | undefined;
  let who: string | undefined;
  for (const [from, to] of touchedRanges(tr)) {
    const start = Math.max(0, Math.min(from, size));
    const end = Math.max(start, Math.min(to, size));
    doc.nodesBetween(start, end, (node, pos) => {
      if (!node.isText) return true;
      for (const mark of node.marks) {
        if (!SUGGESTION_MARK_NAMES.has(mark.type.name) || mark.attrs.author !== null) continue;
        who ??= author();
        // Typing on at the end of one's own suggestion extends it: it keeps the stamp it was made with, so the
        // text stays one run (one element) and not a run per key with its own time.
        const same = stampOfSameSuggestion(doc, pos, mark, who);
        const stamped: Mark = (mark.type as MarkType).create({ ...mark.attrs, author: who, at: same?.at ?? (at ??= new Date().toISOString()) });
        // Mark steps move nothing: positions in `doc` stay valid in the transaction as it grows.
        tr.addMark(pos, pos + node.nodeSize, stamped);
      }
      return false;
    });
  }
  return tr;
}

/** Dispatches an accept or reject made by the shared review code; false (nothing to do) when it made none. */
function settled(tr: Transaction | null, dispatch: ((tr: Transaction) => void) | undefined): boolean {
  if (!tr) return false;
  dispatch?.(tr);
  return true;
}

/**
 * Suggesting mode on the body, with @handlewithcare/prosemirror-suggest-changes: its plugin holds the on/off state,
 * each transaction is turned into suggestion marks while it is on, and the new suggestion marks are stamped with who
 * made them and when before the transaction is applied.
 */
export const Suggesting = Extension.create<SuggestingOptions>({
  name: 'suggesting',
  addOptions: () => ({ author: () => '', onModeChange: () => {}, onToggleOffered: () => {}, onRefused: () => {} }),

  addProseMirrorPlugins() {
    const { onModeChange, onToggleOffered } = this.options;
    // Compares two plugin-state flags per transaction and reports only a change: typing reports nothing.
    const report = new Plugin({
      view(view) {
        onModeChange(isSuggestChangesEnabled(view.state));
        onToggleOffered(() => view.dispatch(view.state.tr.setMeta(suggestChangesKey, { skip: true, enabled: !isSuggestChangesEnabled(view.state) })));
        return {
          update(updated, previous) {
            const on = isSuggestChangesEnabled(updated.state);
            if (on !== isSuggestChangesEnabled(previous)) onModeChange(on);
          },
          destroy: () => {
            onModeChange(false);
            onToggleOffered(null);
          },
        };
      },
    });
    return [withBlockCachedDecorations(suggestChanges()), report];
  },

  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    const skip = transaction.getMeta('history$') || transaction.getMeta(REVIEW_ANNOTATION) || 'skip' in ((transaction.getMeta(suggestChangesKey) as object | undefined) ?? {});
    if (!isSuggestChangesEnabled(state) || skip || !transaction.docChanged) {
      next(transaction);
      return;
    }
    try {
      dispatchAsSuggestion(state, transaction, newSuggestionId, (tr) => {
        next(stampNewSuggestions(tr, this.options.author));
        return this.editor.state;
      });
    } catch (error) {
      // Thrown while the library builds the suggestion, before it is applied: the document is as it was. (ProseMirror's
      // TransformError, marked @internal and missing from its typings: known by its name.)
      if (!(error instanceof Error) || error.name !== 'TransformError') throw error;
      this.options.onRefused(SUGGESTION_REFUSED);
    }
  },

  addCommands() {
    return {
      toggleSuggesting:
        () =>
        ({ state, dispatch }) => {
          if (!dispatch) return true;
          const enabled = isSuggestChangesEnabled(state);
          dispatch(state.tr.setMeta(suggestChangesKey, { skip: true, enabled: !enabled }));
          return true;
        },
      acceptSuggestion:
        (id) =>
        ({ state, dispatch }) =>
          settled(acceptSuggestionIn(state, id), dispatch),
      rejectSuggestion:
        (id) =>
        ({ state, dispatch }) =>
          settled(rejectSuggestionIn(state, id), dispatch),
      acceptAllSuggestions:
        () =>
        ({ state, dispatch }) =>
          settled(acceptAllSuggestionsIn(state), dispatch),
      rejectAllSuggestions:
        () =>
        ({ state, dispatch }) =>
          settled(rejectAllSuggestionsIn(state), dispatch),
    };
  },

  addKeyboardShortcuts() {
    return { [SUGGESTING_SHORTCUT]: () => this.editor.commands.toggleSuggesting() };
  },
});

/** Whether Suggesting mode is on in this editor. */
export const isSuggesting = (editor: Editor) => isSuggestChangesEnabled(editor.state);
