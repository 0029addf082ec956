import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { formatWordCount } from '../../ui/formatWordCount.js';
import { countBody, type BodyCounts } from './bodyCounts.js';

const number = new Intl.NumberFormat('en-US');

/** Words a minute for the reading time: a common figure for news copy read on screen. */
const READING_WPM = 230;

/**
 * How long after an edit the counts follow it. Typing costs nothing here: the first key of a burst starts the timer,
 * the others find it running; while a writer keeps typing the counts move about four times a second.
 */
const RECOUNT_AFTER_MS = 250;

/** The body's counts, recounted (only the blocks that changed) a moment after edits, never inside a keystroke. */
function useBodyCounts(editor: Editor): BodyCounts {
  const [counts, setCounts] = useState(() => countBody(editor.state.doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = () => {
      timer = undefined;
      const next = countBody(editor.state.doc);
      setCounts((shown) => (shown.words === next.words && shown.characters === next.characters ? shown : next));
    };
    const edited = () => void (timer ??= setTimeout(recount, RECOUNT_AFTER_MS));
    editor.on('update', edited);
    recount();
    return () => {
      editor.off('update', edited);
      clearTimeout(timer);
    };
  }, [editor]);
  return counts;
}

/** The body's words, characters and reading time. */
export function WordCount({ editor }: { editor: Editor }) {
  const { words, characters } = useBodyCounts(editor);
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
