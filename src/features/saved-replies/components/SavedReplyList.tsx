import { useId } from 'react';
import { EditDeleteButtons } from '../../../components/ui/EditDeleteButtons.tsx';
import { relativeTime } from '../../../lib/format.ts';
import type { SavedReply } from '../api/saved-replies-query.ts';

interface SavedReplyListProps {
  title: string;
  description: string;
  /** What an empty list says, without a search and with one (given the search). */
  empty: { none: string; noMatch: (search: string) => string };
  replies: SavedReply[];
  /** Whether the caller may edit and delete these replies. */
  editable: boolean;
  search: string;
  onEdit: (reply: SavedReply) => void;
  onDelete: (reply: SavedReply) => void;
}

/** One group of replies (shared or personal), each with its text and, when allowed, edit and delete. */
export function SavedReplyList({ title, description, empty, replies, editable, search, onEdit, onDelete }: SavedReplyListProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="text-lg font-semibold text-slate-900 dark:text-slate-50">
        {title} <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({replies.length})</span>
      </h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{description}</p>
      {replies.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {search.trim() ? empty.noMatch(search.trim()) : empty.none}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {replies.map((reply) => (
            <li key={reply.id} className="flex flex-wrap items-start gap-3 p-4">
              <div className="min-w-0 flex-1">
                <h3 className="break-words font-medium text-slate-900 dark:text-slate-50">{reply.title}</h3>
                <p className="mt-1 line-clamp-3 whitespace-pre-line break-words text-sm text-slate-700 dark:text-slate-300">{reply.body}</p>
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Updated {relativeTime(reply.updatedAt)}</p>
              </div>
              {editable && <EditDeleteButtons name={reply.title} onEdit={() => onEdit(reply)} onDelete={() => onDelete(reply)} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
