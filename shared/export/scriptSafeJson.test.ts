import { describe, expect, it } from 'vitest';
import { scriptSafeJson } from './scriptSafeJson.js';

describe('JSON inside a script element', () => {
  const hostile = { headline: '</script><script>alert(1)</script>', dek: '<!-- x --> & \u2028\u2029 "quoted"', tags: ['</SCRIPT >'] };

  it('cannot end or comment out the element', () => {
    const json = scriptSafeJson(hostile);
    expect(json).not.toMatch(/<|>|&|\u2028|\u2029/);
    expect(json).toContain('\\u003c/script\\u003e');
  });

  it('still parses back to the same value', () => {
    expect(JSON.parse(scriptSafeJson(hostile))).toEqual(hostile);
  });
});
