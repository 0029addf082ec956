// settings: the Settings dialog (export settings, your name, length limits) and the settings the window uses.
export { SettingsDialog } from './SettingsDialog.js';
export { settingsClosed, settingsLoaded, settingsOpened, settingsSaved, useSettingsStore } from './settingsStore.js';
