import { describe, expect, it } from 'vitest';
import { parseSearchQuery, searchTerms } from '../../../shared/search/searchTerms.js';
import { StorySearchIndex } from './storySearchIndex.js';

const VOCABULARY = ['japan', 'korea', 'talks', 'sweden', 'nuclear', 'missile', 'budget', 'diet', 'election', 'typhoon', 'tokyo', 'osaka'];

function random(seed: number) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function scanner(texts: Map<string, string>) {
  return (query: string) => {
    const { exact, prefix } = parseSearchQuery(query);
    return [...texts].filter(([, text]) => {
      const terms = new Set(searchTerms(text));
      return exact.every((term) => terms.has(term)) && (prefix === null || [...terms].some((term) => term.startsWith(prefix)));
    }).map(([id]) => id).sort();
  };
}

describe('the inverted index', () => {
  it('answers like a scan when its first build packs many times, with stories indexed before it and changed or deleted during it', () => {
    const next = random(11);
    // A log of 40 postings: a build of 600 stories of up to 7 terms packs over and over.
    const index = new StorySearchIndex(40);
    const texts = new Map<string, string>();
    const write = (id: string) => {
      const text = Array.from({ length: 6 }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]).join(' ') + ` story${id}`;
      texts.set(id, text);
      index.set(id, text);
    };
    for (let i = 0; i < 30; i += 1) write(String(i));
    index.beginBuild();
    for (let i = 0; i < 600; i += 1) {
      const id = String(Math.floor(next() * 300));
      if (next() < 0.1) {
        index.delete(id);
        texts.delete(id);
      } else write(id);
    }
    index.compact();
    const scan = scanner(texts);
    for (const query of ['japan', 'japan korea', 'nuclear t', 'story12', 'story29', 'story2', 'o', 'tokyo osaka budget ', 'absent']) {
      expect([...index.match(parseSearchQuery(query))].sort(), query).toEqual(scan(query));
    }
    expect(index.size).toBe(texts.size);
  });

  it.each([false, true])('answers like a scan of every text, through thousands of changes and its repacking (first built: %s)', (built) => {
    const next = random(7);
    const index = new StorySearchIndex();
    if (built) index.beginBuild();
    const texts = new Map<string, string>();
    const write = (id: string) => {
      const text = Array.from({ length: 6 }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]).join(' ') + ` story${id}`;
      texts.set(id, text);
      index.set(id, text);
    };
    for (let i = 0; i < 400; i += 1) write(String(i));
    if (built) index.compact();
    for (let round = 0; round < 8000; round += 1) {
      const id = String(Math.floor(next() * 450));
      if (next() < 0.1) {
        index.delete(id);
        texts.delete(id);
      } else write(id);
    }
    const scan = (query: string) => {
      const { exact, prefix } = parseSearchQuery(query);
      return [...texts].filter(([, text]) => {
        const terms = new Set(searchTerms(text));
        return exact.every((term) => terms.has(term)) && (prefix === null || [...terms].some((term) => term.startsWith(prefix)));
      }).map(([id]) => id).sort();
    };
    for (const query of ['japan', 'japan korea', 'nuclear t', 'story12', 'story4', 'o', 'tokyo osaka budget ', 'absent']) {
      expect([...index.match(parseSearchQuery(query))].sort(), query).toEqual(scan(query));
    }
    expect(index.size).toBe(texts.size);
  });
});
