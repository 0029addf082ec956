import { describe, expect, it } from 'vitest';
import { acceptFieldSuggestion, rejectFieldSuggestion, suggestFieldEdit } from './fieldSuggestionEdits.js';

const by = { author: 'Ed Editor', at: '2026-12-05T08:00:00.000Z' };
const dekSuggestion = { proposed: 'A longer dek', author: 'Wanda Writer', at: '2026-12-04T10:00:00.000Z' };

describe('suggestFieldEdit', () => {
  it('turns an edit into a suggestion by who and when, leaving the field alone', () => {
    const patch = suggestFieldEdit({ dek: dekSuggestion }, 'headline', 'Council backs budget', 'Council approves budget', by);
    expect(patch).toEqual({ fieldSuggestions: { dek: dekSuggestion, headline: { proposed: 'Council approves budget', ...by } } });
    expect('headline' in patch).toBe(false);
  });

  it('replaces an earlier suggestion on the same field with the latest edit and its author', () => {
    const earlier = { headline: { proposed: 'Council approves', author: 'Someone', at: '2026-12-01T00:00:00.000Z' } };
    expect(suggestFieldEdit(earlier, 'headline', 'Council backs budget', 'Council approves budget', by).fieldSuggestions.headline).toEqual({
      proposed: 'Council approves budget',
      ...by,
    });
  });

  it('withdraws the suggestion when the text is edited back to the stored value', () => {
    const pending = { headline: { proposed: 'Council approves budget', ...by }, dek: dekSuggestion };
    expect(suggestFieldEdit(pending, 'headline', 'Council backs budget', 'Council backs budget', by)).toEqual({ fieldSuggestions: { dek: dekSuggestion } });
  });

  it('keeps an empty proposal for a field that has text: deleting it all is a suggestion too', () => {
    expect(suggestFieldEdit({}, 'byline', 'By Wanda Writer', '', by).fieldSuggestions.byline).toEqual({ proposed: '', ...by });
  });
});

describe('accepting and rejecting', () => {
  const pending = { headline: { proposed: 'Council approves budget', ...by }, dek: dekSuggestion };

  it('accepting gives the field the proposed text and removes only that suggestion', () => {
    expect(acceptFieldSuggestion(pending, 'headline')).toEqual({ headline: 'Council approves budget', fieldSuggestions: { dek: dekSuggestion } });
  });

  it('rejecting removes only that suggestion and leaves the field as it is', () => {
    expect(rejectFieldSuggestion(pending, 'dek')).toEqual({ fieldSuggestions: { headline: pending.headline } });
  });

  it('accepting a field without a suggestion changes nothing', () => {
    expect(acceptFieldSuggestion({ dek: dekSuggestion }, 'byline')).toEqual({ fieldSuggestions: { dek: dekSuggestion } });
  });
});
