/**
 * Whisper's timestamp rule without a log-softmax over the whole vocabulary on every step.
 *
 * transformers.js's `WhisperTimeStampLogitsProcessor` decides on each decoding step whether a
 * timestamp token must come next: when the total probability of the timestamp tokens beats the
 * most likely text token. It computes that with a full `log_softmax` over all 51,864 logits (an
 * allocation and three passes, ~1.4 ms a step here, ~70 ms a window). The normaliser is common to
 * both sides, so the same test is `logsumexp(timestamp logits) > max(text logits)`: one pass for
 * the text maximum and 1,501 exponentials. Everything else is the library's rule, line for line.
 *
 * The only difference is rounding: the library compares float32 log-probabilities, this compares
 * in float64, so a step whose two sides tie to within ~1e-6 may go the other way.
 */

/** The fields transformers.js's processor sets in its constructor. */
export interface TimestampProcessorFields {
  eos_token_id: number;
  no_timestamps_token_id: number;
  timestamp_begin: number;
  begin_index: number;
  max_initial_timestamp_index: number | null;
}

/** Logits as the processor receives them: one row (a tensor with `data`) per batch entry. */
export interface BatchLogits {
  readonly [row: number]: { readonly data: Float32Array };
}

/** `log(Σ exp(x))` over `values`, stable, `-Infinity` when all are `-Infinity`. */
export function logSumExp(values: Float32Array): number {
  // indexed loops: for-of over a typed array is several times slower in V8 here
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] ?? -Infinity);
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp((values[i] ?? -Infinity) - max);
  return max + Math.log(sum);
}

/** Largest value of `values` (`-Infinity` when empty). */
function maxOf(values: Float32Array): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? -Infinity;
    if (value > max) max = value;
  }
  return max;
}

/**
 * The processor's `_call`, with the log-softmax replaced as the file comment says. Mutates and
 * returns `logits`, as the library's does.
 */
export function applyTimestampRule<L extends BatchLogits>(
  rule: TimestampProcessorFields,
  inputIds: readonly (readonly bigint[])[],
  logits: L,
): L {
  const timestampBegin = rule.timestamp_begin;
  for (const [i, ids] of inputIds.entries()) {
    const row = logits[i]?.data;
    if (!row) continue;
    row[rule.no_timestamps_token_id] = -Infinity;
    if (ids.length === rule.begin_index) {
      row.subarray(0, timestampBegin).fill(-Infinity);
      continue;
    }
    const sequence = ids.slice(rule.begin_index);
    const last = sequence.at(-1);
    const penultimate = sequence.at(-2);
    const lastWasTimestamp = last !== undefined && last >= timestampBegin;
    const penultimateWasTimestamp = penultimate === undefined || penultimate >= timestampBegin;
    if (lastWasTimestamp) {
      if (penultimateWasTimestamp) row.subarray(timestampBegin).fill(-Infinity);
      else row.subarray(0, rule.eos_token_id).fill(-Infinity);
    }
    const timestampScore = logSumExp(row.subarray(timestampBegin));
    if (timestampScore > maxOf(row.subarray(0, timestampBegin)))
      row.subarray(0, timestampBegin).fill(-Infinity);
  }
  return logits;
}

/** Whether `processor` is transformers.js's Whisper timestamp processor (by its fields). */
export function isTimestampProcessor(
  processor: unknown,
): processor is TimestampProcessorFields & { _call: unknown } {
  if (typeof processor !== 'function' && typeof processor !== 'object') return false;
  if (processor === null) return false;
  const fields = processor as Partial<Record<keyof TimestampProcessorFields | '_call', unknown>>;
  return (
    typeof fields._call === 'function' &&
    typeof fields.timestamp_begin === 'number' &&
    typeof fields.no_timestamps_token_id === 'number' &&
    typeof fields.begin_index === 'number' &&
    typeof fields.eos_token_id === 'number'
  );
}

/** A model's hook that builds the logits processors for each `generate()` (what this wraps). */
export interface LogitsProcessorHook {
  _get_logits_processor?: (...args: unknown[]) => { processors?: unknown[] };
}

/** Makes every timestamp processor `model` builds use `applyTimestampRule`. */
export function useFastTimestampRule(model: LogitsProcessorHook): void {
  const original = model._get_logits_processor;
  if (typeof original !== 'function') return;
  model._get_logits_processor = function (...args: unknown[]) {
    const list = original.apply(this, args);
    for (const processor of list.processors ?? []) {
      if (!isTimestampProcessor(processor)) continue;
      processor._call = (inputIds: bigint[][], logits: BatchLogits) =>
        applyTimestampRule(processor, inputIds, logits);
    }
    return list;
  };
}
