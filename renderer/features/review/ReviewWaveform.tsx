import { useEffect, useRef, useState } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import type { Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { EdgeSide, SectionSpan } from '../../../core/timing';
import type { Seconds } from '../../../core/units';
import { formatClock, seconds } from '../../../core/units';
import type { ReviewAudio } from '../../storage/review-audio';
import { describeBoundaryValue, makeBoundarySlider } from '../waveform/boundary-slider';
import type { RegionsApi } from '../waveform/use-peaks-wavesurfer';
import { usePeaksWaveSurfer } from '../waveform/use-peaks-wavesurfer';
import { WaveformSurface } from '../waveform/WaveformSurface';
import { PlaybackNote } from './PlaybackNote';
import type { ReviewPlayer } from './review-player';
import { sectionRegionColour } from './theme-colours';

export interface ReviewWaveformProps {
  audio: ReviewAudio;
  spans: readonly SectionSpan[];
  /** An edge of section `index` was dragged to `time`; `done` once the drag ends. */
  onEdgeMove: (index: number, side: EdgeSide, time: Seconds, done: boolean) => void;
  /** Receives the player once the waveform is ready, and undefined when it goes away. */
  onPlayer?: (player: ReviewPlayer | undefined) => void;
}

/**
 * The recording's waveform with one labelled region per section, a timeline, play/pause and
 * click-to-seek. Region edges can be dragged; the parent re-times the sections and the regions
 * follow the new spans.
 */
export function ReviewWaveform({ audio, spans, onEdgeMove, onPlayer }: ReviewWaveformProps) {
  const { surface, instance, drawn, playback, ready } = usePeaksWaveSurfer(audio, { height: 128 });
  const onEdgeMoveRef = useRef(onEdgeMove);
  const onPlayerRef = useRef(onPlayer);
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);

  useEffect(() => {
    onEdgeMoveRef.current = onEdgeMove;
    onPlayerRef.current = onPlayer;
  }, [onEdgeMove, onPlayer]);

  useEffect(() => {
    if (!instance) return;
    const { wavesurfer, regions } = instance;
    const edge = (region: Region, side: EdgeSide | undefined, done: boolean) => {
      const index = Number(region.element?.dataset.sectionIndex);
      if (side === undefined || !Number.isInteger(index)) return;
      onEdgeMoveRef.current(
        index,
        side,
        seconds(side === 'start' ? region.start : region.end),
        done,
      );
    };
    const unsubscribe = [
      regions.on('region-update', (region, side) => edge(region, side, false)),
      regions.on('region-updated', (region, side) => edge(region, side, true)),
      wavesurfer.on('play', () => setPlaying(true)),
      wavesurfer.on('pause', () => setPlaying(false)),
      wavesurfer.on('finish', () => setPlaying(false)),
      wavesurfer.on('timeupdate', (time) => setPosition(time)),
    ];
    return () => {
      for (const off of unsubscribe) off();
      onPlayerRef.current?.(undefined);
      setPlaying(false);
      setPosition(0);
    };
  }, [instance]);

  // The page's player (seeking from the section bars) only once the audio can play.
  useEffect(() => {
    if (!ready || !instance) return;
    onPlayerRef.current?.(playerOf(instance.wavesurfer));
  }, [ready, instance]);

  useEffect(() => {
    if (!drawn || !instance) return;
    syncRegions(instance.regions, spans, (index, time) =>
      onEdgeMoveRef.current(index, 'end', time, true),
    );
  }, [drawn, instance, spans]);

  return (
    <div className="review-waveform">
      <WaveformSurface
        {...surface}
        label="Waveform of the recording with its sections. Click to seek, drag section edges to re-time."
      />
      <div className="review-waveform__transport">
        <button
          type="button"
          className="button"
          disabled={!ready}
          onClick={() => void instance?.wavesurfer.playPause()}
          aria-label={playing ? 'Pause' : 'Play'}
        >
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <PlaybackNote status={playback} />
        <span className="review-waveform__clock" aria-label="Playback position">
          {formatClock(seconds(position))} / {formatClock(audio.duration)}
        </span>
      </div>
    </div>
  );
}

/** The player API over one wavesurfer instance. */
function playerOf(wavesurfer: WaveSurfer): ReviewPlayer {
  return {
    seekTo: (time) => wavesurfer.setTime(time),
    play: (from) => void wavesurfer.play(from),
    pause: () => wavesurfer.pause(),
    currentTime: () => seconds(wavesurfer.getCurrentTime()),
    onTimeUpdate: (listener) => wavesurfer.on('timeupdate', (time) => listener(seconds(time))),
  };
}

/**
 * Makes the regions match the spans: adds missing ones, moves changed ones, drops stale ones.
 * Each region but the last is also a keyboard slider for its end (← / →, Shift for 1 s).
 */
function syncRegions(
  regions: RegionsApi,
  spans: readonly SectionSpan[],
  moveEnd: (index: number, time: Seconds) => void,
): void {
  const wanted = new Set(spans.map((s) => s.spec.id));
  for (const region of regions.getRegions()) if (!wanted.has(region.id as never)) region.remove();
  const last = spans.length - 1;
  for (const span of spans) {
    let region = regions.getRegions().find((r) => r.id === span.spec.id);
    if (region) {
      if (Math.abs(region.start - span.start) > 1e-6 || Math.abs(region.end - span.end) > 1e-6) {
        region.setOptions({ start: span.start, end: span.end });
      }
    } else {
      region = regions.addRegion({
        id: span.spec.id,
        start: span.start,
        end: span.end,
        color: sectionRegionColour(span.index),
        content: span.spec.label,
        drag: false,
        resize: true,
        // The recording's own start and end are not boundaries.
        resizeStart: span.index > 0,
        resizeEnd: span.index < last,
      });
      describeRegion(region, span);
      if (span.index < last)
        makeBoundarySlider(region, (time) => moveEnd(span.index, seconds(time)));
    }
    if (region.element)
      describeBoundaryValue(region.element, span.end, spans[last]?.end ?? span.end);
  }
}

/** Test id and accessible name of a section's region. */
function describeRegion(region: Region, span: SectionSpan): void {
  const element = region.element;
  if (!element) return;
  element.setAttribute('data-testid', `section-region-${span.spec.id}`);
  element.setAttribute('aria-label', `${span.spec.label} section`);
  element.dataset.sectionIndex = String(span.index);
}
