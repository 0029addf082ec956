import { describe, expect, it } from 'vitest';
import { nextRowIndex } from './nextRowIndex.js';

describe('nextRowIndex', () => {
  it('moves one row with the arrows and stops at either end', () => {
    expect(nextRowIndex('ArrowDown', 3, 10, 5)).toBe(4);
    expect(nextRowIndex('ArrowUp', 3, 10, 5)).toBe(2);
    expect(nextRowIndex('ArrowDown', 9, 10, 5)).toBe(9);
    expect(nextRowIndex('ArrowUp', 0, 10, 5)).toBe(0);
  });

  it('moves a page with Page Up and Page Down, no further than the ends', () => {
    expect(nextRowIndex('PageDown', 3, 10, 5)).toBe(8);
    expect(nextRowIndex('PageDown', 7, 10, 5)).toBe(9);
    expect(nextRowIndex('PageUp', 3, 10, 5)).toBe(0);
  });

  it('jumps to the first and last rows with Home and End', () => {
    expect(nextRowIndex('Home', 6, 10, 5)).toBe(0);
    expect(nextRowIndex('End', 6, 10, 5)).toBe(9);
  });

  it('leaves other keys to the row', () => {
    expect(nextRowIndex('Enter', 6, 10, 5)).toBeNull();
  });
});
