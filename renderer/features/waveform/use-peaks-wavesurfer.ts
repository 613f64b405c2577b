/**
 * One wavesurfer.js instance drawn from an attempt's precomputed peaks, with a regions plugin,
 * a timeline and optionally a minimap, playing the attempt's WAV once it is ready. Both review
 * pages build their waveform on this; what they do with the regions and the player is theirs.
 */
import type { RefObject } from 'react';
import { useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import type { GenericPlugin } from 'wavesurfer.js/dist/base-plugin.js';
import MinimapPlugin from 'wavesurfer.js/dist/plugins/minimap.esm.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import type { ReviewAudio } from '../../storage/review-audio';
import { THEME_CHANGE_EVENT } from '../../theme/theme-preference';
import type { PlaybackStatus } from '../review/playable-media';
import { attachPlayableAudio } from '../review/playable-media';
import { readThemeColour } from '../review/theme-colours';
import type { WaveformSurfaceBinding } from './WaveformSurface';

export type RegionsApi = ReturnType<typeof RegionsPlugin.create>;

/** A live wavesurfer and its regions plugin. */
export interface PeaksWaveSurferInstance {
  wavesurfer: WaveSurfer;
  regions: RegionsApi;
}

export interface PeaksWaveSurferOptions {
  /** Height of the waveform in CSS pixels. */
  height: number;
  /** Where a minimap of the whole recording goes; none when undefined. */
  minimap?: RefObject<HTMLDivElement | null> | undefined;
}

export interface PeaksWaveSurfer {
  /** Props for the `WaveformSurface` the waveform and its timeline are drawn in. */
  surface: WaveformSurfaceBinding;
  /** The current instance; a new one whenever the audio changes. */
  instance: PeaksWaveSurferInstance | undefined;
  /** The waveform is on screen (from the precomputed peaks); regions can be drawn. */
  drawn: boolean;
  /** How far the playable audio has got. */
  playback: PlaybackStatus;
  /** Drawn and playable. */
  ready: boolean;
}

/** Creates (and on unmount or new audio, destroys) the wavesurfer for `audio`. */
export function usePeaksWaveSurfer(
  audio: ReviewAudio,
  { height, minimap }: PeaksWaveSurferOptions,
): PeaksWaveSurfer {
  const containerRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<HTMLDivElement>(null);
  const [instance, setInstance] = useState<PeaksWaveSurferInstance>();
  const [drawn, setDrawn] = useState(false);
  const [playback, setPlayback] = useState<PlaybackStatus>('preparing');

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
    const minimapContainer = minimap?.current;
    if (minimapContainer) {
      plugins.push(
        MinimapPlugin.create({
          container: minimapContainer,
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
      height,
      ...waveColours(container),
      cursorWidth: 2,
      barWidth: 2,
      barGap: 1,
      barRadius: 2,
      normalize: true,
      dragToSeek: false,
      autoCenter: true,
      plugins,
    });
    // Canvas colours do not follow CSS: re-read the theme when the system or app theme flips.
    const recolour = () => wavesurfer.setOptions(waveColours(container));
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', recolour);
    window.addEventListener(THEME_CHANGE_EVENT, recolour);
    wavesurfer.on('ready', () => setDrawn(true));
    // Peaks and duration are known: wavesurfer draws at once, with no source to decode.
    wavesurfer.load('', [audio.peaks], audio.duration).catch(() => undefined);
    const detachMedia = attachPlayableAudio(media, audio.playable, setPlayback);
    setInstance({ wavesurfer, regions });
    return () => {
      detachMedia();
      scheme.removeEventListener('change', recolour);
      window.removeEventListener(THEME_CHANGE_EVENT, recolour);
      setInstance(undefined);
      setDrawn(false);
      setPlayback('preparing');
      wavesurfer.destroy();
    };
    // `minimap` is a ref (stable) or undefined: it changes only when a minimap comes or goes.
  }, [audio, height, minimap]);

  const ready = drawn && playback === 'playable';
  return { surface: { containerRef, timelineRef, drawn, ready }, instance, drawn, playback, ready };
}

/** Waveform colours from the current theme. */
function waveColours(element: Element) {
  return {
    waveColor: readThemeColour(element, '--wave', '#6366f1'),
    progressColor: readThemeColour(element, '--wave-progress', '#a5b4fc'),
    cursorColor: readThemeColour(element, '--text', '#111'),
  };
}
