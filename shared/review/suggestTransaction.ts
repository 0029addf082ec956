import { suggestChangesKey, transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep, StepMap } from '@tiptap/pm/transform';

/**
 * Turns an edit made in Suggesting mode into suggestions, with @handlewithcare/prosemirror-suggest-changes, and
 * dispatches the result through `dispatch` (which applies a transaction and returns the new state).
 *
 * One case is taken out of the library's hands: formatting text that is itself a pending insertion. The library
 * models formatting as "delete the text, insert it formatted", and for inserted text that left the formatted part
 * marked as deleted original text, so rejecting the suggestion (and every export, which publishes the body with
 * pending suggestions rejected) kept words nobody had accepted. Formatting inserted text needs no suggestion of its
 * own: it is applied directly (it goes with the insertion when that is accepted or rejected); text suggested for
 * deletion is left as it is; formatting of the rest of the range is still a suggestion.
 */
export function dispatchAsSuggestion(state: EditorState, transaction: Transaction, newId: () => string, dispatch: (tr: Transaction) => EditorState): void {
  const markSteps = transaction.steps.every((step) => step instanceof AddMarkStep || step instanceof RemoveMarkStep);
  const { insertion, deletion } = state.schema.marks;
  if (!markSteps || !insertion) {
    dispatch(transformToSuggestionTransaction(transaction, state, newId));
    return;
  }
  type Segment = { step: AddMarkStep | RemoveMarkStep; from: number; to: number };
  const direct: Segment[] = [];
  const tracked: Segment[] = [];
  for (const step of transaction.steps as (AddMarkStep | RemoveMarkStep)[]) {
    state.doc.nodesBetween(step.from, step.to, (node, pos) => {
      if (!node.isText) return true;
      const segment = { step, from: Math.max(pos, step.from), to: Math.min(pos + node.nodeSize, step.to) };
      // Text suggested for deletion keeps its formatting: formatting it would suggest nothing anyone could accept.
      if (deletion?.isInSet(node.marks)) return false;
      (insertion.isInSet(node.marks) ? direct : tracked).push(segment);
      return false;
    });
  }
  const build = (from: EditorState, segments: Segment[]) => {
    const tr = from.tr;
    for (const { step, from: start, to } of segments) {
      if (step instanceof AddMarkStep) tr.addMark(start, to, step.mark);
      else tr.removeMark(start, to, step.mark);
    }
    return tr;
  };
  let current = state;
  // Mark steps move nothing: the edit's selection is valid in every document made here.
  const selected = (tr: Transaction) => tr.setSelection(transaction.selection.map(tr.doc, StepMap.empty));
  if (direct.length) current = dispatch(selected(build(current, direct)).setMeta(suggestChangesKey, { skip: true }));
  if (tracked.length) {
    const tr = build(current, tracked);
    if (tr.docChanged) dispatch(transformToSuggestionTransaction(selected(tr), current, newId));
  }
}
