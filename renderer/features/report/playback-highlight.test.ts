import { describe, expect, it } from 'vitest';
import { CURRENT_WORD_CLASS, PlaybackHighlighter } from './playback-highlight';

function wordsRoot(count: number, mounted: (i: number) => boolean = () => true): HTMLElement {
  const root = document.createElement('div');
  for (let i = 0; i < count; i++) {
    if (!mounted(i)) continue;
    const span = document.createElement('span');
    span.dataset.i = String(i);
    root.append(span);
  }
  return root;
}

describe('PlaybackHighlighter', () => {
  const starts = Float64Array.from([0, 0.5, 1, 1.5, 2]);

  it('marks exactly the word being spoken and reports changes only', () => {
    const root = wordsRoot(5);
    const changes: number[] = [];
    const h = new PlaybackHighlighter(root, starts, (i) => changes.push(i));
    h.update(0.7);
    h.update(0.9);
    h.update(1.6);
    expect(changes).toEqual([1, 3]);
    const marked = [...root.querySelectorAll(`.${CURRENT_WORD_CLASS}`)].map((e) =>
      e.getAttribute('data-i'),
    );
    expect(marked).toEqual(['3']);
  });

  it('re-applies the mark when a virtualised row mounts the word later', () => {
    const root = wordsRoot(5, (i) => i < 2);
    const h = new PlaybackHighlighter(root, starts);
    h.update(2.2);
    expect(root.querySelector(`.${CURRENT_WORD_CLASS}`)).toBeNull();
    const span = document.createElement('span');
    span.dataset.i = '4';
    root.append(span);
    h.reapply();
    expect(span.classList.contains(CURRENT_WORD_CLASS)).toBe(true);
  });
});
