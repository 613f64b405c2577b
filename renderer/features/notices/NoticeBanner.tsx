import { useAppStore } from '../../store/app-store';
import './notices.css';

/** The current notice, if any, with a way to dismiss it. */
export function NoticeBanner() {
  const notice = useAppStore((s) => s.notice);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div
      className={`notice notice--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <p>{notice.text}</p>
      <button
        type="button"
        className="button button--quiet"
        onClick={dismiss}
        aria-label="Dismiss message"
      >
        ✕
      </button>
    </div>
  );
}
