/** A TipTap/ProseMirror JSON node as stored; the exporter still treats it as untrusted. */
export interface BodyNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: BodyNode[];
  marks?: BodyMark[];
  text?: string;
}

export interface BodyMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A body nested deeper than this is refused: no editor makes one, and walking it could exhaust the stack. */
export const MAX_BODY_DEPTH = 40;
const MAX_TYPE_LENGTH = 64;

export const NOT_A_DOC = 'The body must be a "doc" node.';
export const TOO_DEEP = `The body is nested more than ${MAX_BODY_DEPTH} levels deep.`;

export interface BodyIssue {
  /** Where in the body, as keys and indexes from its root ([] for the body itself). */
  path: (string | number)[];
  message: string;
}

export type BodyParse = { success: true; data: BodyNode } | { success: false; issue: BodyIssue };

/** Thrown inside parseBody only, and caught there: carries the message, while `path` holds where. */
class Invalid {
  constructor(readonly message: string) {}
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function received(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

const expected = (what: string, value: unknown) => new Invalid(`Invalid input: expected ${what}, received ${received(value)}`);

/** A copy of an attrs object: own keys, values as they are (attrs are free-form), never a `__proto__` key. */
function record(value: unknown): Record<string, unknown> {
  if (!isObject(value)) throw expected('record', value);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (key !== '__proto__') copy[key] = value[key];
  return copy;
}

function typeName(value: unknown, path: (string | number)[]): string {
  path.push('type');
  if (typeof value !== 'string') throw expected('string', value);
  if (value.length < 1) throw new Invalid('Too small: expected string to have >=1 characters');
  if (value.length > MAX_TYPE_LENGTH) throw new Invalid(`Too big: expected string to have <=${MAX_TYPE_LENGTH} characters`);
  path.pop();
  return value;
}

function marksOf(value: unknown, path: (string | number)[]): BodyMark[] {
  if (!Array.isArray(value)) throw expected('array', value);
  const marks: BodyMark[] = new Array(value.length);
  for (let i = 0; i < value.length; i += 1) {
    path.push(i);
    const input: unknown = value[i];
    if (!isObject(input)) throw expected('object', input);
    const mark: BodyMark = { type: typeName(input.type, path) };
    if (input.attrs !== undefined) {
      path.push('attrs');
      mark.attrs = record(input.attrs);
      path.pop();
    } else if ('attrs' in input) mark.attrs = undefined;
    marks[i] = mark;
    path.pop();
  }
  return marks;
}

function nodeOf(input: unknown, path: (string | number)[], depth: number): BodyNode {
  if (!isObject(input)) throw expected('object', input);
  if (depth > MAX_BODY_DEPTH) {
    path.length = 0;
    throw new Invalid(TOO_DEEP);
  }
  const node: BodyNode = { type: typeName(input.type, path) };
  const { attrs, content, marks, text } = input;
  if (attrs !== undefined) {
    path.push('attrs');
    node.attrs = record(attrs);
    path.pop();
  } else if ('attrs' in input) node.attrs = undefined;
  if (content !== undefined) {
    path.push('content');
    if (!Array.isArray(content)) throw expected('array', content);
    const children: BodyNode[] = new Array(content.length);
    for (let i = 0; i < content.length; i += 1) {
      path.push(i);
      children[i] = nodeOf(content[i], path, depth + 1);
      path.pop();
    }
    node.content = children;
    path.pop();
  } else if ('content' in input) node.content = undefined;
  if (marks !== undefined) {
    path.push('marks');
    node.marks = marksOf(marks, path);
    path.pop();
  } else if ('marks' in input) node.marks = undefined;
  if (text !== undefined) {
    if (typeof text !== 'string') {
      path.push('text');
      throw expected('string', text);
    }
    node.text = text;
  } else if ('text' in input) node.text = undefined;
  return node;
}

/**
 * Checks a stored or received body and returns a copy holding only the keys a body node has (type, attrs, content,
 * marks, text, in that order). The first problem found is reported with where it is, as the zod schema this replaces
 * did (story.test.ts compares the two on random bodies); it is several times faster, which batch export needs.
 * A body nested more than MAX_BODY_DEPTH levels is refused as soon as the walk reaches that depth.
 */
export function parseBody(input: unknown): BodyParse {
  const path: (string | number)[] = [];
  try {
    const data = nodeOf(input, path, 1);
    if (data.type !== 'doc') return { success: false, issue: { path: [], message: NOT_A_DOC } };
    return { success: true, data };
  } catch (error) {
    if (error instanceof Invalid) return { success: false, issue: { path, message: error.message } };
    throw error;
  }
}
