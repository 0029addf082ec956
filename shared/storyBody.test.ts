import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BodyDocSchema, StorySchema } from './story.js';
import { MAX_BODY_DEPTH, NOT_A_DOC, parseBody, TOO_DEEP, type BodyNode } from './storyBody.js';

// The zod schema parseBody replaced: the reference it must agree with, on what it accepts, what it returns, and the
// first problem it reports (for bodies within the depth limit; zod checked the depth only after the whole walk).
const ZodBodyNode: z.ZodType<BodyNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(ZodBodyNode).optional(),
    marks: z.array(z.object({ type: z.string().min(1).max(64), attrs: z.record(z.string(), z.unknown()).optional() })).optional(),
    text: z.string().optional(),
  }),
);
const ZodBodyDoc = ZodBodyNode.refine((node) => node.type === 'doc', NOT_A_DOC);

function zodFirstIssue(input: unknown) {
  const parsed = ZodBodyDoc.safeParse(input);
  return parsed.success ? { success: true as const, data: parsed.data } : { success: false as const, issue: { path: parsed.error.issues[0]!.path, message: parsed.error.issues[0]!.message } };
}

// Values of every JSON kind (and undefined, as an IPC message may hold), to put where a body expects something else.
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 3 }),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 2 }),
);
const typeName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('doc', 'paragraph', 'text', 'heading', 'bold', 'link') },
  { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(64), 'y'.repeat(65)) },
  { weight: 1, arbitrary: anyValue },
);
const attrs = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(fc.constantFrom('level', 'href', 'dir', 'x', '0', '__proto__'), anyValue, { maxKeys: 3 }) },
  { weight: 1, arbitrary: anyValue },
);
const mark = fc.oneof(
  { weight: 8, arbitrary: fc.record({ type: typeName, attrs, extra: anyValue }, { requiredKeys: ['type'] }) },
  { weight: 1, arbitrary: anyValue },
);

/** Random bodies, most of them well-formed, some with a wrong value anywhere, unknown keys, or keys set to undefined. */
const { node } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    {
      weight: 12,
      arbitrary: fc.record(
        {
          type: typeName,
          attrs,
          content: fc.oneof({ weight: 8, arbitrary: fc.array(tie('node'), { maxLength: 4 }) }, { weight: 1, arbitrary: anyValue }),
          marks: fc.oneof({ weight: 8, arbitrary: fc.array(mark, { maxLength: 3 }) }, { weight: 1, arbitrary: anyValue }),
          text: fc.oneof({ weight: 8, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 1, arbitrary: anyValue }),
          unknownKey: anyValue,
        },
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: anyValue },
  ),
}));
const body = fc.oneof(node, node.map((root) => (typeof root === 'object' && root !== null && !Array.isArray(root) ? { ...root, type: 'doc' } : root)));

function nested(depth: number): BodyNode {
  let node: BodyNode = { type: 'text', text: 'deep' };
  for (let i = 1; i < depth; i += 1) node = { type: i === depth - 1 ? 'doc' : 'blockquote', content: [node] };
  return node;
}

describe('parseBody', () => {
  it('accepts, returns and refuses exactly what the zod schema did, with the same first problem', () => {
    fc.assert(
      fc.property(body, (input) => {
        expect(parseBody(input)).toStrictEqual(zodFirstIssue(input));
      }),
      { numRuns: 5000 },
    );
  });

  it('returns a copy without unknown keys, never sharing the input’s objects', () => {
    const input = { type: 'doc', extra: 1, content: [{ type: 'paragraph', attrs: { dir: 'rtl' }, marks: [{ type: 'bold', extra: 2 }], content: [{ type: 'text', text: 'Hi' }] }] };
    const parsed = parseBody(input);
    expect(parsed).toStrictEqual({ success: true, data: { type: 'doc', content: [{ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: 'Hi' }], marks: [{ type: 'bold' }] }] } });
    if (!parsed.success) return;
    expect(parsed.data.content![0]!.attrs).not.toBe(input.content[0]!.attrs);
    expect(parsed.data.content![0]!.marks![0]).not.toBe(input.content[0]!.marks[0]);
  });

  it('drops a __proto__ key from attrs instead of giving the copy another prototype', () => {
    const parsed = parseBody(JSON.parse('{"type":"doc","attrs":{"__proto__":{"polluted":true},"dir":"ltr"}}'));
    expect(parsed.success && parsed.data.attrs).toStrictEqual({ dir: 'ltr' });
    expect(parsed.success && Object.getPrototypeOf(parsed.data.attrs)).toBe(Object.prototype);
  });

  it(`accepts ${MAX_BODY_DEPTH} levels and refuses one more, even nested far too deep for a recursive walk`, () => {
    expect(parseBody(nested(MAX_BODY_DEPTH)).success).toBe(true);
    expect(parseBody(nested(MAX_BODY_DEPTH + 1))).toStrictEqual({ success: false, issue: { path: [], message: TOO_DEEP } });
    expect(parseBody(nested(200_000))).toStrictEqual({ success: false, issue: { path: [], message: TOO_DEEP } });
  });

  it('reports where a problem is, through the story schema', () => {
    const parsed = BodyDocSchema.safeParse({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 5 }] }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['content', 0, 'content', 0, 'text'], message: 'Invalid input: expected string, received number' });
    const story = StorySchema.safeParse({ body: { type: 'paragraph' } });
    expect(story.error?.issues.find((issue) => issue.path[0] === 'body')).toMatchObject({ path: ['body'], message: NOT_A_DOC });
  });
});
