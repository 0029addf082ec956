import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, type WordDiff } from './diffWords.js';

const older = (diff: WordDiff) => diff.parts.filter((part) => part.kind !== 'added').map((part) => part.text).join('');
const newer = (diff: WordDiff) => diff.parts.filter((part) => part.kind !== 'removed').map((part) => part.text).join('');

describe('word diff', () => {
  it('shows the words added and removed, and counts them', () => {
    const diff = diffWords('The Prime Minster said talks would resume.', 'The Prime Minister said talks would resume in May.');
    expect(diff.parts).toEqual([
      { kind: 'same', text: 'The Prime ' },
      { kind: 'removed', text: 'Minster' },
      { kind: 'added', text: 'Minister' },
      { kind: 'same', text: ' said talks would resume' },
      { kind: 'added', text: ' in May' },
      { kind: 'same', text: '.' },
    ]);
    expect({ added: diff.added, removed: diff.removed }).toEqual({ added: 3, removed: 1 });
  });

  it('joins a run of changed words into one change instead of alternating word by word', () => {
    const diff = diffWords('one two three four', 'one five six four');
    expect(diff.parts).toEqual([
      { kind: 'same', text: 'one ' },
      { kind: 'removed', text: 'two three' },
      { kind: 'added', text: 'five six' },
      { kind: 'same', text: ' four' },
    ]);
  });

  it('finds nothing between equal texts, and everything against an empty one', () => {
    expect(diffWords('Same words.', 'Same words.')).toEqual({ parts: [{ kind: 'same', text: 'Same words.' }], added: 0, removed: 0 });
    expect(diffWords('', 'New story')).toEqual({ parts: [{ kind: 'added', text: 'New story' }], added: 2, removed: 0 });
  });

  it('keeps a 1,000-word body diff fast', () => {
    const words = Array.from({ length: 1000 }, (_, i) => `word${i % 97}`);
    const edited = words.map((word, i) => (i % 50 === 0 ? 'changed' : word));
    const start = performance.now();
    const diff = diffWords(words.join(' '), edited.join(' '));
    expect(performance.now() - start).toBeLessThan(200);
    expect(diff.removed).toBe(20);
    expect(diff.added).toBe(20);
  });

  it('always gives back both texts exactly', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'talks', 'Japan’s', ' ', '  ', '\n\n', '.', ',', 'é'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const diff = diffWords(a, b);
        expect(older(diff)).toBe(a);
        expect(newer(diff)).toBe(b);
      }),
      { numRuns: 300 },
    );
  });
});
