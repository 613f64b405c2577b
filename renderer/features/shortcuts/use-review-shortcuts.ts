import { useEffect, useRef } from 'react';
import type { ReviewAction } from './shortcuts';
import { isTextEntry, reviewActionFor } from './shortcuts';

/** Runs review actions from the keyboard while the review is shown. */
export function useReviewShortcuts(actions: Partial<Record<ReviewAction, () => void>>): void {
  const actionsRef = useRef(actions);
  useEffect(() => {
    actionsRef.current = actions;
  }, [actions]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextEntry(event.target)) return;
      const action = reviewActionFor(event);
      const run = action ? actionsRef.current[action] : undefined;
      if (!run) return;
      event.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
