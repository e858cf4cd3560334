import { Download, FileText } from 'lucide-react';
import { toast } from 'sonner';
import { useUserId } from '../../../hooks/use-session.ts';
import { toAppError } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { Attachment, Conversation } from '../api/conversation-query.ts';
import { attachmentUrl } from '../api/upload-attachments.ts';
import { formatBytes } from '../portal.utils.ts';

/** The ticket's public replies, oldest first; the requester's own on the right. Text is rendered inert. */
export function ConversationList({ conversation }: { conversation: Conversation }) {
  const me = useUserId();
  if (conversation.comments.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No replies yet. We will answer here; this page updates by itself.</p>;
  }
  return (
    <ol aria-label="Conversation" className="space-y-4">
      {conversation.comments.map((comment) => {
        const mine = comment.author_id === me;
        const files = conversation.files.filter((file) => file.comment_id === comment.id);
        return (
          <li key={comment.id} className={`flex ${mine ? 'justify-end' : 'justify-start'}`}>
            <article className={`max-w-[85%] rounded-lg border px-4 py-3 ${mine
              ? 'border-brand-200 bg-brand-50 dark:border-brand-800 dark:bg-brand-900/40'
              : 'border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900'}`}>
              <header className="mb-1 flex flex-wrap gap-x-2 text-xs text-slate-600 dark:text-slate-400">
                <span className="font-semibold text-slate-800 dark:text-slate-200">{mine ? 'You' : 'Support team'}</span>
                <time dateTime={comment.published_at ?? comment.created_at}>{formatDateTime(comment.published_at ?? comment.created_at)}</time>
              </header>
              <p className="whitespace-pre-wrap break-words text-sm text-slate-900 dark:text-slate-100">{comment.body}</p>
              {files.length > 0 && <AttachmentList files={files} />}
            </article>
          </li>
        );
      })}
    </ol>
  );
}

/** Files with a download link made on click (signed URLs are short-lived). */
export function AttachmentList({ files }: { files: Attachment[] }) {
  const download = async (file: Attachment) => {
    try {
      window.location.assign(await attachmentUrl(file.storage_path));
    } catch (error) {
      toast.error(toAppError(error).message);
    }
  };
  return (
    <ul aria-label="Attachments" className="mt-2 space-y-1">
      {files.map((file) => (
        <li key={file.id}>
          <button type="button" onClick={() => void download(file)}
            className="inline-flex items-center gap-1.5 rounded text-sm text-brand-700 underline-offset-2 hover:underline dark:text-brand-300">
            <FileText aria-hidden className="h-4 w-4" />
            {file.file_name}
            <span className="text-xs text-slate-600 dark:text-slate-400">({formatBytes(file.size_bytes)})</span>
            <Download aria-hidden className="h-3.5 w-3.5" />
            <span className="sr-only">download</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
