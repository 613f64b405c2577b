import { useEffect, useRef, useState } from 'react';
import { SHORTCUT_GROUPS, isTextEntry } from './shortcuts';
import './shortcuts.css';

/**
 * `?` opens a dialog listing every shortcut; Esc or the Close button closes it. A native
 * <dialog> gives focus trapping and Esc handling for free.
 */
export function HelpOverlay() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextEntry(event.target)) return;
      event.preventDefault();
      setOpen((o) => !o);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <>
      <button
        type="button"
        className="button button--quiet help-button"
        aria-label="Keyboard shortcuts (?)"
        aria-keyshortcuts="?"
        data-testid="help-button"
        onClick={() => setOpen(true)}
      >
        ?
      </button>
      <dialog
        ref={dialogRef}
        className="help-overlay"
        aria-labelledby="help-title"
        data-testid="help-overlay"
        onClose={() => setOpen(false)}
      >
        <div className="help-overlay__head">
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button type="button" className="button" onClick={() => setOpen(false)} autoFocus>
            Close
          </button>
        </div>
        <div className="help-overlay__groups">
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group.title}>
              <h3>{group.title}</h3>
              <dl>
                {group.shortcuts.map((s) => (
                  <div key={s.does} className="help-overlay__row">
                    <dt>
                      {s.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 ? (s.keys[0] === 'Shift' ? ' + ' : ' or ') : null}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </dt>
                    <dd>{s.does}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </dialog>
    </>
  );
}
