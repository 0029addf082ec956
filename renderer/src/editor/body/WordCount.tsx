import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { countWords } from '../../../../shared/wordCount.js';
import { formatWordCount } from '../../ui/formatWordCount.js';

interface BodyCounts {
  words: number;
  characters: number;
}

const number = new Intl.NumberFormat('en-US');

/** Words a minute for the reading time: a common figure for news copy read on screen. */
const READING_WPM = 230;

// Documents are immutable: selection-only transactions reuse the doc, so its counts are cached.
const counts = new WeakMap<ProseMirrorNode, BodyCounts>();

function countDoc(doc: ProseMirrorNode): BodyCounts {
  let result = counts.get(doc);
  if (result === undefined) {
    const text = doc.textBetween(0, doc.content.size, '\n', '\n');
    result = { words: countWords(text), characters: [...text.replace(/\n/g, '')].length };
    counts.set(doc, result);
  }
  return result;
}

/** The body's words, characters and reading time, re-rendered only when a count changes. */
export function WordCount({ editor }: { editor: Editor }) {
  const { words, characters } = useEditorState({
    editor,
    selector: ({ editor: e }) => countDoc(e.state.doc),
    equalityFn: (a, b) => b !== null && a.words === b.words && a.characters === b.characters,
  });
  const minutes = words === 0 ? 0 : Math.max(1, Math.round(words / READING_WPM));
  return (
    <span className="word-count">
      <span data-testid="word-count">{formatWordCount(words)}</span>
      <span data-testid="character-count">{characters === 1 ? '1 character' : `${number.format(characters)} characters`}</span>
      <span data-testid="reading-time" title={`At ${READING_WPM} words a minute`}>
        {minutes} min read
      </span>
    </span>
  );
}
