import { useId, useState } from 'react';
import { isLanguageTag, type StoryLanguage } from '../../../../shared/story.js';
import { languageName, resolveStoryLanguage } from '../../../../shared/storyLanguage.js';

/** The languages offered by name; any other BCP 47 tag can be typed under "Other". */
const COMMON = ['en', 'ja', 'zh', 'ko', 'ar', 'fa', 'he', 'ru', 'el', 'hi', 'th', 'fr', 'de', 'es', 'pt', 'it', 'tr', 'vi', 'id'];
const OTHER = 'other';

interface LanguageFieldProps {
  language: StoryLanguage;
  headline: string;
  /** The body's text, read when the panel renders (detection looks at the headline and body). */
  bodyText: () => string;
  libraryLanguage: string;
  onChange: (language: StoryLanguage) => void;
}

const label = (tag: string) => `${languageName(tag)} (${tag})`;

/** The story's language: detected from its text unless the writer picks one; says which language exports will use. */
export function LanguageField({ language, headline, bodyText, libraryLanguage, onChange }: LanguageFieldProps) {
  const id = useId();
  const otherId = `${id}-other`;
  const hintId = `${id}-hint`;
  const resolved = resolveStoryLanguage(language, () => `${headline}\n${bodyText()}`, libraryLanguage);
  const stored = language === 'detect' || language === 'library' ? language : COMMON.includes(language) ? language : OTHER;
  const [otherOpen, setOtherOpen] = useState(stored === OTHER);
  const chosen = otherOpen ? OTHER : stored;
  const [other, setOther] = useState(stored === OTHER ? language : '');
  const otherValid = isLanguageTag(other.trim());
  const detected = resolveStoryLanguage('detect', () => `${headline}\n${bodyText()}`, libraryLanguage);
  return (
    <div className="field field-language">
      <label className="field-label" htmlFor={id}>
        Language
      </label>
      <select
        id={id}
        className="field-control"
        value={chosen}
        aria-describedby={hintId}
        onChange={(event) => {
          const value = event.target.value;
          setOtherOpen(value === OTHER);
          if (value !== OTHER) onChange(value);
          else if (otherValid) onChange(other.trim());
        }}
      >
        <option value="detect">Detect from the text — {label(detected.tag)}</option>
        <option value="library">Library default — {label(libraryLanguage)}</option>
        {COMMON.map((tag) => (
          <option key={tag} value={tag}>
            {label(tag)}
          </option>
        ))}
        <option value={OTHER}>Other (a BCP 47 tag)…</option>
      </select>
      {chosen === OTHER && (
        <>
          <label className="field-label" htmlFor={otherId}>
            Language tag
          </label>
          <input
            id={otherId}
            className="field-control"
            value={other}
            spellCheck={false}
            aria-invalid={!otherValid}
            onChange={(event) => {
              setOther(event.target.value);
              if (isLanguageTag(event.target.value.trim())) onChange(event.target.value.trim());
            }}
          />
        </>
      )}
      <p id={hintId} className="field-hint" data-language-source={resolved.source}>
        {resolved.source === 'detected'
          ? `Detected: exports in ${label(resolved.tag)}.`
          : resolved.source === 'library'
            ? `Exports in the library default, ${label(resolved.tag)}.`
            : `Exports in ${label(resolved.tag)}, as chosen.`}
      </p>
    </div>
  );
}
