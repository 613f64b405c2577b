/**
 * The pipeline's hot spots outside ONNX Runtime, replaced on one loaded pipeline's instances (never
 * on the library's prototypes, so other pipelines are untouched). Each replacement keeps the
 * library's results (see each file and its tests). Profiled on a whisper-base-sized 22-s window
 * here, transformers.js's JavaScript around the model took ~460 ms of ~1.2 s: log-mel ~180 ms,
 * word timing ~200 ms (generic tensor helpers), log-softmax per step ~70 ms.
 */
import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import {
  useFastTokenTimestamps,
  type WhisperModelInternals,
} from './whisper-decoding/use-token-timestamps';
import { useFastLogMel } from './whisper-features/install';
import {
  useFastTimestampRule,
  type LogitsProcessorHook,
} from './whisper-decoding/timestamp-logits';

/** Installs the fast paths on `asr`: log-mel features, word timing and the timestamp rule. */
export function useWhisperFastPaths(asr: AutomaticSpeechRecognitionPipeline): void {
  useFastLogMel(asr.processor.feature_extractor);
  const model = asr.model as unknown as WhisperModelInternals & LogitsProcessorHook;
  useFastTokenTimestamps(model);
  useFastTimestampRule(model);
}
