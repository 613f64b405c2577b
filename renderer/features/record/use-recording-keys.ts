import { useEffect } from 'react';
import { recordingController } from '../../app/services';

/** Elements where Space or arrows must keep their own meaning. */
const isTextEntry = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Keyboard control: Space starts and stops, Esc stops, N or → marks the next section.
 * Space is taken from buttons too, so it never both toggles and "clicks" the focused control.
 */
export function useRecordingKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextEntry(event.target)) return;
      if (event.code === 'Space') {
        event.preventDefault();
        if (!event.repeat) void recordingController.toggle();
      } else if (event.key === 'Escape') {
        void recordingController.stop('stopped');
      } else if (event.key === 'n' || event.key === 'N' || event.key === 'ArrowRight') {
        if (!event.repeat) recordingController.markNextSection();
      }
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.code === 'Space' && !isTextEntry(event.target)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, []);
}
