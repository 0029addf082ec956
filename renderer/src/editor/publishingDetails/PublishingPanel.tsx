import { useId } from 'react';
import { storySlug } from '../../../../shared/export/storySlug.js';
import { slugify } from '../../../../shared/slugify.js';
import type { StoryMeta } from '../../../../shared/story.js';
import { LanguageField } from './LanguageField.js';
import { PublishDateField } from './PublishDateField.js';
import { TagsField } from './TagsField.js';
import { TextField } from '../../ui/TextField.js';

interface PublishingPanelProps extends StoryMeta {
  headline: string;
  timeZone: string;
  libraryLanguage: string;
  bodyText: () => string;
  onChange: (patch: Partial<StoryMeta>) => void;
}

/** How the story is published: its URL slug, tags, publish date and language. */
export function PublishingPanel({ slug, tags, publishedAt, language, headline, timeZone, libraryLanguage, bodyText, onChange }: PublishingPanelProps) {
  const headingId = useId();
  return (
    <section className="panel publishing" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        Publishing
      </h2>
      <TextField
        label="Slug"
        className="field-slug"
        value={slug}
        maxLength={200}
        spellCheck={false}
        placeholder={storySlug({ slug: '', headline })}
        hint={slugHint(slug, headline)}
        hintTone={slug.trim() && slugify(slug) !== slug ? 'warning' : 'info'}
        onChange={(value) => onChange({ slug: value })}
      />
      <TagsField tags={tags} onChange={(next) => onChange({ tags: next })} />
      <PublishDateField publishedAt={publishedAt} timeZone={timeZone} onChange={(next) => onChange({ publishedAt: next })} />
      <LanguageField
        language={language}
        headline={headline}
        bodyText={bodyText}
        libraryLanguage={libraryLanguage}
        onChange={(next) => onChange({ language: next })}
      />
    </section>
  );
}

function slugHint(slug: string, headline: string): string | null {
  if (!slug.trim()) return 'Left empty, it is made from the headline.';
  if (slugify(slug) === slug) return null;
  const exported = storySlug({ slug, headline });
  if (!slugify(slug)) return `Not a slug: it has no letters or digits, so the export uses “${exported}”.`;
  return `Not a slug: use lower-case letters, digits and hyphens. It exports as “${exported}”.`;
}
