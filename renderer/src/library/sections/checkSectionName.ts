import { SectionNameSchema } from '../../../../shared/librarySettings.js';

export type SectionNameCheck = { ok: true; name: string } | { ok: false; message: string };

/** A section name as the library would store it, or why it cannot be one: blank, too long, or already in the list. */
export function checkSectionName(raw: string, others: readonly string[]): SectionNameCheck {
  const parsed = SectionNameSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Not a section name.' };
  const clash = others.find((other) => other.toLocaleLowerCase() === parsed.data.toLocaleLowerCase());
  if (clash !== undefined) return { ok: false, message: `There is already a section “${clash}” (names are compared ignoring capitals).` };
  return { ok: true, name: parsed.data };
}
