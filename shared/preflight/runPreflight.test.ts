import { describe, expect, it } from 'vitest';
import { DEFAULT_LIBRARY_SETTINGS } from '../librarySettings.js';
import { emptyStoryFields, type StoryFields } from '../story.js';
import type { BodyNode } from '../storyBody.js';
import { PREFLIGHT_CHECK_IDS } from './preflightCatalog.js';
import type { PreflightStory } from './preflightStory.js';
import { blockingMessage, blockingResults, MAX_RESULTS_PER_CHECK, runPreflight, type BlockScanCache } from './runPreflight.js';

const paragraph = (text: string): BodyNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const body = (...paragraphs: string[]): BodyNode => ({ type: 'doc', content: paragraphs.map(paragraph) });
const story = (fields: Partial<StoryFields> & Pick<PreflightStory, 'comments' | 'fieldSuggestions'> = {}): PreflightStory => ({
  ...emptyStoryFields(),
  headline: 'Japan-North Korea negotiations to resume',
  section: 'Tokyo Report',
  byline: 'Ankit Panda',
  body: body('Talks resume on Monday.'),
  ...fields,
});
const problems = (input: PreflightStory, settings = DEFAULT_LIBRARY_SETTINGS) => runPreflight(input, settings).filter((result) => result.status !== 'pass');

describe('stories that must pass cleanly', () => {
  it('curly quotes, apostrophes in ’90s, nested quotes', () => {
    const clean = story({
      body: body(
        '“Despite intense rhetoric, there is space for tactical concessions,” said the minister, who recalled the ’90s.',
        '“He told me ‘we won’t wait for the ’20s,’ and left,” she said. It’s the students’ turn.',
        '“This quotation runs on into the next paragraph, as news style does.',
        '“And it closes here.”',
      ),
    });
    expect(problems(clean)).toEqual([]);
  });

  it('Japanese text', () => {
    expect(problems(story({ headline: '日朝交渉、再開へ', section: '東京リポート', byline: '佐藤健', body: body('首相は「『対話』の扉は開いている」と述べた。', '交渉は月曜日に再開される。') }))).toEqual([]);
  });

  it('Arabic text', () => {
    expect(problems(story({ headline: 'استئناف المفاوضات بين اليابان وكوريا الشمالية', byline: 'مراسلنا في طوكيو', body: body('قال الوزير «نحن مستعدون للحوار» يوم الاثنين.', 'وتستأنف المحادثات الأسبوع المقبل.') }))).toEqual([]);
  });

  it('gives a pass line for every check, in the panel’s order', () => {
    const results = runPreflight(story(), DEFAULT_LIBRARY_SETTINGS);
    expect(results.map((result) => result.id)).toEqual([...PREFLIGHT_CHECK_IDS]);
    expect(results.every((result) => result.status === 'pass' && result.reason.length > 0)).toBe(true);
  });
});

describe('results', () => {
  it('point at the block and the text range in the body', () => {
    const results = problems(story({ body: body('Fine.', 'The mayor said TK.') }));
    expect(results).toEqual([{ id: 'placeholder-text', status: 'error', reason: 'Placeholder “TK” is still in the text (paragraph 2).', location: { block: 1, from: 15, to: 17 } }]);
  });

  it('say once that an empty body is empty', () => {
    expect(problems(story({ body: { type: 'doc', content: [{ type: 'paragraph' }, { type: 'paragraph' }] } }))).toEqual([{ id: 'body-missing', status: 'warning', reason: 'The body has no text.' }]);
  });

  it('report a quotation left open at the end of a paragraph that the next does not continue', () => {
    const results = problems(story({ body: body('“We will not stop, he said.', 'Then he left.') }));
    expect(results).toEqual([{ id: 'unbalanced-quotes', status: 'warning', reason: 'This quotation in paragraph 1 is never closed.', location: { block: 0, from: 0, to: 1 } }]);
  });

  it('count pending suggestions in the body and the fields, and unresolved comments (when the story has any)', () => {
    const suggested: BodyNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Talks ' }, { type: 'text', text: 'resume', marks: [{ type: 'insertion', attrs: { id: 1 } }] }] }] };
    const results = problems(story({ body: suggested, fieldSuggestions: { headline: { proposed: 'Talks resume in Oslo', author: 'Ana', at: '2026-12-04T10:00:00.000Z' } }, comments: [{ resolved: false }, { resolved: true }, { resolved: false }] }));
    expect(results.map((result) => [result.id, result.status, result.reason])).toEqual([
      ['pending-suggestions', 'error', 'One suggested edit in the body is waiting to be accepted or rejected.'],
      ['pending-suggestions', 'error', 'One suggested edit to a field is waiting.'],
      ['unresolved-comments', 'warning', '2 comments are not resolved.'],
    ]);
    expect(results[0]!.location).toEqual({ block: 0, from: 0, to: 0 });
    expect(problems(story({ comments: [{ resolved: true }] }))).toEqual([]);
  });

  it('stop at a cap per check, with one line for the rest', () => {
    const results = problems(story({ body: body(...Array.from({ length: 25 }, () => 'Say "hi"')) }));
    const straight = results.filter((result) => result.id === 'straight-quotes');
    expect(straight).toHaveLength(MAX_RESULTS_PER_CHECK + 1);
    expect(straight.at(-1)!.reason).toBe('30 more like these.');
  });
});

describe('the library’s levels', () => {
  it('turn a check off, make a warning block, or a blocking check warn', () => {
    const input = story({ byline: '', headline: '', body: body('Call TK.') });
    const levels = { ...DEFAULT_LIBRARY_SETTINGS.preflight, 'byline-missing': 'error' as const, 'placeholder-text': 'warning' as const, 'headline-missing': 'off' as const };
    const results = runPreflight(input, { ...DEFAULT_LIBRARY_SETTINGS, preflight: levels });
    expect(results.some((result) => result.id === 'headline-missing')).toBe(false);
    expect(blockingResults(results).map((result) => result.id)).toEqual(['byline-missing']);
    expect(results.find((result) => result.id === 'placeholder-text')!.status).toBe('warning');
  });

  it('follow the library’s headline and dek limits', () => {
    const results = problems(story({ headline: 'Short enough for most desks' }), { ...DEFAULT_LIBRARY_SETTINGS, headlineLimit: 20 });
    expect(results.map((result) => result.reason)).toEqual(['The headline is 27 characters; the library’s limit is 20.']);
  });

  it('block by default on a missing headline, missing alt text, placeholders and pending suggestions', () => {
    const blocking = Object.entries(DEFAULT_LIBRARY_SETTINGS.preflight).filter(([, level]) => level === 'error').map(([id]) => id);
    expect(blocking).toEqual(['headline-missing', 'image-alt-missing', 'placeholder-text', 'pending-suggestions']);
  });
});

describe('incremental runs', () => {
  it('scan only the blocks that changed, and give the same answer as a fresh run', () => {
    const cache: BlockScanCache = new WeakMap();
    const first = body('One TK.', 'Two.', 'Three.');
    runPreflight(story({ body: first }), DEFAULT_LIBRARY_SETTINGS, cache);
    const unchanged = first.content!.slice(1);
    const edited: BodyNode = { type: 'doc', content: [paragraph('One.'), ...unchanged] };
    // A poisoned entry for an unchanged block shows that block was not scanned again.
    cache.set(unchanged[0]!, { findings: [{ id: 'repeated-words', from: 0, to: 1, reason: 'From the cache.' }], hasText: true, openQuotesAtEnd: [], startsWithOpeningQuote: false, suggestions: 0 });
    const cached = runPreflight(story({ body: edited }), DEFAULT_LIBRARY_SETTINGS, cache);
    expect(cached.filter((result) => result.status !== 'pass').map((result) => result.reason)).toEqual(['From the cache (paragraph 2).']);
    cache.delete(unchanged[0]!);
    expect(runPreflight(story({ body: edited }), DEFAULT_LIBRARY_SETTINGS, cache)).toEqual(runPreflight(story({ body: edited }), DEFAULT_LIBRARY_SETTINGS));
  });
});

describe('the message that stops Ready or export', () => {
  it('names what blocks, in one sentence', () => {
    const results = runPreflight(story({ headline: '', body: body('Call TK.') }), DEFAULT_LIBRARY_SETTINGS);
    expect(blockingMessage('moving this story to Ready', results)).toBe(
      'Preflight stops moving this story to Ready: The story has no headline; Placeholder “TK” is still in the text (paragraph 1). Fix them (see Preflight) and try again.',
    );
  });
});
