/** @jsxImportSource preact */
import { useRef, useState } from 'preact/hooks';
import { fill, type Strings } from '../i18n.ts';
import type { Upload } from '../use-chat.ts';
import { Icon } from './Icons.tsx';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,text/csv';

interface ComposerProps {
  strings: Strings;
  askEmail: boolean;
  uploads: Upload[];
  onSend: (content: string, files: File[], email?: string) => Promise<void>;
  onTyping: (typing: boolean) => void;
}

/** Message box with attachments (and the email offline conversations need). Enter sends, Shift+Enter breaks the line. */
export function Composer({ strings, askEmail, uploads, onSend, onTyping }: ComposerProps) {
  const [content, setContent] = useState('');
  const [email, setEmail] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const pickFiles = (list: FileList | null) => {
    const picked = [...(list ?? [])];
    setProblem(picked.some((file) => file.size > MAX_FILE_BYTES) ? strings.fileTooLarge : null);
    setFiles((current) => [...current, ...picked.filter((file) => file.size <= MAX_FILE_BYTES)].slice(0, 5));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if ((!content.trim() && !files.length) || !form.current?.reportValidity()) return;
    void onSend(content.trim(), files, askEmail ? email.trim() : undefined);
    setContent('');
    setFiles([]);
  };

  return (
    <form ref={form} class="composer" onSubmit={submit}>
      {askEmail && (
        <label class="field">
          <span>{strings.emailLabel}</span>
          <input type="email" required autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          <small>{strings.offlineHint}</small>
        </label>
      )}
      {uploads.map((upload) => (
        <div key={upload.id} class="upload">
          <span>{fill(strings.uploading, { name: upload.name, percent: Math.round(upload.progress * 100) })}</span>
          <progress max={1} value={upload.progress} aria-label={upload.name} />
        </div>
      ))}
      {files.length > 0 && (
        <ul class="chosen">
          {files.map((file, index) => (
            <li key={index}>
              <span>{file.name}</span>
              <button type="button" class="icon-button small" aria-label={`${strings.remove}: ${file.name}`}
                onClick={() => setFiles((current) => current.filter((_, i) => i !== index))}>
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && <p class="error" role="alert">{problem}</p>}
      <div class="compose-row">
        <label class="icon-button" title={strings.attach}>
          <input type="file" class="visually-hidden" accept={ACCEPT} multiple aria-label={strings.attach}
            onChange={(e) => (pickFiles(e.currentTarget.files), (e.currentTarget.value = ''))} />
          <Icon name="paperclip" />
        </label>
        <textarea
          rows={1}
          aria-label={strings.messageLabel}
          placeholder={strings.placeholder}
          maxLength={10000}
          value={content}
          onInput={(e) => {
            setContent(e.currentTarget.value);
            onTyping(e.currentTarget.value.length > 0);
          }}
          onBlur={() => onTyping(false)}
          onKeyDown={(e) => e.key === 'Enter' && !e.shiftKey && !e.isComposing && submit(e)}
        />
        <button type="submit" class="send" aria-label={strings.send}>
          <Icon name="send" />
        </button>
      </div>
    </form>
  );
}
