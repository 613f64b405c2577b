/**
 * Highlights the word being spoken, once per animation frame while playing. The cost per frame
 * is a binary search plus, only when the word changes, two class toggles: no React render and
 * no walk over the words (an hour holds ~9,000 of them).
 */
import { wordIndexAt } from './transcript-layout';

/** Class on the word being spoken. */
export const CURRENT_WORD_CLASS = 'word--now';

export class PlaybackHighlighter {
  private currentIndex = -1;
  private currentElement: Element | null = null;

  /**
   * @param root element holding the rendered words (`data-i` = word index)
   * @param starts word start times, ascending
   * @param onWordChange called with the new index when the spoken word changes (e.g. to scroll)
   */
  constructor(
    private readonly root: HTMLElement,
    private readonly starts: Float64Array,
    private readonly onWordChange: (index: number, element: Element | null) => void = () => {},
  ) {}

  get index(): number {
    return this.currentIndex;
  }

  /** Moves the highlight to the word at `time` (seconds). Returns the word index (−1: none). */
  update(time: number): number {
    const index = wordIndexAt(this.starts, time);
    if (index === this.currentIndex) return index;
    this.currentElement?.classList.remove(CURRENT_WORD_CLASS);
    this.currentIndex = index;
    this.currentElement = index >= 0 ? this.root.querySelector(`[data-i="${index}"]`) : null;
    this.currentElement?.classList.add(CURRENT_WORD_CLASS);
    this.onWordChange(index, this.currentElement);
    return index;
  }

  /**
   * Re-applies the highlight after the list re-rendered (a virtualised row mounted the word, or
   * unmounted it).
   */
  reapply(): void {
    if (this.currentElement?.isConnected) return;
    this.currentElement =
      this.currentIndex >= 0 ? this.root.querySelector(`[data-i="${this.currentIndex}"]`) : null;
    this.currentElement?.classList.add(CURRENT_WORD_CLASS);
  }
}
