import { create } from 'zustand';
import type { NoticeMessage } from './Notice.js';

interface NoticeState {
  /** The one message under the top bar, or null. */
  notice: NoticeMessage | null;
}

/** The window's notice line: results and failures of whatever the user did last. */
export const useNoticeStore = create<NoticeState>(() => ({ notice: null }));

export function noticeShown(notice: NoticeMessage): void {
  useNoticeStore.setState({ notice });
}

export function noticeDismissed(): void {
  useNoticeStore.setState({ notice: null });
}

export const showInfo = (text: string, extra: Omit<NoticeMessage, 'tone' | 'text'> = {}) => noticeShown({ tone: 'info', text, ...extra });
export const showError = (text: string) => noticeShown({ tone: 'error', text });
