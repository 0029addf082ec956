import { Extension, type Editor } from '@tiptap/core';
import type { Mark, MarkType, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, type Transaction } from '@tiptap/pm/state';
import {
  applySuggestion,
  applySuggestions,
  isSuggestChangesEnabled,
  revertSuggestion,
  revertSuggestions,
  suggestChanges,
  suggestChangesKey,
} from '@handlewithcare/prosemirror-suggest-changes';
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
}

/** Turns Suggesting mode on or off, in the body and in the fields that follow it. */
export const SUGGESTING_SHORTCUT = 'Mod-Alt-s';

/** Transaction meta of a review annotation (a comment's mark): never turned into a suggestion. */
export const REVIEW_ANNOTATION = 'copydeskReviewAnnotation';

const SUGGESTION_MARK_NAMES = new Set(['insertion', 'deletion', 'modification']);

/** A short random id: the library's own counter walks the whole document on every keystroke. */
const newSuggestionId = () => `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Positions in the final document that `transactions` touched, as from–to ranges (mark steps included). */
function touchedRanges(transactions: readonly Transaction[]): [number, number][] {
  const ranges: [number, number][] = [];
  transactions.forEach((tr, t) => {
    tr.steps.forEach((step, i) => {
      const { from, to } = step as unknown as { from?: number; to?: number };
      if (typeof from !== 'number' || typeof to !== 'number') return;
      const stepMap = step.getMap();
      let start = stepMap.map(from, -1);
      let end = stepMap.map(to, 1);
      const rest = tr.mapping.slice(i + 1);
      start = rest.map(start, -1);
      end = rest.map(end, 1);
      for (const later of transactions.slice(t + 1)) {
        start = later.mapping.map(start, -1);
        end = later.mapping.map(end, 1);
      }
      ranges.push([start, end]);
    });
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
 * Suggesting mode on the body, with @handlewithcare/prosemirror-suggest-changes: its plugin holds the on/off state,
 * each transaction is turned into suggestion marks while it is on, and a small appendTransaction stamps new
 * suggestion marks with who made them and when (only in the ranges the transaction touched: no walk of the document).
 */
export const Suggesting = Extension.create<SuggestingOptions>({
  name: 'suggesting',
  addOptions: () => ({ author: () => '', onModeChange: () => {}, onToggleOffered: () => {} }),

  addProseMirrorPlugins() {
    const { author, onModeChange, onToggleOffered } = this.options;
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
    const stamp = new Plugin({
      appendTransaction(transactions, _old, state) {
        if (!transactions.some((tr) => tr.docChanged)) return null;
        let tr: Transaction | null = null;
        // One time for the whole transaction, read only when it stamps something (not on every key typed).
        let at: string | undefined;
        const size = state.doc.content.size;
        for (const [from, to] of touchedRanges(transactions)) {
          const start = Math.max(0, Math.min(from, size));
          const end = Math.max(start, Math.min(to, size));
          state.doc.nodesBetween(start, end, (node, pos) => {
            if (!node.isText) return true;
            for (const mark of node.marks) {
              if (!SUGGESTION_MARK_NAMES.has(mark.type.name) || mark.attrs.author !== null) continue;
              tr ??= state.tr;
              const who = author();
              // Typing on at the end of one's own suggestion extends it: it keeps the stamp it was made with, so the
              // text stays one run (one element) and not a run per key with its own time.
              const same = stampOfSameSuggestion(state.doc, pos, mark, who);
              const stamped: Mark = (mark.type as MarkType).create({ ...mark.attrs, author: who, at: same?.at ?? (at ??= new Date().toISOString()) });
              tr.addMark(pos, pos + node.nodeSize, stamped);
            }
            return false;
          });
        }
        return tr;
      },
    });
    return [withBlockCachedDecorations(suggestChanges()), stamp, report];
  },

  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    const skip = transaction.getMeta('history$') || transaction.getMeta(REVIEW_ANNOTATION) || 'skip' in ((transaction.getMeta(suggestChangesKey) as object | undefined) ?? {});
    if (!isSuggestChangesEnabled(state) || skip || !transaction.docChanged) {
      next(transaction);
      return;
    }
    dispatchAsSuggestion(state, transaction, newSuggestionId, (tr) => {
      next(tr);
      return this.editor.state;
    });
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
          applySuggestion(id)(state, dispatch && ((tr) => dispatch(tr.setMeta(suggestChangesKey, { skip: true })))),
      rejectSuggestion:
        (id) =>
        ({ state, dispatch }) =>
          revertSuggestion(id)(state, dispatch && ((tr) => dispatch(tr.setMeta(suggestChangesKey, { skip: true })))),
      acceptAllSuggestions:
        () =>
        ({ state, dispatch }) =>
          applySuggestions(state, dispatch && ((tr) => dispatch(tr.setMeta(suggestChangesKey, { skip: true })))),
      rejectAllSuggestions:
        () =>
        ({ state, dispatch }) =>
          revertSuggestions(state, dispatch && ((tr) => dispatch(tr.setMeta(suggestChangesKey, { skip: true })))),
    };
  },

  addKeyboardShortcuts() {
    return { [SUGGESTING_SHORTCUT]: () => this.editor.commands.toggleSuggesting() };
  },
});

/** Whether Suggesting mode is on in this editor. */
export const isSuggesting = (editor: Editor) => isSuggestChangesEnabled(editor.state);
