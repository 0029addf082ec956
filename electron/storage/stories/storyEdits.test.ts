import { describe, expect, it } from 'vitest';
import { sampleStoryFields } from '../../../e2e/fixtures/sampleStory.js';
import { editedFields, sameFields } from './storyEdits.js';

const fields = () => editedFields(sampleStoryFields(), null);

describe('comparing a save with the stored story', () => {
  it('finds equal copies the same, so nothing is written', () => {
    expect(sameFields(fields(), fields())).toBe(true);
  });

  it('finds any change of text, mark, attribute or structure deep in the body', () => {
    const changes: ((body: ReturnType<typeof fields>['body']) => void)[] = [
      (body) => void (body.content![0]!.content![0]!.text += '!'),
      (body) => void body.content![0]!.content![1]!.marks!.pop(),
      (body) => void (body.content![1]!.attrs!.level = 3),
      (body) => void body.content!.pop(),
      (body) => void (body.content![0]!.content![2]!.marks = [{ type: 'bold' }]),
    ];
    for (const change of changes) {
      const edited = fields();
      change(edited.body);
      expect(sameFields(fields(), edited)).toBe(false);
    }
  });

  it('finds a change of any other field', () => {
    expect(sameFields(fields(), { ...fields(), tags: ['Japan'] })).toBe(false);
    expect(sameFields(fields(), { ...fields(), dek: '' })).toBe(false);
    expect(sameFields(fields(), { ...fields(), publishedAt: '2026-05-20T09:00:00.000Z' })).toBe(false);
  });
});
