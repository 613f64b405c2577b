import { useMemo } from 'react';
import { analyzeTranscript } from '../../../core/coach/analyze';
import { useAppStore } from '../../store/app-store';
import { useLiveTranscript } from '../transcription/transcript-stores';
import { liveGuidance } from './live-guidance';
import { markerBoundaries } from './section-corrections';

/**
 * One calm line while recording: the section the answer is in (detected from the live
 * transcript; markers override) and a gentle cue near a budget or at 2:45 in a walkthrough.
 */
export function LiveGuidance() {
  const mode = useAppStore((s) => s.mode);
  const markers = useAppStore((s) => s.markers);
  const elapsed = useAppStore((s) => s.elapsed);
  const windows = useLiveTranscript((s) => s.windows);
  // The engine runs only when a window of words arrives (every few seconds), not every tick.
  const detected = useMemo(() => {
    const words = windows.flatMap((w) => w.words);
    if (words.length === 0) return [];
    return analyzeTranscript({ mode, words, fixedBoundaries: markerBoundaries(mode, markers) })
      .sections;
  }, [mode, markers, windows]);
  const guidance = liveGuidance({ mode, elapsed, markers, detected });
  return (
    <p
      className={`live-guidance live-guidance--${guidance.tone}`}
      data-testid="live-guidance"
      data-section={guidance.section?.id}
      data-source={guidance.source}
      aria-live="polite"
    >
      {guidance.line}
    </p>
  );
}
