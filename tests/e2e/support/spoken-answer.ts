/**
 * A spoken walkthrough with a known transcript: each sentence is spoken by espeak-ng on its own
 * (16 kHz), sentences are joined with short pauses and sections with longer ones, and word times
 * are spread over each sentence by length. Cached under tests/fixtures/generated/review-report/.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Transcript } from '../../../core/transcript';
import { readWav } from './wav-file';

const GENERATED = path.resolve(import.meta.dirname, '../../fixtures/generated/review-report');
const RATE = 16_000;

export const ANSWER: readonly { section: string; sentences: string[] }[] = [
  {
    section: 'headline',
    sentences: ["I'm a backend engineer with eight years of experience in payments and logistics."],
  },
  {
    section: 'recent',
    sentences: [
      'Most recently I was a senior engineer at Shopwise, on the checkout team of six engineers.',
      'The problem was that checkout timed out under peak load, and we lost about three percent of orders.',
      'I designed and led the move to an event driven checkout with Kafka and Go.',
      'As a result p99 latency went from two point four seconds to four hundred milliseconds.',
    ],
  },
  {
    section: 'earlier',
    sentences: [
      'Before that I spent three years at a consultancy building Java services for insurance clients, which taught me to work with demanding stakeholders.',
    ],
  },
  {
    section: 'close',
    sentences: [
      "I'm excited about this role because your platform team is scaling payments, and that is exactly the work I have been doing.",
    ],
  },
];

const LEAD = 0.5;
const SENTENCE_GAP = 0.45;
const SECTION_GAP = 1.1;

export interface SpokenAnswer {
  base64: string;
  sampleRate: number;
  transcript: Transcript;
  /** Where each section starts (markers a speaker would have pressed), after the first. */
  sectionStarts: number[];
}

function speak(text: string, file: string): Float32Array {
  if (!existsSync(file)) {
    const raw = `${file}.raw.wav`;
    execFileSync('espeak-ng', ['-v', 'en-us', '-s', '165', '-w', raw, text]);
    execFileSync('sox', [raw, '-r', String(RATE), '-c', '1', '-b', '16', file]);
  }
  return readWav(file).samples;
}

/** Builds (or reuses) the answer's audio and its transcript. Needs espeak-ng and sox. */
export function spokenAnswer(): SpokenAnswer {
  mkdirSync(GENERATED, { recursive: true });
  const parts: Float32Array[] = [new Float32Array(Math.round(LEAD * RATE))];
  const words: Transcript['words'] = [];
  const sectionStarts: number[] = [];
  let t = LEAD;
  ANSWER.forEach((section, s) => {
    if (s > 0) {
      parts.push(new Float32Array(Math.round(SECTION_GAP * RATE)));
      t += SECTION_GAP;
      sectionStarts.push(t - SECTION_GAP / 2);
    }
    section.sentences.forEach((sentence, i) => {
      if (i > 0) {
        parts.push(new Float32Array(Math.round(SENTENCE_GAP * RATE)));
        t += SENTENCE_GAP;
      }
      const key = createHash('sha256').update(sentence).digest('hex').slice(0, 12);
      const samples = speak(sentence, path.join(GENERATED, `${key}.wav`));
      // espeak pads each utterance with ~0.1 s of silence; spread words over the rest by length.
      const pad = 0.1;
      const spoken = samples.length / RATE - 2 * pad;
      const tokens = sentence.split(/\s+/);
      const weight = tokens.reduce((n, w) => n + w.length + 1, 0);
      let at = t + pad;
      for (const text of tokens) {
        const length = (spoken * (text.length + 1)) / weight;
        words.push({ text, start: round3(at), end: round3(at + length * 0.92) });
        at += length;
      }
      parts.push(samples);
      t += samples.length / RATE;
    });
  });
  parts.push(new Float32Array(Math.round(0.8 * RATE)));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const ints = new Int16Array(total);
  let offset = 0;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) ints[offset + i] = Math.round((p[i] ?? 0) * 32767);
    offset += p.length;
  }
  const transcript: Transcript = {
    schemaVersion: 1,
    duration: total / RATE,
    words,
    segments: [],
    pauses: [],
    fillers: [],
    model: 'espeak-fixture',
  };
  return {
    base64: Buffer.from(ints.buffer).toString('base64'),
    sampleRate: RATE,
    transcript,
    sectionStarts,
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
