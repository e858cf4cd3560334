/** @jsxImportSource preact */
import { Icon } from './Icons.tsx';

interface NoticeProps {
  title: string;
  hint?: string;
  busy?: boolean;
  onClose?: () => void;
  closeLabel?: string;
}

/** A whole-frame message: loading, or why this chat cannot open here. */
export function Notice({ title, hint, busy, onClose, closeLabel }: NoticeProps) {
  return (
    <main class="notice" aria-busy={busy}>
      {onClose && (
        <button type="button" class="icon-button notice-close" onClick={onClose} aria-label={closeLabel}>
          <Icon name="close" />
        </button>
      )}
      {busy && <span class="spinner" aria-hidden="true" />}
      <div role={busy ? 'status' : 'alert'}><h1>{title}</h1></div>
      {hint && <p>{hint}</p>}
    </main>
  );
}
