import { describe, expect, it } from 'vitest';
import { scrollToShow } from './caretScroll.js';

const visible = { top: 100, bottom: 500, left: 0, right: 800 };
const caret = (top: number, bottom = top + 20) => ({ top, bottom, left: 10, right: 11 });

describe('scrollToShow', () => {
  it('leaves a caret that shows where it is', () => {
    expect(scrollToShow(caret(100), visible)).toBe(0);
    expect(scrollToShow(caret(480), visible)).toBe(0);
  });

  it('scrolls a caret above the area, or under what covers its top, to just below that edge', () => {
    expect(scrollToShow(caret(60), visible)).toBe(60 - 100 - 5);
    expect(scrollToShow(caret(-900), visible)).toBe(-900 - 100 - 5);
  });

  it('scrolls a caret below the area up to just above its bottom', () => {
    expect(scrollToShow(caret(490), visible)).toBe(510 - 500 + 5);
    expect(scrollToShow(caret(2000), visible)).toBe(2020 - 500 + 5);
  });

  it('brings a caret taller than the area to its top', () => {
    expect(scrollToShow(caret(300, 1000), visible)).toBe(300 - 100 - 5);
  });
});
