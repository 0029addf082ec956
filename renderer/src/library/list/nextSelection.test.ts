import { describe, expect, it } from 'vitest';
import { nextSelection } from './nextSelection.js';

const shown = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
const ids = (set: Set<string>) => [...set].sort();

describe('nextSelection', () => {
  it('ticks and unticks one story', () => {
    expect(ids(nextSelection(shown, new Set(['a']), null, 'c', false))).toEqual(['a', 'c']);
    expect(ids(nextSelection(shown, new Set(['a', 'c']), 'a', 'c', false))).toEqual(['a']);
  });

  it('ticks every story from the anchor to the one Shift-clicked, either way up', () => {
    expect(ids(nextSelection(shown, new Set(['b']), 'b', 'd', true))).toEqual(['b', 'c', 'd']);
    expect(ids(nextSelection(shown, new Set(['d']), 'd', 'b', true))).toEqual(['b', 'c', 'd']);
  });

  it('unticks the range when the Shift-clicked story was ticked', () => {
    expect(ids(nextSelection(shown, new Set(['a', 'b', 'c', 'd']), 'b', 'd', true))).toEqual(['a']);
  });

  it('toggles the story alone when the anchor is not shown', () => {
    expect(ids(nextSelection(shown, new Set(), 'gone', 'c', true))).toEqual(['c']);
    expect(ids(nextSelection(shown, new Set(), null, 'c', true))).toEqual(['c']);
  });
});
