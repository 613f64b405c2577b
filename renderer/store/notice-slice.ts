/** The one message the app shows at a time (errors, recoveries, warnings). */
import type { SliceCreator } from './types';

export type NoticeTone = 'error' | 'warning' | 'info';

export interface Notice {
  tone: NoticeTone;
  text: string;
}

export interface NoticeSlice {
  notice: Notice | undefined;
  showNotice: (tone: NoticeTone, text: string) => void;
  dismissNotice: () => void;
}

export const createNoticeSlice: SliceCreator<NoticeSlice> = (set) => ({
  notice: undefined,
  showNotice: (tone, text) => set({ notice: { tone, text } }),
  dismissNotice: () => set({ notice: undefined }),
});
