import { describe, expect, it } from 'vitest';
import { textDirection } from './textDirection.js';

describe('the direction of a story', () => {
  it('follows the first letter of the first text that has one', () => {
    expect(textDirection('استئناف المفاوضات')).toBe('rtl');
    expect(textDirection('שלום עולם')).toBe('rtl');
    expect(textDirection('“2026” — استئناف')).toBe('rtl');
    expect(textDirection('Talks resume', 'استئناف')).toBe('ltr');
    expect(textDirection('', '  123 ', 'مفاوضات')).toBe('rtl');
    expect(textDirection('日本と北朝鮮')).toBe('ltr');
    expect(textDirection('', '')).toBe('ltr');
  });
});
