import { Lock, Paperclip, Send, X } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { CHAT_FILE_MAX_BYTES, CHAT_FILE_TYPES, CHAT_FILES_PER_MESSAGE } from '../api/attachment-upload.ts';
import { useSendMessageMutation } from '../api/message-send-mutation.ts';
import { fileProblem, fileSize } from '../inbox.utils.ts';
import { SavedReplyPicker } from './SavedReplyPicker.tsx';
import type { ComposerMode } from './use-inbox-shortcuts.ts';

const MAX_LENGTH = 10000;

interface ComposerProps {
  conversationId: string;
  request: { mode: ComposerMode; at: number } | null;
  onTyping: (typing: boolean) => void;
}

/** Reply to the visitor or write a private note; Enter sends, Shift+Enter starts a new line. */
export function Composer({ conversationId, request, onTyping }: ComposerProps) {
  const { org } = useCurrentOrg();
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const picker = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const send = useSendMessageMutation();
  const isNote = mode === 'note';

  // A shortcut (r / n) switches the mode during render, then focuses the box once it is drawn.
  const [handledRequest, setHandledRequest] = useState(request);
  if (request !== handledRequest) {
    setHandledRequest(request);
    if (request) setMode(request.mode);
  }
  useEffect(() => {
    if (request) area.current?.focus();
  }, [request]);

  const submit = () => {
    const content = text.trim();
    if (!content && !files.length) return setError('Write a message or attach a file first.');
    if (content.length > MAX_LENGTH) return setError(`Keep it under ${MAX_LENGTH.toLocaleString()} characters.`);
    setError(null);
    if (!isNote) onTyping(false);
    send.mutate(
      { orgId: org.id, conversationId, content, isPrivate: isNote, clientMessageId: crypto.randomUUID(), files },
      { onSuccess: () => (setText(''), setFiles([])) },
    );
  };

  const addFiles = (picked: FileList | null) => {
    const chosen = [...files, ...(picked ? [...picked] : [])];
    const problem = chosen.map((file) => fileProblem(file, CHAT_FILE_TYPES, CHAT_FILE_MAX_BYTES)).find(Boolean);
    if (problem) return setError(problem);
    if (chosen.length > CHAT_FILES_PER_MESSAGE) return setError(`Attach at most ${CHAT_FILES_PER_MESSAGE} files to one message.`);
    setError(null);
    setFiles(chosen);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape') {
      area.current?.blur();
    }
  };

  return (
    <form
      onSubmit={(event) => (event.preventDefault(), submit())}
      className={`border-t p-3 ${isNote ? 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950' : 'border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900'}`}
    >
      <div className="mb-2 flex items-center justify-between gap-2">
        <div role="radiogroup" aria-label="Message type" className="flex gap-1 rounded-md bg-slate-100 p-0.5 dark:bg-slate-800">
          {(['reply', 'note'] as const).map((option) => (
            <button
              key={option}
              type="button"
              role="radio"
              aria-checked={mode === option}
              onClick={() => setMode(option)}
              className={`rounded px-2.5 py-1 text-xs font-medium ${mode === option ? 'bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-white' : 'text-slate-700 dark:text-slate-300'}`}
            >
              {option === 'reply' ? 'Reply' : 'Private note'}
            </button>
          ))}
        </div>
        <SavedReplyPicker conversationId={conversationId} onPick={(body) => (setText((current) => (current ? `${current}\n${body}` : body)), area.current?.focus())} />
      </div>
      <label htmlFor="composer" className="sr-only">
        {isNote ? 'Private note (only your team sees it)' : 'Reply to the visitor'}
      </label>
      <textarea
        id="composer"
        ref={area}
        rows={3}
        value={text}
        maxLength={MAX_LENGTH}
        placeholder={isNote ? 'Write a note only your team can see…' : 'Write a reply…'}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'composer-error' : undefined}
        onChange={(event) => {
          setText(event.target.value);
          if (!isNote) onTyping(event.target.value.length > 0);
        }}
        onKeyDown={onKeyDown}
        className="block w-full resize-y rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-500 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
      />
      {files.length > 0 && (
        <ul aria-label="Files to send" className="mt-2 flex flex-wrap gap-2">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="flex items-center gap-1 rounded-full border border-slate-300 bg-white py-0.5 pl-2.5 pr-1 text-xs text-slate-800 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100">
              {file.name} ({fileSize(file.size)})
              <button type="button" onClick={() => setFiles(files.filter((_, other) => other !== index))} className="rounded-full p-0.5 hover:bg-slate-100 dark:hover:bg-slate-800">
                <X aria-hidden className="h-3 w-3" />
                <span className="sr-only">Remove {file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id="composer-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="mt-2 flex items-center justify-between gap-2">
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {isNote ? (
            <span className="inline-flex items-center gap-1">
              <Lock aria-hidden className="h-3 w-3" /> Only your team sees notes.
            </span>
          ) : (
            'Enter to send, Shift+Enter for a new line.'
          )}
        </p>
        <div className="flex items-center gap-2">
          <input
            ref={picker}
            type="file"
            multiple
            hidden
            accept={CHAT_FILE_TYPES.join(',')}
            onChange={(event) => (addFiles(event.target.files), (event.target.value = ''))}
            aria-label="Attach files"
          />
          <Button variant="ghost" size="sm" onClick={() => picker.current?.click()} disabled={send.isPending}>
            <Paperclip aria-hidden className="h-4 w-4" /> Attach
          </Button>
          <Button type="submit" size="sm" disabled={send.isPending}>
            <Send aria-hidden className="h-4 w-4" /> {send.isPending ? 'Sending…' : isNote ? 'Add note' : 'Send reply'}
          </Button>
        </div>
      </div>
    </form>
  );
}
