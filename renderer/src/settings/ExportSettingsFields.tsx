import { useId, useMemo } from 'react';
import { zonedDateTime } from '../../../shared/export/zonedDateTime.js';
import { isTimeZone, type ExportSettings } from '../../../shared/exportSettings.js';
import { offsetLabel } from '../ui/zonedWallTime.js';
import { SettingsField, type SettingsControlProps } from './SettingsField.js';
import type { ExportSettingsErrors } from './validateExportSettings.js';

const LANGUAGES = ['en', 'en-GB', 'en-US', 'ar', 'de', 'es', 'fr', 'he', 'it', 'ja', 'ko', 'nl', 'pt', 'ru', 'zh-Hans', 'zh-Hant'];

interface ExportSettingsFieldsProps {
  draft: ExportSettings;
  errors: ExportSettingsErrors;
  onChange: <K extends keyof ExportSettings>(name: K, value: ExportSettings[K]) => void;
  /** A field was left: check what it holds now. */
  onCheck: (name: keyof ExportSettings) => void;
}

/** The library's export settings: publication, base URL, time zone, language, stylesheet and images. */
export function ExportSettingsFields({ draft, errors, onChange, onCheck }: ExportSettingsFieldsProps) {
  const ids = { zones: useId(), languages: useId() };
  const zones = useMemo(() => ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')], []);
  const zoneNow = isTimeZone(draft.timeZone) ? zonedDateTime(new Date(), draft.timeZone) : null;
  return (
    <div className="settings-grid">
      <SettingsField label="Publication name" name="publicationName" error={errors.publicationName} hint="The site name in social cards and the publisher in search data.">
        {(props) => (
          <input
            {...props}
            type="text"
            className="field-control"
            value={draft.publicationName}
            maxLength={200}
            autoComplete="off"
            placeholder="e.g. The Diplomat"
            onChange={(event) => onChange('publicationName', event.target.value)}
          />
        )}
      </SettingsField>
      <SettingsField
        label="Base URL"
        name="baseUrl"
        error={errors.baseUrl}
        hint="Each story’s canonical URL is this address plus its slug. Leave empty for no canonical URL."
      >
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="url"
            className="field-control"
            value={draft.baseUrl}
            maxLength={500}
            spellCheck={false}
            autoComplete="off"
            placeholder="https://news.example.com/stories/"
            onChange={(event) => onChange('baseUrl', event.target.value.trim())}
            onBlur={() => onCheck('baseUrl')}
          />
        )}
      </SettingsField>
      <div className="settings-row">
        <SettingsField
          label="Time zone"
          name="timeZone"
          error={errors.timeZone}
          hint={zoneNow ? `Now ${zoneNow.slice(11, 16)} there (UTC${offsetLabel(zoneNow)}).` : 'An IANA name, like Asia/Tokyo.'}
        >
          {(props) => <SuggestedInput {...props} list={ids.zones} value={draft.timeZone} onChange={(value) => onChange('timeZone', value)} onBlur={() => onCheck('timeZone')} />}
        </SettingsField>
        <SettingsField label="Language" name="language" error={errors.language} hint="A language tag: en, ja, ar-EG…">
          {(props) => <SuggestedInput {...props} list={ids.languages} value={draft.language} onChange={(value) => onChange('language', value)} onBlur={() => onCheck('language')} />}
        </SettingsField>
      </div>
      <datalist id={ids.zones}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <datalist id={ids.languages}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} />
        ))}
      </datalist>
      <label className="check-field">
        <input type="checkbox" name="stylesheet" checked={draft.stylesheet} onChange={(event) => onChange('stylesheet', event.target.checked)} />
        <span>
          <span className="check-label">Include stylesheet</span>
          <span className="field-hint">Readable type on screen and clean print, inside each exported document.</span>
        </span>
      </label>
      <fieldset className="radio-group">
        <legend className="field-label">Images</legend>
        <label className="check-field">
          <input type="radio" name="imageMode" value="copy" checked={draft.imageMode === 'copy'} onChange={() => onChange('imageMode', 'copy')} />
          <span>
            <span className="check-label">Copy beside the HTML</span>
            <span className="field-hint">The lead image is a file in the story’s folder.</span>
          </span>
        </label>
        <label className="check-field">
          <input type="radio" name="imageMode" value="embed" checked={draft.imageMode === 'embed'} onChange={() => onChange('imageMode', 'embed')} />
          <span>
            <span className="check-label">Embed in the HTML</span>
            <span className="field-hint">One self-contained file; social cards then have no image.</span>
          </span>
        </label>
      </fieldset>
    </div>
  );
}

interface SuggestedInputProps extends SettingsControlProps {
  list: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** A name typed or picked from a datalist (a time zone, a language tag), trimmed as it is typed. */
function SuggestedInput({ onChange, ...props }: SuggestedInputProps) {
  return (
    <input
      {...props}
      type="text"
      className="field-control"
      maxLength={64}
      spellCheck={false}
      autoComplete="off"
      onChange={(event) => onChange(event.target.value.trim())}
    />
  );
}
