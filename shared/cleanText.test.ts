import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, oneLine } from './cleanText.js';

/** cleanText as it was before it skipped clean text: both patterns, always. */
const bothPatterns = (text: string) =>
  text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

describe('cleaning text for HTML', () => {
  it('drops control characters and noncharacters, and replaces lone surrogates', () => {
    expect(cleanText('a\u0000b\u0007c\u007fd\u0085e\uFDD0f\uFFFEg')).toBe('abcdefg');
    expect(cleanText('tab\tand\nnew line\r')).toBe('tab\tand\nnew line\r');
    expect(cleanText('half \uD83D pair, 😀 whole')).toBe('half \uFFFD pair, 😀 whole');
    expect(cleanText('\uDE00 low first')).toBe('\uFFFD low first');
    expect(oneLine('  A\u0000 headline\n\n split  ')).toBe('A headline split');
  });

  it('gives what both patterns give, for any text', () => {
    const unit = fc.oneof(fc.constantFrom('a', ' ', '\n', '“', '—', '😀', '\uD83D', '\uDE00', '\u0000', '\u0085', '\uFDD0', '\uFFFF'), fc.string({ unit: 'binary', maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
        expect(cleanText(text)).toBe(bothPatterns(text));
      }),
      { numRuns: 5000 },
    );
  });
});
