import { useState } from 'react';

/** The files chosen for a form and their upload progress while it is being sent. */
export function useAttachments() {
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number[] | null>(null);
  const [error, setError] = useState<string>();
  return {
    picker: { files, onChange: setFiles, progress, error, onError: setError },
    files,
    start: () => setProgress(files.map(() => 0)),
    onProgress: (index: number, fraction: number) => setProgress((current) => current && current.map((value, i) => (i === index ? fraction : value))),
    finish: (succeeded: boolean) => {
      setProgress(null);
      if (succeeded) setFiles([]);
    },
  };
}
