import { useEffect } from 'react';
import { recordingController } from '../../app/services';
import { useAppStore } from '../../store/app-store';

/** Elements where Space or arrows must keep their own meaning. */
const isTextEntry = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The focused control Space would activate (buttons, sliders, anything focusable by Tab). */
const focusedControl = (event: KeyboardEvent) => {
  const target = event.composedPath()[0];
  return (
    target instanceof HTMLElement &&
    target !== document.body &&
    target.closest('button, a[href], [role=button], [role=slider], [tabindex]') !== null
  );
};

/**
 * Keyboard control: Space starts and stops, Esc stops, N or → marks the next section.
 * While idle, Space on a focused control keeps its usual meaning (press that control); while
 * recording it always stops, whatever has focus.
 */
export function useRecordingKeys(): void {
  useEffect(() => {
    let spaceTaken = false;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextEntry(event.target)) return;
      if (event.code === 'Space') {
        const idle = useAppStore.getState().phase === 'idle';
        spaceTaken = !(idle && focusedControl(event));
        if (!spaceTaken) return;
        event.preventDefault();
        if (!event.repeat) void recordingController.toggle();
      } else if (event.key === 'Escape') {
        void recordingController.stop('stopped');
      } else if (event.key === 'n' || event.key === 'N' || event.key === 'ArrowRight') {
        if (!event.repeat) recordingController.markNextSection();
      }
    };
    // A button fires its click on Space's keyup: cancel it when the keydown was ours.
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.code === 'Space' && spaceTaken) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, []);
}
