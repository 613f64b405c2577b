import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import WaveSurfer from 'wavesurfer.js';
import type { GenericPlugin } from 'wavesurfer.js/dist/base-plugin.js';
import MinimapPlugin from 'wavesurfer.js/dist/plugins/minimap.esm.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import { formatClock, seconds } from '../../../core/units';
import type { ReviewAudio } from '../../storage/review-audio';
import type { PlaybackStatus } from '../review/playable-media';
import { attachPlayableAudio } from '../review/playable-media';
import { PlaybackNote } from '../review/PlaybackNote';
import { readThemeColour } from '../review/theme-colours';
import { THEME_CHANGE_EVENT } from '../../theme/theme-preference';
import type { ReportPlayer } from './report-player';
import { PLAYBACK_RATES, ZOOM_STEPS } from './report-player';
import type { WaveSection } from './wave-sections';
import type { RegionsApi } from './wave-regions';
import { syncRegions } from './wave-regions';

/** Recordings longer than this get a minimap under the waveform. */
const MINIMAP_FROM_SECONDS = 240;

export interface ReportWaveformProps {
  audio: ReviewAudio;
  sections: readonly WaveSection[];
  player: ReportPlayer;
  /** The start of section `index` was dragged to `time` (drag finished). */
  onMoveStart: (index: number, time: number) => void;
}

function waveColours(element: Element) {
  return {
    waveColor: readThemeColour(element, '--wave', '#6366f1'),
    progressColor: readThemeColour(element, '--wave-progress', '#a5b4fc'),
    cursorColor: readThemeColour(element, '--text', '#111'),
  };
}

/**
 * The recording with the engine's sections as coloured, labelled regions (name, time, budget
 * status), a timeline, zoom, playback speed and, for long recordings, a minimap. Dragging a
 * region edge reports the new start of the section after it.
 */
export function ReportWaveform({ audio, sections, player, onMoveStart }: ReportWaveformProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<HTMLDivElement>(null);
  const minimapRef = useRef<HTMLDivElement>(null);
  const regionsRef = useRef<RegionsApi | undefined>(undefined);
  const onMoveStartRef = useRef(onMoveStart);
  // Drawn: the waveform and its regions are on screen (from the precomputed peaks).
  const [drawn, setDrawn] = useState(false);
  const [playback, setPlayback] = useState<PlaybackStatus>('preparing');
  const ready = drawn && playback === 'playable';
  const [position, setPosition] = useState(0);
  const withMinimap = audio.duration >= MINIMAP_FROM_SECONDS;
  const state = useSyncExternalStore(
    (listener) => player.onState(listener),
    () => `${player.playing ? 1 : 0}|${player.playbackRate}|${player.zoomLevel}`,
  );
  const [playingFlag, rateText, zoomText] = state.split('|');
  const playing = playingFlag === '1';

  useEffect(() => {
    onMoveStartRef.current = onMoveStart;
  }, [onMoveStart]);

  useEffect(() => {
    const container = containerRef.current;
    const timelineContainer = timelineRef.current;
    if (!container || !timelineContainer) return;
    const regions = RegionsPlugin.create();
    const plugins: GenericPlugin[] = [
      regions,
      TimelinePlugin.create({
        container: timelineContainer,
        height: 18,
        style: { color: readThemeColour(container, '--muted', '#666'), fontSize: '11px' },
      }),
    ];
    if (withMinimap && minimapRef.current) {
      plugins.push(
        MinimapPlugin.create({
          container: minimapRef.current,
          height: 28,
          ...waveColours(container),
          overlayColor: 'rgba(127, 127, 127, 0.25)',
        }),
      );
    }
    const media = new Audio();
    const wavesurfer = WaveSurfer.create({
      container,
      media,
      height: 120,
      ...waveColours(container),
      cursorWidth: 2,
      barWidth: 2,
      barGap: 1,
      barRadius: 2,
      normalize: true,
      autoCenter: true,
      plugins,
    });
    regionsRef.current = regions;
    regions.on('region-updated', (region, side) => {
      const index = Number(region.element?.dataset.sectionIndex);
      if (!Number.isInteger(index)) return;
      if (side === 'start') onMoveStartRef.current(index, region.start);
      else if (side === 'end') onMoveStartRef.current(index + 1, region.end);
    });
    const recolour = () => wavesurfer.setOptions(waveColours(container));
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', recolour);
    window.addEventListener(THEME_CHANGE_EVENT, recolour);
    const offTime = player.onTime((time) => setPosition(time));
    wavesurfer.on('ready', () => {
      player.attach(wavesurfer);
      player.setZoom(player.zoomLevel);
      setDrawn(true);
    });
    // Peaks and duration are known: wavesurfer draws at once, with no source to decode.
    wavesurfer.load('', [audio.peaks], audio.duration).catch(() => undefined);
    const detachMedia = attachPlayableAudio(media, audio.playable, setPlayback);
    return () => {
      detachMedia();
      setPlayback('preparing');
      scheme.removeEventListener('change', recolour);
      window.removeEventListener(THEME_CHANGE_EVENT, recolour);
      offTime();
      player.attach(undefined);
      regionsRef.current = undefined;
      setDrawn(false);
      wavesurfer.destroy();
    };
  }, [audio, player, withMinimap]);

  useEffect(() => {
    const regions = regionsRef.current;
    if (!drawn || !regions) return;
    const width = containerRef.current?.clientWidth ?? 0;
    // At the fitted zoom a label needs ~70 px; a region narrower than that shows none.
    const minLabelled = width > 0 ? (70 * audio.duration) / width : 0;
    syncRegions(
      regions,
      sections,
      (index, time) => onMoveStartRef.current(index, time),
      minLabelled,
    );
  }, [drawn, sections, audio.duration]);

  return (
    <div className="report-wave">
      <div
        ref={containerRef}
        className="review-waveform__wave"
        data-testid="waveform"
        data-drawn={drawn}
        data-ready={ready}
        role="group"
        aria-label="Waveform with the detected sections. Click to seek; drag a section edge to correct it."
      />
      <div ref={timelineRef} className="review-waveform__timeline" />
      {withMinimap ? (
        <div
          ref={minimapRef}
          className="report-wave__minimap"
          aria-label="Overview of the whole recording"
        />
      ) : null}
      <div className="report-wave__transport" role="toolbar" aria-label="Playback">
        <button
          type="button"
          className="button"
          disabled={!ready}
          onClick={() => player.togglePlay()}
          aria-label={playing ? 'Pause (K)' : 'Play (K)'}
          data-testid="play-button"
        >
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <PlaybackNote status={playback} />
        <span className="review-waveform__clock" aria-live="off" data-testid="playback-clock">
          {formatClock(seconds(position))} / {formatClock(audio.duration)}
        </span>
        <label className="report-wave__control">
          Speed
          <select
            value={rateText}
            onChange={(e) => player.setRate(Number(e.target.value))}
            aria-label="Playback speed"
          >
            {PLAYBACK_RATES.map((r) => (
              <option key={r} value={String(r)}>
                {r}×
              </option>
            ))}
          </select>
        </label>
        <label className="report-wave__control">
          Zoom
          <input
            type="range"
            min={0}
            max={ZOOM_STEPS.length - 1}
            step={1}
            value={Number(zoomText)}
            disabled={!drawn}
            onChange={(e) => player.setZoom(Number(e.target.value))}
            aria-label="Waveform zoom"
            aria-valuetext={
              Number(zoomText) === 0
                ? 'whole recording'
                : `${ZOOM_STEPS[Number(zoomText)] ?? 0} pixels per second`
            }
          />
        </label>
      </div>
    </div>
  );
}
