import { Paperclip } from 'lucide-react';
import { Link, useSearchParams } from 'react-router-dom';
import { Avatar } from '../../../components/ui/Avatar.tsx';
import { relativeTime } from '../../../lib/format.ts';
import type { ConversationSummary } from '../api/conversations-query.ts';
import { contactLabel } from '../inbox.utils.ts';

/** What the list shows of a message: its text, or that it only carries files; notes are marked. */
function preview(last: ConversationSummary['last'][number] | undefined): string {
  if (!last) return 'No messages yet';
  const text = last.content.trim() || 'Sent a file';
  return `${last.is_private ? 'Note: ' : last.sender_type === 'agent' ? 'You: ' : ''}${text}`;
}

export function ConversationListItem({ conversation, open }: { conversation: ConversationSummary; open: boolean }) {
  const [search] = useSearchParams();
  const target = new URLSearchParams(search);
  target.set('conversation', conversation.id);
  const name = contactLabel(conversation.contact);
  const last = conversation.last[0];
  const unread = conversation.agent_unread_count;
  return (
    <li>
      <Link
        to={{ search: target.toString() }}
        aria-current={open ? 'true' : undefined}
        className={`flex gap-3 px-3 py-3 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500 dark:hover:bg-slate-800 ${
          open ? 'bg-brand-50 dark:bg-slate-800' : ''
        }`}
      >
        <Avatar name={name} size="sm" />
        <span className="min-w-0 flex-1">
          <span className="flex items-baseline justify-between gap-2">
            <span className={`truncate text-sm ${unread ? 'font-semibold text-slate-900 dark:text-white' : 'font-medium text-slate-800 dark:text-slate-100'}`}>{name}</span>
            <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">{relativeTime(conversation.last_message_at ?? conversation.created_at)}</span>
          </span>
          <span className="mt-0.5 flex items-center gap-2">
            {last && last.attachments !== null && Array.isArray(last.attachments) && last.attachments.length > 0 && (
              <Paperclip aria-label="Has attachments" className="h-3 w-3 shrink-0 text-slate-500" />
            )}
            <span className="truncate text-sm text-slate-600 dark:text-slate-400">{preview(last)}</span>
            {unread > 0 && (
              <span className="ml-auto shrink-0 rounded-full bg-brand-600 px-1.5 text-xs font-medium text-white">
                {unread}
                <span className="sr-only"> unread</span>
              </span>
            )}
          </span>
        </span>
      </Link>
    </li>
  );
}
