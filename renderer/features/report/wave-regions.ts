/**
 * The engine's sections as wavesurfer.js regions: labelled, coloured by section, and each but
 * the last a keyboard slider for the boundary at its end.
 */
import { sectionRegionColour } from '../review/theme-colours';
import { describeBoundaryValue, makeBoundarySlider } from '../waveform/boundary-slider';
import type { RegionsApi } from '../waveform/use-peaks-wavesurfer';
import type { WaveSection } from './wave-sections';
import { regionLabel, regionTiming } from './wave-sections';

/**
 * Above this many sections the drag handles would cover the whole waveform: the regions keep
 * their colour and keyboard sliders, and boundaries move from the keyboard or the section list.
 */
const MAX_DRAGGABLE = 40;

/**
 * Makes the regions show the sections. When only times and labels changed (a correction was
 * re-analysed) the regions are updated in place, so a region being moved with the keyboard
 * keeps its focus; a different number of sections rebuilds them. Each region but the last is
 * a keyboard slider for the boundary at its end (← / →, Shift for 1 s).
 */
export function syncRegions(
  regions: RegionsApi,
  sections: readonly WaveSection[],
  moveStart: (index: number, time: number) => void,
  /** Regions shorter than this get no label (an hour at full width has no room for them). */
  minLabelledSeconds = 0,
): void {
  const last = sections.length - 1;
  const draggable = sections.length <= MAX_DRAGGABLE;
  if (regions.getRegions().length !== sections.length) {
    regions.clearRegions();
    sections.forEach((section, i) => {
      const region = regions.addRegion({
        id: `section-${i}`,
        start: section.start,
        end: section.end,
        drag: false,
        resize: draggable,
        resizeStart: i > 0,
        resizeEnd: i < last,
      });
      if (i < last) makeBoundarySlider(region, (time) => moveStart(i + 1, time));
    });
  }
  const end = sections[last]?.end ?? 0;
  regions.getRegions().forEach((region, i) => {
    const section = sections[i];
    const element = region.element;
    if (!section || !element) return;
    const label = regionLabel(section);
    if (
      Math.abs(region.start - section.start) > 1e-6 ||
      Math.abs(region.end - section.end) > 1e-6
    ) {
      region.setOptions({ start: section.start, end: section.end });
    }
    region.setOptions({
      color: sectionRegionColour(section.modeIndex),
      content:
        section.end - section.start >= minLabelledSeconds ? regionContent(section) : undefined,
    });
    element.dataset.sectionIndex = String(i);
    element.dataset.status = section.status;
    element.setAttribute('data-testid', `section-region-${section.id}`);
    element.setAttribute('aria-label', label);
    if (i < last) describeBoundaryValue(element, section.end, end);
  });
}

const STATUS_COLOUR: Record<WaveSection['status'], string> = {
  within: 'var(--ok)',
  under: 'var(--warn)',
  over: 'var(--danger)',
};

/**
 * A region's label: the section name, then its time and budget status in the status colour,
 * each on its own line and cut with an ellipsis when the region is narrow (the full text is the
 * region's accessible name and tooltip). Inline styles: the label lives in wavesurfer's shadow
 * DOM, where only the custom properties of the theme reach.
 */
function regionContent(section: WaveSection): HTMLElement {
  const box = document.createElement('div');
  box.title = regionLabel(section);
  const line = (text: string, colour: string) => {
    const div = document.createElement('div');
    div.textContent = text;
    Object.assign(div.style, {
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      color: colour,
    });
    box.append(div);
  };
  line(section.label, 'var(--text)');
  line(regionTiming(section), STATUS_COLOUR[section.status]);
  return box;
}
