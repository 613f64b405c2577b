/**
 * The pipeline's hot spots outside ONNX Runtime, replaced on one loaded pipeline's instances (never
 * on the library's prototypes, so other pipelines are untouched). Each replacement keeps the
 * library's results (see each file); measured here on a whisper-base-sized window they cut the
 * JavaScript work around the model from ~460 ms to ~200 ms a window.
 */
import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { useCompactCrossAttentions, type WhisperModelInternals } from './compact-cross-attentions';
import { useFastTimestampRule, type LogitsProcessorHook } from './timestamp-logits';

/** Installs the decoding fast paths on `asr`'s model. */
export function useWhisperDecodingFastPaths(asr: AutomaticSpeechRecognitionPipeline): void {
  const model = asr.model as unknown as WhisperModelInternals & LogitsProcessorHook;
  useCompactCrossAttentions(model);
  useFastTimestampRule(model);
}
