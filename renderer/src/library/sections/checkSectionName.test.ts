import { describe, expect, it } from 'vitest';
import { checkSectionName } from './checkSectionName.js';

describe('checkSectionName', () => {
  it('tidies the spaces in a name the list does not have yet', () => {
    expect(checkSectionName('  Tokyo   Report ', ['Politics'])).toEqual({ ok: true, name: 'Tokyo Report' });
  });

  it('refuses a blank name', () => {
    expect(checkSectionName('   ', [])).toEqual({ ok: false, message: 'A section name cannot be blank.' });
  });

  it('refuses a name already in the list whatever its capitals, naming the one there', () => {
    expect(checkSectionName('politics', ['Sport', 'Politics'])).toEqual({
      ok: false,
      message: 'There is already a section “Politics” (names are compared ignoring capitals).',
    });
  });
});
