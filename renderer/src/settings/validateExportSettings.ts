import { ExportSettingsPatchSchema, type ExportSettings } from '../../../shared/exportSettings.js';

export type ExportSettingsErrors = Partial<Record<keyof ExportSettings, string>>;

/** Each given setting's first problem, by its name; an empty object when they are all fine. */
export function validateExportSettings(values: Partial<ExportSettings>): ExportSettingsErrors {
  const result = ExportSettingsPatchSchema.safeParse(values);
  const errors: ExportSettingsErrors = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = issue.path[0] as keyof ExportSettings | undefined;
      if (name && !errors[name]) errors[name] = issue.message;
    }
  }
  return errors;
}
