import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../core/coach/analyze';
import { layoutTranscript, paragraphOfWord, wordIndexAt } from './transcript-layout';
import { transcriptOf } from './test-transcript';

describe('wordIndexAt', () => {
  const starts = Float64Array.from([0.5, 1, 1.5, 3]);
  it('finds the last word starting at or before the time', () => {
    expect(wordIndexAt(starts, 0.2)).toBe(-1);
    expect(wordIndexAt(starts, 0.5)).toBe(0);
    expect(wordIndexAt(starts, 1.4)).toBe(1);
    expect(wordIndexAt(starts, 2.9)).toBe(2);
    expect(wordIndexAt(starts, 99)).toBe(3);
  });
});

describe('layoutTranscript', () => {
  const transcript = transcriptOf(
    [
      "I'm a backend engineer with eight years in payments.",
      'Most recently I led the checkout team at Shopwise.',
      'I cut p95 latency from two seconds to four hundred milliseconds.',
      'We chose Kafka over a managed queue because ordering mattered, at the cost of more operations work.',
      "I'm excited about this role because your team is scaling payments.",
    ],
    2,
  );
  const report = analyzeTranscript({ mode: 'walkthrough', words: transcript.words });
  const layout = layoutTranscript(transcript, report);

  it('covers every word once, in order, starting a paragraph after each long pause', () => {
    let next = 0;
    for (const p of layout.paragraphs) {
      expect(p.first).toBe(next);
      next = p.last + 1;
    }
    expect(next).toBe(transcript.words.length);
    expect(layout.paragraphs.length).toBe(5);
    // 2 s pause + 0.05 s word gap, shown to a tenth of a second.
    expect(layout.paragraphs[1]?.pauseBefore).toBeGreaterThanOrEqual(2);
    expect(layout.paragraphs[1]?.pauseBefore).toBeLessThanOrEqual(2.1);
    expect(paragraphOfWord(layout.paragraphs, transcript.words.length - 1)).toBe(4);
  });

  it('opens a paragraph at each section the engine found', () => {
    const opened = layout.paragraphs.flatMap((p) => (p.section ? [p.section.id] : []));
    expect(opened).toEqual(report.sections.map((s) => s.id));
  });

  it('marks the words of metrics and trade-offs', () => {
    const marked = (mark: string) =>
      transcript.words.filter((_, i) => layout.marks[i] === mark).map((w) => w.text);
    expect(report.coverage.metrics.length).toBeGreaterThan(0);
    expect(marked('metric')).toContain('milliseconds.');
    expect(report.coverage.tradeoffs.length).toBeGreaterThan(0);
    expect(marked('tradeoff')).toContain('Kafka');
  });

  it('marks filler words from the transcript', () => {
    const withFiller = {
      ...transcript,
      fillers: [{ text: 'um', start: 0.2, end: 0.45, kind: 'word' as const }],
    };
    expect(layoutTranscript(withFiller, undefined).marks[0]).toBe('filler');
  });
});
