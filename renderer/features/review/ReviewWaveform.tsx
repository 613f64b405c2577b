import { useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import type { EdgeSide, SectionSpan } from '../../../core/timing';
import type { Seconds } from '../../../core/units';
import { formatClock, seconds } from '../../../core/units';
import type { ReviewAudio } from '../../storage/review-audio';
import type { PlaybackStatus } from './playable-media';
import { attachPlayableAudio } from './playable-media';
import { PlaybackNote } from './PlaybackNote';
import type { ReviewPlayer } from './review-player';
import { readThemeColour, sectionRegionColour } from './theme-colours';

export interface ReviewWaveformProps {
  audio: ReviewAudio;
  spans: readonly SectionSpan[];
  /** An edge of section `index` was dragged to `time`; `done` once the drag ends. */
  onEdgeMove: (index: number, side: EdgeSide, time: Seconds, done: boolean) => void;
  /** Receives the player once the waveform is ready, and undefined when it goes away. */
  onPlayer?: (player: ReviewPlayer | undefined) => void;
}

type RegionsApi = ReturnType<typeof RegionsPlugin.create>;

/**
 * The recording's waveform with one labelled region per section, a timeline, play/pause and
 * click-to-seek. Region edges can be dragged; the parent re-times the sections and the regions
 * follow the new spans.
 */
export function ReviewWaveform({ audio, spans, onEdgeMove, onPlayer }: ReviewWaveformProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<HTMLDivElement>(null);
  const wavesurferRef = useRef<WaveSurfer | undefined>(undefined);
  const regionsRef = useRef<RegionsApi | undefined>(undefined);
  const onEdgeMoveRef = useRef(onEdgeMove);
  const onPlayerRef = useRef(onPlayer);
  // Drawn: the waveform and its regions are on screen (from the precomputed peaks).
  const [drawn, setDrawn] = useState(false);
  const [playback, setPlayback] = useState<PlaybackStatus>('preparing');
  const ready = drawn && playback === 'playable';
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);

  useEffect(() => {
    onEdgeMoveRef.current = onEdgeMove;
    onPlayerRef.current = onPlayer;
  }, [onEdgeMove, onPlayer]);

  useEffect(() => {
    const container = containerRef.current;
    const timelineContainer = timelineRef.current;
    if (!container || !timelineContainer) return;
    const regions = RegionsPlugin.create();
    const media = new Audio();
    const wavesurfer = WaveSurfer.create({
      container,
      media,
      height: 128,
      ...waveColours(container),
      cursorWidth: 2,
      barWidth: 2,
      barGap: 1,
      barRadius: 2,
      normalize: true,
      dragToSeek: false,
      plugins: [
        regions,
        TimelinePlugin.create({
          container: timelineContainer,
          height: 18,
          style: { color: readThemeColour(container, '--muted', '#666'), fontSize: '11px' },
        }),
      ],
    });
    wavesurferRef.current = wavesurfer;
    regionsRef.current = regions;
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
    regions.on('region-update', (region, side) => edge(region, side, false));
    regions.on('region-updated', (region, side) => edge(region, side, true));
    // Canvas colours do not follow CSS: re-read the theme when the system scheme flips.
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const recolour = () => wavesurfer.setOptions(waveColours(container));
    scheme.addEventListener('change', recolour);
    wavesurfer.on('ready', () => setDrawn(true));
    wavesurfer.on('play', () => setPlaying(true));
    wavesurfer.on('pause', () => setPlaying(false));
    wavesurfer.on('finish', () => setPlaying(false));
    wavesurfer.on('timeupdate', (time) => setPosition(time));
    // Peaks and duration are known: wavesurfer draws at once, with no source to decode.
    wavesurfer.load('', [audio.peaks], audio.duration).catch(() => undefined);
    const detachMedia = attachPlayableAudio(media, audio.playable, setPlayback);
    return () => {
      detachMedia();
      onPlayerRef.current?.(undefined);
      scheme.removeEventListener('change', recolour);
      setDrawn(false);
      setPlayback('preparing');
      setPlaying(false);
      setPosition(0);
      wavesurferRef.current = undefined;
      regionsRef.current = undefined;
      wavesurfer.destroy();
    };
  }, [audio]);

  // The page's player (seeking from the section bars) only once the audio can play.
  useEffect(() => {
    const wavesurfer = wavesurferRef.current;
    if (!ready || !wavesurfer) return;
    onPlayerRef.current?.(playerOf(wavesurfer));
  }, [ready]);

  useEffect(() => {
    const regions = regionsRef.current;
    if (!drawn || !regions) return;
    syncRegions(regions, spans, (index, time) => onEdgeMoveRef.current(index, 'end', time, true));
  }, [drawn, spans]);

  return (
    <div className="review-waveform">
      <div
        ref={containerRef}
        className="review-waveform__wave"
        data-testid="waveform"
        data-drawn={drawn}
        data-ready={ready}
        role="group"
        aria-label="Waveform of the recording with its sections. Click to seek, drag section edges to re-time."
      />
      <div ref={timelineRef} className="review-waveform__timeline" />
      <div className="review-waveform__transport">
        <button
          type="button"
          className="button"
          disabled={!ready}
          onClick={() => void wavesurferRef.current?.playPause()}
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

/** Waveform colours from the current theme. */
function waveColours(element: Element) {
  return {
    waveColor: readThemeColour(element, '--wave', '#6366f1'),
    progressColor: readThemeColour(element, '--wave-progress', '#a5b4fc'),
    cursorColor: readThemeColour(element, '--text', '#111'),
  };
}

/** Seconds an arrow key moves a section's end (Shift: a whole second). */
const KEY_STEP = 0.1;

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
      describeRegion(region, span, span.index < last ? moveEnd : undefined);
    }
    region.element?.setAttribute('aria-valuemin', '0');
    region.element?.setAttribute('aria-valuemax', (spans[last]?.end ?? span.end).toFixed(1));
    region.element?.setAttribute('aria-valuenow', span.end.toFixed(1));
    region.element?.setAttribute('aria-valuetext', `ends at ${formatClock(span.end)}`);
  }
}

/** Test id, accessible name and (for all but the last section) keyboard re-timing. */
function describeRegion(
  region: Region,
  span: SectionSpan,
  moveEnd: ((index: number, time: Seconds) => void) | undefined,
): void {
  const element = region.element;
  if (!element) return;
  element.setAttribute('data-testid', `section-region-${span.spec.id}`);
  element.setAttribute('aria-label', `${span.spec.label} section`);
  element.dataset.sectionIndex = String(span.index);
  if (!moveEnd) return;
  element.tabIndex = 0;
  element.setAttribute('role', 'slider');
  element.setAttribute('aria-keyshortcuts', 'ArrowLeft ArrowRight');
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    // Keep the arrow from also meaning "next section" to the window-level shortcuts.
    event.stopPropagation();
    const step = (event.shiftKey ? 1 : KEY_STEP) * (event.key === 'ArrowLeft' ? -1 : 1);
    moveEnd(span.index, seconds(region.end + step));
  });
}
