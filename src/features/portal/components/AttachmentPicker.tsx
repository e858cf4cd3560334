import { Paperclip, X } from 'lucide-react';
import { useId, useRef } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { ERROR_CLASSES, HINT_CLASSES } from '../../../components/ui/field-styles.ts';
import { ProgressBar } from '../../../components/ui/ProgressBar.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { attachmentProblem, formatBytes } from '../portal.utils.ts';

export const MAX_FILES = 5;

interface AttachmentPickerProps {
  files: File[];
  onChange: (files: File[]) => void;
  /** Upload progress per file (0…1) while sending. */
  progress: number[] | null;
  error?: string;
  onError: (message: string | undefined) => void;
}

/** Chooses up to five files, checked against the organization's size and type limits before sending. */
export function AttachmentPicker({ files, onChange, progress, error, onError }: AttachmentPickerProps) {
  const { org } = useCurrentOrg();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const limits = { maxBytes: org.attachment_max_bytes, mimeTypes: org.attachment_mime_types };

  const add = (chosen: FileList | null) => {
    const next = [...files, ...Array.from(chosen ?? [])];
    const problem = next.length > MAX_FILES ? `Attach at most ${MAX_FILES} files.` : next.map((file) => attachmentProblem(file, limits)).find(Boolean);
    onError(problem ?? undefined);
    if (!problem) onChange(next);
    if (input.current) input.current.value = '';
  };

  return (
    <div className="space-y-2">
      <input ref={input} type="file" multiple className="sr-only" tabIndex={-1} aria-hidden aria-label="Attach files" accept={limits.mimeTypes.join(',')}
        onChange={(event) => add(event.target.files)} data-testid="attachment-input" />
      <Button variant="secondary" size="sm" aria-describedby={hintId} onClick={() => input.current?.click()} disabled={progress !== null}>
        <Paperclip aria-hidden className="h-4 w-4" /> Attach files
      </Button>
      <p id={hintId} className={HINT_CLASSES}>Up to {MAX_FILES} files, {formatBytes(limits.maxBytes)} each: images, PDF, text and office documents.</p>
      {error && <p role="alert" className={ERROR_CLASSES}>{error}</p>}
      {files.length > 0 && (
        <ul className="space-y-2" aria-label="Files to attach">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700">
              <div className="flex items-center justify-between gap-2">
                <span className="truncate">{file.name} <span className="text-slate-600 dark:text-slate-400">({formatBytes(file.size)})</span></span>
                {progress === null && (
                  <Button variant="ghost" size="sm" aria-label={`Remove ${file.name}`} onClick={() => onChange(files.filter((_, other) => other !== index))}>
                    <X aria-hidden className="h-4 w-4" />
                  </Button>
                )}
              </div>
              {progress !== null && <div className="mt-2"><ProgressBar value={progress[index] ?? 0} label={`Uploading ${file.name}`} /></div>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
