import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HelpOverlay } from './HelpOverlay';
import { SHORTCUT_GROUPS, reviewActionFor } from './shortcuts';

afterEach(cleanup);

const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('review shortcuts', () => {
  it('maps keys to actions and leaves modified keys to the browser', () => {
    expect(reviewActionFor(key('k'))).toBe('togglePlay');
    expect(reviewActionFor(key('='))).toBe('zoomIn');
    expect(reviewActionFor(key('M'))).toBe('exportMarkdown');
    expect(reviewActionFor(key('m'))).toBeUndefined();
    expect(reviewActionFor(key('k', { ctrlKey: true }))).toBeUndefined();
  });

  it('gives every key one meaning', () => {
    const keys = SHORTCUT_GROUPS.flatMap((g) => g.shortcuts.flatMap((s) => s.match ?? []));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('? opens the help listing every shortcut, and it can be closed', () => {
    render(<HelpOverlay />);
    fireEvent.keyDown(window, { key: '?' });
    const dialog = screen.getByTestId('help-overlay');
    expect(dialog.hasAttribute('open')).toBe(true);
    for (const group of SHORTCUT_GROUPS) {
      for (const s of group.shortcuts) expect(dialog.textContent).toContain(s.does);
    }
    fireEvent.click(screen.getByRole('button', { name: 'Close', hidden: true }));
    expect(dialog.hasAttribute('open')).toBe(false);
  });
});
