import { ManageSectionsDialog, sectionsDialogOpened, useLibraryStore } from '../library/index.js';
import { batchExportClosed, cancelBatchExport, ExportDialog, usePublishingStore } from '../publishing/index.js';
import { SettingsDialog, settingsClosed, settingsSaved, useSettingsStore } from '../settings/index.js';
import { showInfo } from '../ui/noticeStore.js';

function OpenSettingsDialog() {
  const { exportSettings, userName, limits } = useSettingsStore();
  const sections = useLibraryStore((state) => state.managedSections);
  return (
    <SettingsDialog
      settings={exportSettings}
      userName={userName}
      limits={limits}
      sections={sections}
      onManageSections={sectionsDialogOpened}
      onSaved={(saved, savedName, savedLimits) => {
        settingsSaved({ exportSettings: saved, userName: savedName, limits: savedLimits });
        showInfo('Export settings saved');
      }}
      onClose={settingsClosed}
    />
  );
}

/** The window's modal dialogs, each shown while its feature says it is open. */
export function Dialogs() {
  const batch = usePublishingStore((state) => state.batch);
  const settingsOpen = useSettingsStore((state) => state.dialogOpen);
  return (
    <>
      {batch && <ExportDialog batch={batch} onCancel={cancelBatchExport} onClose={batchExportClosed} />}
      {settingsOpen && <OpenSettingsDialog />}
      <ManageSectionsDialog />
    </>
  );
}
