import type { RefObject } from 'react';

/** What `usePeaksWaveSurfer` gives its surface. */
export interface WaveformSurfaceBinding {
  /** Where the waveform is drawn. */
  containerRef: RefObject<HTMLDivElement | null>;
  /** Where the timeline is drawn. */
  timelineRef: RefObject<HTMLDivElement | null>;
  drawn: boolean;
  ready: boolean;
}

export interface WaveformSurfaceProps extends WaveformSurfaceBinding {
  /** Accessible name of the waveform: what it shows and what clicking and dragging do. */
  label: string;
}

/**
 * Where a `usePeaksWaveSurfer` waveform and its timeline are drawn. `data-drawn` and
 * `data-ready` tell tests (and styles) when the peaks are on screen and the audio can play.
 */
export function WaveformSurface({
  containerRef,
  timelineRef,
  drawn,
  ready,
  label,
}: WaveformSurfaceProps) {
  return (
    <>
      <div
        ref={containerRef}
        className="review-waveform__wave"
        data-testid="waveform"
        data-drawn={drawn}
        data-ready={ready}
        role="group"
        aria-label={label}
      />
      <div ref={timelineRef} className="review-waveform__timeline" />
    </>
  );
}
