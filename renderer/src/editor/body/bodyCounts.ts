import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { countWords } from '../../../../shared/wordCount.js';

export interface BodyCounts {
  words: number;
  characters: number;
}

// Documents are persistent: a keystroke makes a new doc but keeps every block it did not touch, so counts kept per
// block make a recount cost one block's text plus a lookup for each of the others.
const blockCounts = new WeakMap<ProseMirrorNode, BodyCounts>();

/** Code points in `text`, not counting line breaks (what a writer calls characters). */
function countCharacters(text: string): number {
  let characters = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // A low surrogate after a high one is the second half of a character already counted.
    const secondHalf = code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
    if (code !== 10 && !secondHalf) characters += 1;
  }
  return characters;
}

function countBlock(block: ProseMirrorNode): BodyCounts {
  let counts = blockCounts.get(block);
  if (counts === undefined) {
    const text = block.isLeaf ? '\n' : block.textBetween(0, block.content.size, '\n', '\n');
    counts = { words: countWords(text), characters: countCharacters(text) };
    blockCounts.set(block, counts);
  }
  return counts;
}

/**
 * The body's words and characters, as counting the whole text with a line break between blocks would give (words
 * never run across blocks), recounting only the blocks that changed since the last call.
 */
export function countBody(doc: ProseMirrorNode): BodyCounts {
  let words = 0;
  let characters = 0;
  doc.forEach((block) => {
    const counts = countBlock(block);
    words += counts.words;
    characters += counts.characters;
  });
  return { words, characters };
}
