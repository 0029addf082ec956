import { useId, useRef, useState, type FormEvent } from 'react';
import type { ExportSettings } from '../../../shared/exportSettings.js';
import { LibrarySettingsPatchSchema, type LibrarySettings } from '../../../shared/librarySettings.js';
import { UserNameInputSchema } from '../../../shared/preferences.js';
import { USER_NAME_MAX } from '../../../shared/story.js';
import { call, errorMessage } from '../api.js';
import { FieldHint } from '../ui/FieldHint.js';
import { useModalDialog } from '../ui/useModalDialog.js';
import { ExportSettingsFields } from './ExportSettingsFields.js';
import { LibraryLimitsFields, type LimitsDraft } from './LibraryLimitsFields.js';
import { PreflightLevelsFields } from './PreflightLevelsFields.js';
import { SettingsField } from './SettingsField.js';
import { validateExportSettings, type ExportSettingsErrors } from './validateExportSettings.js';

type FieldName = keyof ExportSettings;

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

/** The user's name and the library's export settings as a modal form: checked as they are typed, saved on submit. Escape closes. */
export function SettingsDialog({ settings, userName, limits, sections, onManageSections, onSaved, onClose }: SettingsDialogProps) {
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const headlineLimitRef = useRef<HTMLInputElement>(null);
  const modal = useModalDialog({ onCancel: onClose, initialFocus: firstFieldRef });
  const titleId = useId();
  const [draft, setDraft] = useState<ExportSettings>(settings);
  const [nameDraft, setNameDraft] = useState(userName);
  const [nameError, setNameError] = useState<string | null>(null);
  const [limitDraft, setLimitDraft] = useState<LimitsDraft>({ headlineLimit: String(limits.headlineLimit), dekLimit: String(limits.dekLimit) });
  const [limitError, setLimitError] = useState<string | null>(null);
  const [preflightDraft, setPreflightDraft] = useState(limits.preflight);
  const [errors, setErrors] = useState<ExportSettingsErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  function change<K extends FieldName>(name: K, value: ExportSettings[K]) {
    setDraft((previous) => ({ ...previous, [name]: value }));
    setErrors((previous) => ({ ...previous, [name]: undefined }));
    setSaveError(null);
  }

  function check(name: FieldName) {
    const problem = validateExportSettings({ [name]: draft[name] })[name];
    setErrors((previous) => ({ ...previous, [name]: problem }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateExportSettings(draft);
    setErrors(problems);
    const name = UserNameInputSchema.safeParse(nameDraft);
    setNameError(name.success ? null : (name.error.issues[0]?.message ?? 'Not a name.'));
    if (!name.success) {
      firstFieldRef.current?.focus();
      return;
    }
    const limitPatch = LibrarySettingsPatchSchema.safeParse({ headlineLimit: Number(limitDraft.headlineLimit), dekLimit: Number(limitDraft.dekLimit), preflight: preflightDraft });
    setLimitError(limitPatch.success ? null : (limitPatch.error.issues[0]?.message ?? 'Not a limit.'));
    if (!limitPatch.success) {
      headlineLimitRef.current?.focus();
      return;
    }
    const firstInvalid = (Object.keys(problems) as FieldName[])[0];
    if (firstInvalid) {
      modal.ref.current?.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const savedName = name.data === userName ? userName : (await call('savePreferences', { userName: name.data })).userName;
      const preflightChanged = Object.entries(preflightDraft).some(([id, level]) => limits.preflight[id as keyof typeof preflightDraft] !== level);
      const limitsChanged = limitPatch.data.headlineLimit !== limits.headlineLimit || limitPatch.data.dekLimit !== limits.dekLimit || preflightChanged;
      const savedLimits = limitsChanged ? await call('saveLibrarySettings', limitPatch.data) : limits;
      onSaved(await call('saveExportSettings', draft), savedName, savedLimits);
    } catch (error) {
      setSaveError(`The settings were not saved: ${errorMessage(error)}`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <dialog {...modal} className="dialog settings-dialog" aria-labelledby={titleId}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={titleId} className="dialog-title">
          Settings
        </h2>
        <SettingsField label="Your name" error={nameError} hint="On this computer: recorded with your status changes, notes and saves.">
          {(props) => (
            <input
              {...props}
              ref={firstFieldRef}
              type="text"
              className="field-control"
              value={nameDraft}
              maxLength={USER_NAME_MAX + 20}
              autoComplete="name"
              onChange={(event) => {
                setNameDraft(event.target.value);
                setNameError(null);
              }}
            />
          )}
        </SettingsField>
        <h3 className="settings-subtitle">This library’s counters</h3>
        <LibraryLimitsFields
          draft={limitDraft}
          error={limitError}
          headlineRef={headlineLimitRef}
          onChange={(patch) => {
            setLimitDraft((previous) => ({ ...previous, ...patch }));
            setLimitError(null);
          }}
        />
        <h3 className="settings-subtitle settings-subtitle-next">This library’s preflight</h3>
        <PreflightLevelsFields
          levels={preflightDraft}
          onChange={(id, level) => {
            setPreflightDraft((previous) => ({ ...previous, [id]: level }));
            setSaveError(null);
          }}
        />
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
        <ExportSettingsFields draft={draft} errors={errors} onChange={change} onCheck={check} />
        <FieldHint error={saveError} className="dialog-error" />
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
