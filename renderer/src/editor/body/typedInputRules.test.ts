import { getSchema, resolveExtensions, type Editor, type InputRule } from '@tiptap/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStoryExtensions } from '../../../../shared/storyExtensions.js';
import { collectInputRules, mayCompleteInputRule } from './typedInputRules.js';

const extensions = resolveExtensions(createStoryExtensions());
// Building a rule reads only its extension's options and node or mark type, never the editor.
const rules = collectInputRules(extensions, { extensionStorage: {} } as unknown as Editor, getSchema(createStoryExtensions()));

const matches = (rule: InputRule, textBefore: string): boolean =>
  rule.find instanceof RegExp ? rule.find.exec(textBefore) !== null : rule.find(textBefore) !== null;

describe('the body’s input rules', () => {
  it('are the shortcuts a writer types: subheads, quotes, lists, bold and italic', () => {
    for (const typed of ['## ', '### ', '> ', '- ', '* ', '+ ', '1. ', 'a **word**', 'a __word__', 'a *word*', 'a _word_']) {
      expect(rules.some((rule) => matches(rule, typed)), typed).toBe(true);
    }
  });

  it('never match text that ends in a letter, so a letter need not ask them', () => {
    const letter = fc.constantFrom('a', 'Z', 'é', 'e\u0301', 'ß', '語', 'ニ', 'ب', 'ж');
    const anything = fc.constantFrom('#', '##', '>', '-', '+', '*', '**', '_', '__', '~', '`', '.', '1', '12.', '=', ' ', '\n', 'a', 'word', 'é');
    fc.assert(
      fc.property(fc.array(anything, { maxLength: 12 }), letter, (before, last) => {
        const textBefore = before.join('') + last;
        expect(mayCompleteInputRule(last)).toBe(false);
        expect(rules.filter((rule) => matches(rule, textBefore))).toEqual([]);
      }),
      { numRuns: 5_000 },
    );
  });

  it('are asked for every key that is not a letter', () => {
    for (const typed of [' ', '\n', '*', '_', '.', '1', '>', '-', '#', '\u00a0', '']) expect(mayCompleteInputRule(typed), JSON.stringify(typed)).toBe(true);
    for (const typed of ['a', 'Ж', '語', 'e\u0301', 'ab']) expect(mayCompleteInputRule(typed), typed).toBe(false);
  });
});
