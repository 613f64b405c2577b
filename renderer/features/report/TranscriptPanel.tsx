import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent, MouseEvent } from 'react';
import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import type { TimedWord } from '../../../core/transcript';
import { formatClock, seconds } from '../../../core/units';
import { sectionColour } from '../review/theme-colours';
import { PlaybackHighlighter } from './playback-highlight';
import { useReportPlayer } from './report-player';
import type { TranscriptLayout, TranscriptParagraph, WordMark } from './transcript-layout';
import { paragraphOfWord } from './transcript-layout';
import type { WaveSection } from './wave-sections';

const MARK_TITLE: Record<WordMark, string> = {
  filler: 'Filler word',
  metric: 'Metric',
  tradeoff: 'Trade-off',
};

export interface TranscriptPanelProps {
  words: readonly TimedWord[];
  layout: TranscriptLayout;
  sections: readonly WaveSection[];
}

interface ParagraphProps {
  paragraph: TranscriptParagraph;
  words: readonly TimedWord[];
  marks: TranscriptLayout['marks'];
  section: WaveSection | undefined;
}

/** One paragraph: the section it opens (if any), the pause before it, then its words. */
const Paragraph = memo(function Paragraph({ paragraph, words, marks, section }: ParagraphProps) {
  const spans = [];
  for (let i = paragraph.first; i <= paragraph.last; i++) {
    const word = words[i];
    if (!word) continue;
    const mark = marks[i];
    spans.push(
      <span
        key={i}
        data-i={i}
        data-testid="word"
        data-start={word.start}
        className={mark ? `word word--${mark}` : 'word'}
        title={mark ? MARK_TITLE[mark] : undefined}
      >
        {word.text}{' '}
      </span>,
    );
  }
  return (
    <>
      {section ? (
        <span
          className="transcript__section"
          style={{ borderColor: sectionColour(section.modeIndex) }}
        >
          {section.label}
        </span>
      ) : null}
      {paragraph.pauseBefore !== undefined ? (
        <span className="transcript__pause" title="Long pause">
          ⏸ {paragraph.pauseBefore} s
        </span>
      ) : null}
      {spans}
    </>
  );
});

/**
 * The transcript beside the waveform: virtualised paragraphs, the spoken word highlighted in
 * step with playback, click (or Enter on a paragraph) to seek. Fillers, metrics and trade-offs
 * are marked inline; long pauses show as a chip.
 */
export function TranscriptPanel({ words, layout, sections }: TranscriptPanelProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const player = useReportPlayer();
  const highlighterRef = useRef<PlaybackHighlighter | undefined>(undefined);
  const { paragraphs, marks, starts } = layout;
  // The app does not use the React Compiler, so the virtualizer's unstable functions are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: paragraphs.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => {
      const p = paragraphs[i];
      const n = p ? p.last - p.first + 1 : 1;
      return 28 + Math.ceil(n / 11) * 24 + (p?.section ? 26 : 0);
    },
    overscan: 4,
  });
  const sectionByStart = new Map<number, WaveSection>();
  for (const p of paragraphs) {
    const section = p.section ? sections[p.section.index] : undefined;
    if (section) sectionByStart.set(p.first, section);
  }

  useEffect(() => {
    const root = scrollRef.current;
    if (!root) return;
    const highlighter = new PlaybackHighlighter(root, starts, (index, element) => {
      if (!player.playing || index < 0) return;
      const box = root.getBoundingClientRect();
      const at = element?.getBoundingClientRect();
      if (at && at.top >= box.top && at.bottom <= box.bottom) return;
      const paragraph = paragraphOfWord(paragraphs, index);
      if (paragraph >= 0) virtualizer.scrollToIndex(paragraph, { align: 'center' });
    });
    highlighterRef.current = highlighter;
    highlighter.update(player.time);
    const off = player.onTime((time) => highlighter.update(time));
    return () => {
      off();
      highlighterRef.current = undefined;
    };
  }, [player, starts, paragraphs, virtualizer]);

  useLayoutEffect(() => highlighterRef.current?.reapply());

  const seekToWord = (event: MouseEvent<HTMLDivElement>) => {
    const target = (event.target as Element).closest('[data-i]');
    const index = Number(target?.getAttribute('data-i'));
    const word = words[index];
    if (word) player.seek(word.start);
  };
  const seekToParagraph = (event: KeyboardEvent<HTMLDivElement>, p: TranscriptParagraph) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    event.stopPropagation();
    player.seek(p.start);
  };

  return (
    <section className="card transcript" aria-labelledby="transcript-title">
      <h3 id="transcript-title">
        Transcript <span className="muted transcript__count">{words.length} words</span>
      </h3>
      <p className="transcript__legend muted">
        <span className="word word--filler">filler</span>{' '}
        <span className="word word--metric">metric</span>{' '}
        <span className="word word--tradeoff">trade-off</span> · click a word to hear it
      </p>
      <div
        ref={scrollRef}
        className="transcript__scroll"
        data-testid="transcript"
        onClick={seekToWord}
        role="list"
        aria-label="Transcript paragraphs; press Enter on one to play from it"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const p = paragraphs[item.index];
            if (!p) return null;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="transcript__paragraph"
                role="listitem"
                tabIndex={0}
                title={`From ${formatClock(seconds(p.start))}: Enter plays from here`}
                onKeyDown={(e) => seekToParagraph(e, p)}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <Paragraph
                  paragraph={p}
                  words={words}
                  marks={marks}
                  section={sectionByStart.get(p.first)}
                />
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
