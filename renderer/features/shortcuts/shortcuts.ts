/**
 * Every keyboard shortcut of the app, in one list: the help overlay shows it, and the review's
 * key handler matches against it, so the two cannot disagree.
 */

export type ReviewAction =
  | 'togglePlay'
  | 'back'
  | 'forward'
  | 'previousSection'
  | 'nextSection'
  | 'zoomIn'
  | 'zoomOut'
  | 'slower'
  | 'faster'
  | 'exportMarkdown'
  | 'exportPdf'
  | 'copyTranscript';

export interface Shortcut {
  /** Keys as shown to the user. */
  keys: string[];
  does: string;
  /** Set for review actions this list dispatches; unset for keys handled elsewhere. */
  action?: ReviewAction;
  /** `KeyboardEvent.key` values that trigger it. */
  match?: string[];
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Recording',
    shortcuts: [
      { keys: ['Space'], does: 'Start or stop recording (while no button has the focus)' },
      { keys: ['N', '→'], does: 'Mark the next section while recording' },
      { keys: ['Esc'], does: 'Stop recording' },
    ],
  },
  {
    title: 'Review playback',
    shortcuts: [
      { keys: ['K'], does: 'Play or pause', action: 'togglePlay', match: ['k', 'K'] },
      { keys: ['J'], does: 'Back 5 seconds', action: 'back', match: ['j', 'J'] },
      { keys: ['L'], does: 'Forward 5 seconds', action: 'forward', match: ['l', 'L'] },
      { keys: [','], does: 'Previous section', action: 'previousSection', match: [','] },
      { keys: ['.'], does: 'Next section', action: 'nextSection', match: ['.'] },
      { keys: ['+'], does: 'Zoom in', action: 'zoomIn', match: ['+', '='] },
      { keys: ['-'], does: 'Zoom out', action: 'zoomOut', match: ['-', '_'] },
      { keys: ['['], does: 'Slower', action: 'slower', match: ['['] },
      { keys: [']'], does: 'Faster', action: 'faster', match: [']'] },
      { keys: ['←', '→'], does: 'On a focused section: move its end (Shift: 1 s)' },
    ],
  },
  {
    title: 'Report',
    shortcuts: [
      { keys: ['Shift', 'M'], does: 'Export Markdown', action: 'exportMarkdown', match: ['M'] },
      { keys: ['Shift', 'P'], does: 'Export PDF', action: 'exportPdf', match: ['P'] },
      { keys: ['Shift', 'C'], does: 'Copy the transcript', action: 'copyTranscript', match: ['C'] },
      { keys: ['Tab'], does: 'Move between controls, quotes and transcript paragraphs' },
      { keys: ['Enter'], does: 'Play from the focused quote or paragraph' },
    ],
  },
  {
    title: 'App',
    shortcuts: [
      { keys: ['T'], does: 'Change theme (system, light, dark)' },
      { keys: ['?'], does: 'Show or hide this help' },
    ],
  },
];

/** Elements where keys keep their own meaning. */
export function isTextEntry(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** The review action a key press asks for, if any. */
export function reviewActionFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): ReviewAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  for (const group of SHORTCUT_GROUPS) {
    for (const s of group.shortcuts) if (s.action && s.match?.includes(event.key)) return s.action;
  }
  return undefined;
}
