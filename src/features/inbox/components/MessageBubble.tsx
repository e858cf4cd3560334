import { FileText, Lock } from 'lucide-react';
import { formatDateTime } from '../../../lib/format.ts';
import { useAttachmentUrlQuery } from '../api/attachment-url-query.ts';
import { attachmentsOf, type Attachment, type Message } from '../api/messages-query.ts';
import { fileSize, isPreviewableImage } from '../inbox.utils.ts';

const BUBBLES = {
  visitor: 'mr-auto bg-white text-slate-900 border border-slate-200 dark:bg-slate-900 dark:text-slate-100 dark:border-slate-700',
  agent: 'ml-auto bg-brand-600 text-white',
  bot: 'mr-auto bg-violet-50 text-violet-950 border border-violet-200 dark:bg-violet-950 dark:text-violet-100 dark:border-violet-800',
  note: 'ml-auto bg-amber-50 text-amber-950 border border-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:border-amber-800',
} as const;

function whoLabel(message: Message): string {
  if (message.is_private) return `Private note by ${message.sender_name ?? 'an agent'}`;
  if (message.sender_type === 'visitor') return message.sender_name ?? 'Visitor';
  if (message.sender_type === 'bot') return `${message.sender_name ?? 'Bot'} (bot)`;
  return message.sender_name ?? 'Agent';
}

/** One message; every text is rendered as text (React escapes it), never as HTML. */
export function MessageBubble({ message, seen }: { message: Message; seen: boolean }) {
  const time = formatDateTime(message.created_at);
  if (message.sender_type === 'system') {
    return (
      <li className="text-center text-xs text-slate-600 dark:text-slate-400">
        <span className="whitespace-pre-wrap">{message.content}</span> · <time dateTime={message.created_at}>{time}</time>
      </li>
    );
  }
  const style = message.is_private ? BUBBLES.note : BUBBLES[message.sender_type];
  const fromVisitor = message.sender_type === 'visitor' || message.sender_type === 'bot';
  return (
    <li className={`flex flex-col ${fromVisitor ? 'items-start' : 'items-end'}`}>
      <p className="mb-1 flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
        {message.is_private && <Lock aria-hidden className="h-3 w-3" />}
        <span className="font-medium">{whoLabel(message)}</span> · <time dateTime={message.created_at}>{time}</time>
      </p>
      <div className={`max-w-[75%] rounded-lg px-3 py-2 text-sm shadow-sm ${style}`}>
        {message.content && <p className="whitespace-pre-wrap break-words">{message.content}</p>}
        {attachmentsOf(message).map((file) => (
          <AttachmentView key={file.path} file={file} />
        ))}
      </div>
      {seen && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Seen by the visitor</p>}
    </li>
  );
}

function AttachmentView({ file }: { file: Attachment }) {
  const url = useAttachmentUrlQuery(file.path).data;
  const label = `${file.name}${file.size ? ` (${fileSize(file.size)})` : ''}`;
  if (isPreviewableImage(file.mime_type) && url) {
    return (
      <a href={url} target="_blank" rel="noreferrer noopener" className="mt-2 block">
        <img src={url} alt={file.name} className="max-h-48 rounded border border-black/10 object-contain" />
        <span className="sr-only">Open {label}</span>
      </a>
    );
  }
  return (
    <a
      href={url}
      target="_blank"
      rel="noreferrer noopener"
      aria-disabled={!url}
      className="mt-2 flex items-center gap-2 rounded border border-current/20 px-2 py-1 text-xs underline underline-offset-2"
    >
      <FileText aria-hidden className="h-4 w-4 shrink-0" />
      <span className="truncate">{label}</span>
    </a>
  );
}
