/**
 * Section regions as keyboard sliders: the region's element moves the boundary at its end with
 * the arrow keys, and tells assistive technology where that boundary is.
 */
import type { Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import { formatClock, seconds } from '../../../core/units';

/** Seconds an arrow key moves a boundary (Shift: a whole second). */
const KEY_STEP = 0.1;

/**
 * Makes the region focusable and a slider for the boundary at its end: ← / → move it by
 * 0.1 s (Shift: 1 s); `moveEndTo` receives the wanted new time in seconds.
 */
export function makeBoundarySlider(region: Region, moveEndTo: (time: number) => void): void {
  const element = region.element;
  if (!element) return;
  element.tabIndex = 0;
  element.setAttribute('role', 'slider');
  element.setAttribute('aria-keyshortcuts', 'ArrowLeft ArrowRight');
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    // The arrow must not also mean "next section" to the window-level keyboard shortcuts.
    event.stopPropagation();
    const step = (event.shiftKey ? 1 : KEY_STEP) * (event.key === 'ArrowLeft' ? -1 : 1);
    moveEndTo(region.end + step);
  });
}

/** The slider value of a region: its end, out of the recording's `total` seconds. */
export function describeBoundaryValue(element: HTMLElement, end: number, total: number): void {
  element.setAttribute('aria-valuemin', '0');
  element.setAttribute('aria-valuemax', total.toFixed(1));
  element.setAttribute('aria-valuenow', end.toFixed(1));
  element.setAttribute('aria-valuetext', `ends at ${formatClock(seconds(end))}`);
}
