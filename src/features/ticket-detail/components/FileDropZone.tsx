import { Paperclip, X } from 'lucide-react';
import { useId, useState, type DragEvent } from 'react';
import { ProgressBar } from '../../../components/ui/ProgressBar.tsx';
import { formatBytes, sanitizeFileName } from '../ticket-detail.utils.ts';

export interface PendingFile {
  key: string;
  file: File;
  /** 0…1 while uploading, null before. */
  progress: number | null;
}

interface FileDropZoneProps {
  files: PendingFile[];
  onAdd: (files: File[]) => void;
  onRemove: (key: string) => void;
  disabled: boolean;
}

/** Files for the next reply: dropped on the zone or chosen with the file input; progress while sending. */
export function FileDropZone({ files, onAdd, onRemove, disabled }: FileDropZoneProps) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) onAdd([...event.dataTransfer.files]);
  };
  return (
    <div className="space-y-2">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`flex flex-wrap items-center gap-2 rounded-md border border-dashed px-3 py-2 text-sm ${
          over ? 'border-brand-500 bg-brand-50 dark:bg-brand-900/40' : 'border-slate-300 dark:border-slate-700'
        }`}
      >
        <Paperclip aria-hidden className="h-4 w-4 text-slate-600 dark:text-slate-400" />
        <label htmlFor={inputId} className="cursor-pointer font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-300">
          Attach files
        </label>
        <span className="text-slate-600 dark:text-slate-400">or drop them here</span>
        <input
          id={inputId}
          type="file"
          multiple
          disabled={disabled}
          className="sr-only"
          onChange={(event) => {
            onAdd([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
      </div>
      {files.length > 0 && (
        <ul aria-label="Files to send" className="space-y-1.5">
          {files.map(({ key, file, progress }) => {
            const name = sanitizeFileName(file.name);
            return (
              <li key={key} className="flex items-center gap-2 text-sm">
                <span className="min-w-0 flex-1 truncate text-slate-800 dark:text-slate-200">{name}</span>
                <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">{formatBytes(file.size)}</span>
                {progress === null ? (
                  <button type="button" onClick={() => onRemove(key)} disabled={disabled} className="rounded p-1 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
                    <X aria-hidden className="h-4 w-4" />
                    <span className="sr-only">Remove {name}</span>
                  </button>
                ) : (
                  <div className="w-32 shrink-0">
                    <ProgressBar value={progress} label={`Uploading ${name}`} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
