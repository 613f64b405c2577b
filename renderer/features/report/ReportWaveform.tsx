import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { formatClock, seconds } from '../../../core/units';
import type { ReviewAudio } from '../../storage/review-audio';
import { PlaybackNote } from '../review/PlaybackNote';
import { usePeaksWaveSurfer } from '../waveform/use-peaks-wavesurfer';
import { WaveformSurface } from '../waveform/WaveformSurface';
import type { ReportPlayer } from './report-player';
import { PLAYBACK_RATES, ZOOM_STEPS } from './report-player';
import type { WaveSection } from './wave-sections';
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

/**
 * The recording with the engine's sections as coloured, labelled regions (name, time, budget
 * status), a timeline, zoom, playback speed and, for long recordings, a minimap. Dragging a
 * region edge reports the new start of the section after it.
 */
export function ReportWaveform({ audio, sections, player, onMoveStart }: ReportWaveformProps) {
  const minimapRef = useRef<HTMLDivElement>(null);
  const withMinimap = audio.duration >= MINIMAP_FROM_SECONDS;
  const { surface, instance, drawn, playback, ready } = usePeaksWaveSurfer(audio, {
    height: 120,
    minimap: withMinimap ? minimapRef : undefined,
  });
  // Labels are sized to the waveform's width.
  const { containerRef } = surface;
  const onMoveStartRef = useRef(onMoveStart);
  const [position, setPosition] = useState(0);
  const state = useSyncExternalStore(
    (listener) => player.onState(listener),
    () => `${player.playing ? 1 : 0}|${player.playbackRate}|${player.zoomLevel}`,
  );
  const [playingFlag, rateText, zoomText] = state.split('|');
  const playing = playingFlag === '1';

  useEffect(() => {
    onMoveStartRef.current = onMoveStart;
  }, [onMoveStart]);

  useEffect(() => player.onTime((time) => setPosition(time)), [player]);

  useEffect(() => {
    if (!instance) return;
    return instance.regions.on('region-updated', (region, side) => {
      const index = Number(region.element?.dataset.sectionIndex);
      if (!Number.isInteger(index)) return;
      if (side === 'start') onMoveStartRef.current(index, region.start);
      else if (side === 'end') onMoveStartRef.current(index + 1, region.end);
    });
  }, [instance]);

  // The page's player drives the waveform once it is drawn (before the regions are synced).
  useEffect(() => {
    if (!drawn || !instance) return;
    player.attach(instance.wavesurfer);
    player.setZoom(player.zoomLevel);
    return () => player.attach(undefined);
  }, [drawn, instance, player]);

  useEffect(() => {
    if (!drawn || !instance) return;
    const width = containerRef.current?.clientWidth ?? 0;
    // At the fitted zoom a label needs ~70 px; a region narrower than that shows none.
    const minLabelled = width > 0 ? (70 * audio.duration) / width : 0;
    syncRegions(
      instance.regions,
      sections,
      (index, time) => onMoveStartRef.current(index, time),
      minLabelled,
    );
  }, [drawn, instance, sections, audio.duration, containerRef]);

  return (
    <div className="report-wave">
      <WaveformSurface
        {...surface}
        label="Waveform with the detected sections. Click to seek; drag a section edge to correct it."
      />
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
