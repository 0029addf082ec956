import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { countWords } from '../../../shared/wordCount.js';
import { formatWordCount } from '../formatWordCount.js';

// Documents are immutable: selection-only transactions reuse the doc, so its count is cached.
const counts = new WeakMap<ProseMirrorNode, number>();

function countDocWords(doc: ProseMirrorNode): number {
  let count = counts.get(doc);
  if (count === undefined) {
    count = countWords(doc.textBetween(0, doc.content.size, '\n', '\n'));
    counts.set(doc, count);
  }
  return count;
}

/** The body's word count, re-rendered only when the count changes. */
export function WordCount({ editor }: { editor: Editor }) {
  const words = useEditorState({ editor, selector: ({ editor: e }) => countDocWords(e.state.doc) });
  return (
    <span className="word-count" data-testid="word-count">
      {formatWordCount(words)}
    </span>
  );
}
