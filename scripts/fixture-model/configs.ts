/** The JSON files a Whisper model folder needs for transformers.js (config, tokenizer, …). */
import fs from 'node:fs';
import path from 'node:path';
import { ENCODER_POSITIONS, MAX_TARGET_POSITIONS, type Vocabulary } from './vocabulary';
import { N_MELS } from './tiny-model';

/**
 * Whisper's feature extractor settings (preprocessor_config.json), as the real models have them.
 * Frozen: transformers.js's extractor writes `mel_filters` into the config it is given, so give
 * it a copy (`{ ...WHISPER_PREPROCESSOR_CONFIG }`).
 */
export const WHISPER_PREPROCESSOR_CONFIG = Object.freeze({
  chunk_length: 30,
  feature_extractor_type: 'WhisperFeatureExtractor',
  feature_size: N_MELS,
  hop_length: 160,
  n_fft: 400,
  n_samples: 480000,
  nb_max_frames: 3000,
  padding_side: 'right',
  padding_value: 0.0,
  processor_class: 'WhisperProcessor',
  return_attention_mask: false,
  sampling_rate: 16000,
} as const);

export interface ModelDimensions {
  dModel: number;
  encoderLayers: number;
  encoderHeads: number;
  decoderLayers: number;
  decoderHeads: number;
  /** [layer, head] pairs whose cross-attentions time the words. */
  alignmentHeads: Array<[number, number]>;

  /** transformers.js dtype the folder's ONNX files are named for. */
  dtype: 'fp32' | 'q8';
}

export function writeConfigs(
  dir: string,
  v: Vocabulary,
  multilingual: boolean,
  dims: ModelDimensions,
  name: string,
): void {
  const special = { bos_token_id: v.ids.eot, eos_token_id: v.ids.eot, pad_token_id: v.ids.eot };
  const config = {
    _name_or_path: name,
    architectures: ['WhisperForConditionalGeneration'],
    model_type: 'whisper',
    is_encoder_decoder: true,
    vocab_size: v.vocabSize,
    num_mel_bins: N_MELS,
    d_model: dims.dModel,
    encoder_layers: dims.encoderLayers,
    encoder_attention_heads: dims.encoderHeads,
    decoder_layers: dims.decoderLayers,
    decoder_attention_heads: dims.decoderHeads,
    max_source_positions: ENCODER_POSITIONS,
    max_target_positions: MAX_TARGET_POSITIONS,
    median_filter_width: 7,
    ...special,
    decoder_start_token_id: v.ids.sot,
    begin_suppress_tokens: null,
    suppress_tokens: null,
    use_cache: true,
    'transformers.js_config': { dtype: dims.dtype },
  };
  const generationConfig = {
    alignment_heads: dims.alignmentHeads, // word timestamps throw without it
    begin_suppress_tokens: null,
    ...special,
    decoder_start_token_id: v.ids.sot,
    is_multilingual: multilingual,
    ...(multilingual ? { lang_to_id: v.langToId } : {}),
    task_to_id: { transcribe: v.ids.transcribe, translate: v.ids.translate },
    max_initial_timestamp_index: 50,
    // without max_length decoding stops at 20 tokens and timestamp mode repeats the script
    max_length: MAX_TARGET_POSITIONS,
    no_timestamps_token_id: v.ids.notimestamps,
    prev_sot_token_id: v.ids.startofprev,
    return_timestamps: false,
  };
  const preprocessorConfig = WHISPER_PREPROCESSOR_CONFIG;
  const tokenizerConfig = {
    tokenizer_class: 'WhisperTokenizer', // without it: "_decode_asr is not a function"
    bos_token: '<|endoftext|>',
    eos_token: '<|endoftext|>',
    unk_token: '<|endoftext|>',
    pad_token: '<|endoftext|>',
    model_max_length: 1024,
    clean_up_tokenization_spaces: true,
    errors: 'replace',
    add_prefix_space: false,
  };
  const byteLevel = { add_prefix_space: false, trim_offsets: true, use_regex: true };
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: v.added,
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', ...byteLevel },
    post_processor: {
      type: 'ByteLevel',
      add_prefix_space: true,
      trim_offsets: false,
      use_regex: true,
    },
    decoder: { type: 'ByteLevel', ...byteLevel, add_prefix_space: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      vocab: v.vocab,
      merges: [],
    },
  };
  const write = (file: string, value: unknown, indent = 2): void =>
    fs.writeFileSync(path.join(dir, file), JSON.stringify(value, null, indent));
  write('config.json', config);
  write('generation_config.json', generationConfig);
  write('preprocessor_config.json', preprocessorConfig);
  write('tokenizer_config.json', tokenizerConfig);
  write('tokenizer.json', tokenizer, 0);
}
