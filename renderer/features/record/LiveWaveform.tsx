import { useEffect, useRef } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RecordPlugin from 'wavesurfer.js/dist/plugins/record.esm.js';
import { useLiveInput } from './live-input';
import { readThemeColour } from '../review/theme-colours';

/**
 * The scrolling waveform of the microphone while recording: wavesurfer.js's Record plugin drawing
 * from the already-open stream (renderMicStream), so no second getUserMedia is made.
 */
export function LiveWaveform() {
  const input = useLiveInput((s) => s.input);
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !input) return;
    const record = RecordPlugin.create({ scrollingWaveform: true, scrollingWaveformWindow: 8 });
    const wavesurfer = WaveSurfer.create({
      container,
      height: 96,
      waveColor: readThemeColour(container, '--wave', '#6366f1'),
      barWidth: 2,
      barGap: 1,
      barRadius: 2,
      interact: false,
      plugins: [record],
    });
    const mic = record.renderMicStream(input.stream);
    return () => {
      mic.onDestroy();
      wavesurfer.destroy();
    };
  }, [input]);

  return (
    <div
      ref={containerRef}
      className="live-waveform"
      aria-label="Live waveform of the microphone"
      role="img"
    />
  );
}
