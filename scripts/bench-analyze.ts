/**
 * Benchmark: analyses a synthetic 60-minute transcript in each mode and prints the median time.
 * Target (issue 4): ≤ 100 ms. Run with `npm run bench:analyze`.
 */
import { performance } from 'node:perf_hooks';
import { analyzeTranscript } from '../core/coach/analyze';
import type { ModeId } from '../core/modes';
import type { TimedWord } from '../core/transcript';

const TARGET_MS = 100;
const MINUTES = 60;
const RUNS = 9;
const WARMUP = 3;

/** Sentences of the kinds a long rehearsal holds, punctuated and spoken as words. */
const SENTENCES = [
  "I'm a backend engineer with about ten years of experience in payments and fraud.",
  'At Paystream I lead the authorization team of five engineers.',
  'When I joined, checkout timed out on about one in a thousand payments, and merchants were losing sales.',
  'I profiled the whole path, moved the fraud score call off the critical path, and replaced the synchronous audit write.',
  'We chose an outbox pattern over two-phase commit, because the downside of distributed transactions was too much coupling.',
  'We rolled it out behind a feature flag with a five percent canary and dashboards for latency and errors.',
  'p99 went from nine hundred to three hundred milliseconds, and the error rate fell from two percent to 0.1 percent.',
  'The hardest part was an incident during the canary, where a retry storm took the queue down for ten minutes.',
  'Before that I spent three years at a fraud startup, where I built the rules engine in Go, Kafka, Redis and Postgres.',
  'Early in my career I wrote Java at a telecom, which taught me how billing systems fail.',
  "If I did it again, I'd involve the finance team much earlier, because reconciliation surprised us.",
  "So um, you know, that's basically why I'm excited about this role and your team.",
];

/** A steady speaker: 150 words per minute, sentence pauses, an occasional long pause. */
function syntheticTranscript(minutes: number): TimedWord[] {
  const words: TimedWord[] = [];
  let t = 0.5;
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let k = 0; t < minutes * 60; k++) {
    const sentence = SENTENCES[k % SENTENCES.length] ?? '';
    for (const text of sentence.split(' ')) {
      const length = 0.25 + 0.15 * random();
      words.push({ text, start: t, end: t + length });
      t += length + 0.03 + 0.04 * random();
    }
    t += 0.4 + 0.5 * random() + (random() < 0.05 ? 2 : 0);
  }
  return words;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const words = syntheticTranscript(MINUTES);
console.log(
  `bench:analyze — synthetic ${MINUTES}-minute transcript, ${words.length} words; median of ${RUNS} calls after ${WARMUP} warm-ups, cold = first call`,
);
let worst = 0;
for (const mode of ['walkthrough', 'deepdive', 'close'] as ModeId[]) {
  const c0 = performance.now();
  analyzeTranscript({ mode, words });
  const cold = performance.now() - c0;
  for (let i = 1; i < WARMUP; i++) analyzeTranscript({ mode, words }); // JIT and regex compilation
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const u0 = process.cpuUsage();
    const t0 = performance.now();
    analyzeTranscript({ mode, words });
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(u0);
    cpu.push((used.user + used.system) / 1000);
  }
  // CPU time is what the analysis costs on an idle machine; wall time also counts waiting for
  // the CPU when other work shares it (the 2-core CI and dev machines often do).
  const ms = median(cpu);
  worst = Math.max(worst, ms);
  console.log(
    `  ${mode.padEnd(12)} cpu ${ms.toFixed(1).padStart(7)} ms   wall ${median(wall).toFixed(1).padStart(7)} ms   cold wall ${cold.toFixed(1).padStart(7)} ms`,
  );
}
console.log(
  `  worst mode   cpu ${worst.toFixed(1).padStart(7)} ms   target ≤ ${TARGET_MS} ms   ${worst <= TARGET_MS ? 'PASS' : 'FAIL'}`,
);
