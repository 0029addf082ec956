import { create } from 'zustand';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../../../shared/exportSettings.js';
import { DEFAULT_LIBRARY_SETTINGS, type LibrarySettings } from '../../../shared/librarySettings.js';

interface SettingsState {
  exportSettings: ExportSettings;
  /** Who this user is in notes and history (Settings → Your name). */
  userName: string;
  /** The library's headline and dek length limits. */
  limits: LibrarySettings;
  dialogOpen: boolean;
}

export const useSettingsStore = create<SettingsState>(() => ({
  exportSettings: DEFAULT_EXPORT_SETTINGS,
  userName: '',
  limits: DEFAULT_LIBRARY_SETTINGS,
  dialogOpen: false,
}));

export function settingsLoaded(settings: { exportSettings: ExportSettings; userName: string; limits: LibrarySettings }): void {
  useSettingsStore.setState(settings);
}

export function settingsSaved(settings: { exportSettings: ExportSettings; userName: string; limits: LibrarySettings }): void {
  useSettingsStore.setState({ ...settings, dialogOpen: false });
}

export const settingsOpened = () => useSettingsStore.setState({ dialogOpen: true });
export const settingsClosed = () => useSettingsStore.setState({ dialogOpen: false });
