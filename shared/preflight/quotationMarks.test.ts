import { describe, expect, it } from 'vitest';
import { findStraightQuotes, quoteBalance } from './quotationMarks.js';

describe('straight quotes', () => {
  it('finds straight double and single quotes', () => {
    const text = `He said "no" and it's over.`;
    expect(findStraightQuotes(text).map((match) => match.from)).toEqual([8, 11, 19]);
  });

  it('passes curly quotes and apostrophes, including ’90s', () => {
    expect(findStraightQuotes('“It’s the ’90s again,” she said, ‘quietly’.')).toEqual([]);
  });
});

describe('quotation marks that do not pair up', () => {
  const problems = (text: string) => quoteBalance(text).problems.map((match) => text.slice(match.from, match.to));

  it('passes paired, nested and Japanese quotes, and apostrophes', () => {
    expect(quoteBalance('“He told me ‘the ’90s are back’ and left,” she said.')).toEqual({ problems: [], openAtEnd: [], startsWithOpening: true });
    expect(quoteBalance('She said “he wrote “never” twice” yesterday.').problems).toEqual([]);
    expect(quoteBalance('首相は「『平和』を守る」と述べた。').problems).toEqual([]);
    expect(quoteBalance('قال «نحن مستعدون» أمس').problems).toEqual([]);
    expect(quoteBalance('Er sagte »ja« dazu.').problems).toEqual([]);
  });

  it('finds a closing mark with no opening one, an unpaired straight quote and « without »', () => {
    expect(problems('He said no” and left.')).toEqual(['”']);
    expect(problems('He said "no and left.')).toEqual(['"']);
    expect(problems('قال «نحن مستعدون أمس')).toEqual(['«']);
    expect(problems('首相は「平和を守ると述べた。」」')).toEqual(['」']);
  });

  it('reports a quotation still open at the end, for the paragraph that follows to continue', () => {
    expect(quoteBalance('“We will not stop,” he said. “Not now.').openAtEnd).toEqual([29]);
  });
});
