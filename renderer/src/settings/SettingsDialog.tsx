import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { zonedDateTime } from '../../../shared/export/zonedDateTime.js';
import { ExportSettingsPatchSchema, isTimeZone, type ExportSettings } from '../../../shared/exportSettings.js';
import { LibrarySettingsPatchSchema, type LibrarySettings } from '../../../shared/librarySettings.js';
import { UserNameInputSchema } from '../../../shared/preferences.js';
import { USER_NAME_MAX } from '../../../shared/story.js';
import { call, errorMessage } from '../api.js';
import { useModalDialog } from '../ui/useModalDialog.js';
import { offsetLabel } from '../ui/zonedWallTime.js';

type FieldName = keyof ExportSettings;
type FieldErrors = Partial<Record<FieldName, string>>;

interface SettingsDialogProps {
  settings: ExportSettings;
  /** The user name recorded with status changes and notes (an app preference, not the library's). */
  userName: string;
  /** The library's headline and dek limits for the editor's counters. */
  limits: LibrarySettings;
  /** The library's managed sections, shown here and managed in their own dialog (changes there apply at once). */
  sections: readonly string[];
  onManageSections: () => void;
  onSaved: (settings: ExportSettings, userName: string, limits: LibrarySettings) => void;
  onClose: () => void;
}

const LANGUAGES = ['en', 'en-GB', 'en-US', 'ar', 'de', 'es', 'fr', 'he', 'it', 'ja', 'ko', 'nl', 'pt', 'ru', 'zh-Hans', 'zh-Hant'];

/** The user's name and the library's export settings as a modal form: checked as they are typed, saved on submit. Escape closes. */
export function SettingsDialog({ settings, userName, limits, sections, onManageSections, onSaved, onClose }: SettingsDialogProps) {
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const dialogRef = useModalDialog({ onCancel: onClose, initialFocus: firstFieldRef }).ref;
  const titleId = useId();
  const ids = { zones: useId(), languages: useId() };
  const [draft, setDraft] = useState<ExportSettings>(settings);
  const [nameDraft, setNameDraft] = useState(userName);
  const [nameError, setNameError] = useState<string | null>(null);
  const nameId = useId();
  const limitIds = { headline: useId(), dek: useId() };
  const [limitDraft, setLimitDraft] = useState({ headlineLimit: String(limits.headlineLimit), dekLimit: String(limits.dekLimit) });
  const [limitError, setLimitError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const zones = useMemo(() => ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')], []);

  function change<K extends FieldName>(name: K, value: ExportSettings[K]) {
    setDraft((previous) => ({ ...previous, [name]: value }));
    setErrors((previous) => ({ ...previous, [name]: undefined }));
    setSaveError(null);
  }

  function check(name: FieldName) {
    const problem = validate({ [name]: draft[name] })[name];
    setErrors((previous) => ({ ...previous, [name]: problem }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validate(draft);
    setErrors(problems);
    const name = UserNameInputSchema.safeParse(nameDraft);
    setNameError(name.success ? null : (name.error.issues[0]?.message ?? 'Not a name.'));
    if (!name.success) {
      firstFieldRef.current?.focus();
      return;
    }
    const limitPatch = LibrarySettingsPatchSchema.safeParse({ headlineLimit: Number(limitDraft.headlineLimit), dekLimit: Number(limitDraft.dekLimit) });
    setLimitError(limitPatch.success ? null : (limitPatch.error.issues[0]?.message ?? 'Not a limit.'));
    if (!limitPatch.success) {
      dialogRef.current?.querySelector<HTMLElement>(`#${CSS.escape(limitIds.headline)}`)?.focus();
      return;
    }
    const firstInvalid = (Object.keys(problems) as FieldName[])[0];
    if (firstInvalid) {
      dialogRef.current?.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const savedName = name.data === userName ? userName : (await call('savePreferences', { userName: name.data })).userName;
      const limitsChanged = limitPatch.data.headlineLimit !== limits.headlineLimit || limitPatch.data.dekLimit !== limits.dekLimit;
      const savedLimits = limitsChanged ? await call('saveLibrarySettings', limitPatch.data) : limits;
      onSaved(await call('saveExportSettings', draft), savedName, savedLimits);
    } catch (error) {
      setSaveError(`The settings were not saved: ${errorMessage(error)}`);
    } finally {
      setSaving(false);
    }
  }

  const zoneNow = isTimeZone(draft.timeZone) ? zonedDateTime(new Date(), draft.timeZone) : null;

  return (
    <dialog
      ref={dialogRef}
      className="dialog settings-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={titleId} className="dialog-title">
          Settings
        </h2>
        <div className="field">
          <label className="field-label" htmlFor={nameId}>
            Your name
          </label>
          <input
            id={nameId}
            ref={firstFieldRef}
            type="text"
            className="field-control"
            value={nameDraft}
            maxLength={USER_NAME_MAX + 20}
            autoComplete="name"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={`${nameId}-note`}
            onChange={(event) => {
              setNameDraft(event.target.value);
              setNameError(null);
            }}
          />
          <p id={`${nameId}-note`} className={nameError ? 'field-hint field-hint-error' : 'field-hint'} role={nameError ? 'alert' : undefined}>
            {nameError ?? 'On this computer: recorded with your status changes, notes and saves.'}
          </p>
        </div>
        <h3 className="settings-subtitle">This library’s counters</h3>
        <div className="settings-row settings-limits">
          <div className="field">
            <label className="field-label" htmlFor={limitIds.headline}>
              Headline limit
            </label>
            <input
              id={limitIds.headline}
              type="number"
              min={1}
              max={500}
              className="field-control"
              value={limitDraft.headlineLimit}
              aria-invalid={limitError ? true : undefined}
              onChange={(event) => {
                setLimitDraft((previous) => ({ ...previous, headlineLimit: event.target.value }));
                setLimitError(null);
              }}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={limitIds.dek}>
              Dek limit
            </label>
            <input
              id={limitIds.dek}
              type="number"
              min={1}
              max={2000}
              className="field-control"
              value={limitDraft.dekLimit}
              aria-invalid={limitError ? true : undefined}
              onChange={(event) => {
                setLimitDraft((previous) => ({ ...previous, dekLimit: event.target.value }));
                setLimitError(null);
              }}
            />
          </div>
        </div>
        <p className={limitError ? 'field-hint field-hint-error' : 'field-hint'} role={limitError ? 'alert' : undefined}>
          {limitError ?? 'Characters; the editor shows a counter and warns beyond them.'}
        </p>
        <h3 className="settings-subtitle settings-subtitle-next">This library’s sections</h3>
        <div className="settings-sections">
          <p className="settings-sections-list">
            {sections.length > 0 ? sections.join(' · ') : 'None yet: the Section field suggests only the sections stories already have.'}
          </p>
          <button type="button" className="button" onClick={onManageSections}>
            Manage sections…
          </button>
        </div>
        <h3 className="settings-subtitle settings-subtitle-next">Export</h3>
        <p className="dialog-intro">Stored in this library and used by every export, the preview and the copy for a CMS.</p>
        <div className="settings-grid">
          <SettingField label="Publication name" name="publicationName" error={errors.publicationName} hint="The site name in social cards and the publisher in search data.">
            {(props) => (
              <input
                {...props}
                type="text"
                className="field-control"
                value={draft.publicationName}
                maxLength={200}
                autoComplete="off"
                placeholder="e.g. The Diplomat"
                onChange={(event) => change('publicationName', event.target.value)}
              />
            )}
          </SettingField>
          <SettingField
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
                onChange={(event) => change('baseUrl', event.target.value.trim())}
                onBlur={() => check('baseUrl')}
              />
            )}
          </SettingField>
          <div className="settings-row">
            <SettingField
              label="Time zone"
              name="timeZone"
              error={errors.timeZone}
              hint={zoneNow ? `Now ${zoneNow.slice(11, 16)} there (UTC${offsetLabel(zoneNow)}).` : 'An IANA name, like Asia/Tokyo.'}
            >
              {(props) => (
                <input
                  {...props}
                  type="text"
                  list={ids.zones}
                  className="field-control"
                  value={draft.timeZone}
                  maxLength={64}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(event) => change('timeZone', event.target.value.trim())}
                  onBlur={() => check('timeZone')}
                />
              )}
            </SettingField>
            <SettingField label="Language" name="language" error={errors.language} hint="A language tag: en, ja, ar-EG…">
              {(props) => (
                <input
                  {...props}
                  type="text"
                  list={ids.languages}
                  className="field-control"
                  value={draft.language}
                  maxLength={64}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(event) => change('language', event.target.value.trim())}
                  onBlur={() => check('language')}
                />
              )}
            </SettingField>
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
            <input type="checkbox" name="stylesheet" checked={draft.stylesheet} onChange={(event) => change('stylesheet', event.target.checked)} />
            <span>
              <span className="check-label">Include stylesheet</span>
              <span className="field-hint">Readable type on screen and clean print, inside each exported document.</span>
            </span>
          </label>
          <fieldset className="radio-group">
            <legend className="field-label">Images</legend>
            <label className="check-field">
              <input type="radio" name="imageMode" value="copy" checked={draft.imageMode === 'copy'} onChange={() => change('imageMode', 'copy')} />
              <span>
                <span className="check-label">Copy beside the HTML</span>
                <span className="field-hint">The lead image is a file in the story’s folder.</span>
              </span>
            </label>
            <label className="check-field">
              <input type="radio" name="imageMode" value="embed" checked={draft.imageMode === 'embed'} onChange={() => change('imageMode', 'embed')} />
              <span>
                <span className="check-label">Embed in the HTML</span>
                <span className="field-hint">One self-contained file; social cards then have no image.</span>
              </span>
            </label>
          </fieldset>
        </div>
        {saveError && (
          <p className="field-hint field-hint-error dialog-error" role="alert">
            {saveError}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

interface ControlProps {
  id: string;
  name: FieldName;
  'aria-invalid': true | undefined;
  'aria-describedby': string;
}

/** A labelled setting with its hint, or its error in place of the hint. */
function SettingField({
  label,
  name,
  error,
  hint,
  children,
}: {
  label: string;
  name: FieldName;
  error: string | undefined;
  hint: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const describedBy = `${id}-note`;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error ? (
        <p id={describedBy} className="field-hint field-hint-error" role="alert">
          {error}
        </p>
      ) : (
        <p id={describedBy} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function validate(values: Partial<ExportSettings>): FieldErrors {
  const result = ExportSettingsPatchSchema.safeParse(values);
  const errors: FieldErrors = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = issue.path[0] as FieldName | undefined;
      if (name && !errors[name]) errors[name] = issue.message;
    }
  }
  return errors;
}
