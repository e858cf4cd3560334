import { Lock, MessagesSquare, Paperclip } from 'lucide-react';
import { toast } from 'sonner';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Avatar } from '../../../components/ui/Avatar.tsx';
import { Badge } from '../../../components/ui/Badge.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { toAppError } from '../../../lib/errors.ts';
import { formatDateTime, relativeTime } from '../../../lib/format.ts';
import { attachmentUrl, useConversationQuery, type Attachment, type Comment } from '../api/conversation-queries.ts';
import type { PeopleDirectory } from '../api/reference-data-queries.ts';
import type { Ticket } from '../api/ticket-query.ts';
import { formatBytes, mentionParts } from '../ticket-detail.utils.ts';

/** Replies and internal notes, oldest first; notes stand apart. Everything is rendered as text. */
export function ConversationThread({ ticket, directory }: { ticket: Ticket; directory: PeopleDirectory }) {
  const conversation = useConversationQuery(ticket.id);
  if (conversation.isPending) return <SkeletonRows label="the conversation" />;
  if (conversation.isError) return <Alert title="The conversation could not be loaded">{conversation.error.message}</Alert>;
  const { comments, ticketFiles } = conversation.data;
  return (
    <div className="space-y-4">
      {ticketFiles.length > 0 && (
        <section aria-label="Files of the ticket" className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
          <h2 className="mb-2 text-sm font-semibold text-slate-800 dark:text-slate-100">Files of the ticket</h2>
          <AttachmentList files={ticketFiles} />
        </section>
      )}
      {comments.length === 0 ? (
        <EmptyState icon={MessagesSquare} title="No replies yet">
          Replies and internal notes appear here.
        </EmptyState>
      ) : (
        <ol aria-label="Conversation" className="space-y-3">
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} directory={directory} />
          ))}
        </ol>
      )}
    </div>
  );
}

function CommentItem({ comment, directory }: { comment: Comment; directory: PeopleDirectory }) {
  const author = directory.nameOf(comment.author_id);
  const kind = comment.is_internal ? 'Internal note' : comment.published_at ? 'Reply' : 'Scheduled reply';
  const frame = comment.is_internal
    ? 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40'
    : comment.published_at
      ? 'border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900'
      : 'border-dashed border-sky-400 bg-sky-50 dark:border-sky-700 dark:bg-sky-950/40';
  return (
    <li aria-label={`${kind} by ${author}`} data-comment-kind={comment.is_internal ? 'note' : 'reply'} className={`rounded-lg border p-4 ${frame}`}>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <Avatar name={author} size="sm" />
        <span className="font-medium text-slate-900 dark:text-slate-100">{author}</span>
        {comment.is_internal && (
          <Badge tone="warning">
            <Lock aria-hidden className="mr-1 h-3 w-3" /> Internal note
          </Badge>
        )}
        {!comment.published_at && comment.scheduled_at && <Badge tone="brand">Scheduled for {formatDateTime(comment.scheduled_at)}</Badge>}
        <time dateTime={comment.created_at} title={formatDateTime(comment.created_at)} className="text-slate-600 dark:text-slate-400">
          {relativeTime(comment.created_at)}
        </time>
        {comment.edited_at && <span className="text-xs text-slate-600 dark:text-slate-400">(edited)</span>}
      </div>
      <p className="whitespace-pre-wrap break-words text-sm text-slate-800 dark:text-slate-200">
        {mentionParts(comment.body, directory.people).map((part, index) =>
          part.mention ? (
            <span key={index} className="rounded bg-brand-50 px-0.5 font-medium text-brand-700 dark:bg-brand-900 dark:text-brand-100">
              {part.text}
            </span>
          ) : (
            part.text
          ),
        )}
      </p>
      {comment.attachments.length > 0 && (
        <div className="mt-3">
          <AttachmentList files={comment.attachments} />
        </div>
      )}
    </li>
  );
}

async function download(file: Attachment) {
  try {
    window.location.assign(await attachmentUrl(file));
  } catch (error) {
    toast.error(toAppError(error).message);
  }
}

function AttachmentList({ files }: { files: Attachment[] }) {
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Attachments">
      {files.map((file) => (
        <li key={file.id}>
          <button
            type="button"
            onClick={() => void download(file)}
            className="inline-flex max-w-xs items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
          >
            <Paperclip aria-hidden className="h-3.5 w-3.5 shrink-0" />
            <span className="truncate">{file.file_name}</span>
            <span className="shrink-0 text-slate-600 dark:text-slate-400">{formatBytes(file.size_bytes)}</span>
            <span className="sr-only">(download)</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
