/**
 * Runs the coaching engine off the main thread: an hour-long transcript takes a few hundred
 * milliseconds to analyse, which must not freeze playback or scrolling.
 */
import { analyzeTranscript } from '../../../core/coach/analyze';
import type { AnalysisReply, AnalysisRequest } from './analysis-protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage: (reply: AnalysisReply) => void;
};

scope.onmessage = (event) => {
  const { id, input } = event.data;
  try {
    scope.postMessage({ id, report: analyzeTranscript(input) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
