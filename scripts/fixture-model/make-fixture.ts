/**
 * Generates a tiny "scripted" Whisper-format model folder that the real transformers.js
 * automatic-speech-recognition pipeline loads from disk and runs end to end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeConfigs } from './configs';
import type { FixtureSpec } from './spec';
import { buildTinyDecoder, buildTinyEncoder, TINY_D_MODEL } from './tiny-model';
import { buildVocabulary, type Vocabulary } from './vocabulary';

/** The ONNX file suffixes other transformers.js dtypes ask for (q8 → _quantized, fp16 → _fp16, …). */
const OTHER_DTYPE_SUFFIXES = ['_fp16', '_int8', '_uint8', '_quantized', '_q4', '_q4f16', '_bnb4'];

/** Writes the fixture model folder `outDir` for `spec` and returns its vocabulary. */
export function makeFixture(outDir: string, spec: FixtureSpec): Vocabulary {
  fs.mkdirSync(path.join(outDir, 'onnx'), { recursive: true });
  const v = buildVocabulary(spec);
  const multilingual = spec.multilingual === true;
  writeConfigs(
    outDir,
    v,
    multilingual,
    {
      dModel: TINY_D_MODEL,
      encoderLayers: 1,
      encoderHeads: 1,
      decoderLayers: 1,
      decoderHeads: 1,
      alignmentHeads: [[0, 0]],
      dtype: 'fp32',
    },
    'whisper-fixture',
  );
  const encoder = buildTinyEncoder();
  const decoder = buildTinyDecoder(v, {
    attnConvention: spec.attnConvention ?? 'v4',
    silenceThreshold: spec.silenceThreshold === undefined ? -1.4 : spec.silenceThreshold,
  });
  for (const suffix of ['', ...(spec.allDtypeNames ? OTHER_DTYPE_SUFFIXES : [])]) {
    fs.writeFileSync(path.join(outDir, 'onnx', `encoder_model${suffix}.onnx`), encoder);
    fs.writeFileSync(path.join(outDir, 'onnx', `decoder_model_merged${suffix}.onnx`), decoder);
  }
  return v;
}
