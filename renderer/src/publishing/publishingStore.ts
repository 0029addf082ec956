import { create } from 'zustand';
import type { ExportProgress, ExportSummary } from '../../../shared/contract.js';
import type { BatchExport } from './ExportDialog.js';

interface PublishingState {
  /** One story's export is running. */
  exporting: boolean;
  /** The batch export dialog's contents, from its first progress event to its summary being closed. */
  batch: BatchExport | null;
  /** A batch export was asked for and has not ended (its dialog opens once a folder is chosen). */
  batchRunning: boolean;
  copying: boolean;
  previewOpen: boolean;
}

export const usePublishingStore = create<PublishingState>(() => ({
  exporting: false,
  batch: null,
  batchRunning: false,
  copying: false,
  previewOpen: false,
}));

const set = usePublishingStore.setState;

export const exportStarted = () => set({ exporting: true });
export const exportEnded = () => set({ exporting: false });
export const copyStarted = () => set({ copying: true });
export const copyEnded = () => set({ copying: false });

export function batchExportStarted(started: ExportProgress): void {
  set((state) => ({ batch: state.batch ?? { phase: 'running', started, cancelling: false } }));
}

export function batchExportCancelRequested(): void {
  set((state) => ({ batch: state.batch?.phase === 'running' ? { ...state.batch, cancelling: true } : state.batch }));
}

export const batchExportRequested = () => set({ batchRunning: true });
export const batchExportEnded = () => set({ batchRunning: false });
export const batchExportFinished = (summary: ExportSummary | null) => set({ batch: summary ? { phase: 'finished', summary } : null });
export const batchExportClosed = () => set({ batch: null });
export const previewToggled = () => set((state) => ({ previewOpen: !state.previewOpen }));
export const previewClosed = () => set({ previewOpen: false });
