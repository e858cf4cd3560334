import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { toAppError } from '../../../lib/errors.ts';
import type { Message } from '../api/messages-query.ts';
import { MessageBubble } from './MessageBubble.tsx';

/** The messages, notes and system lines of a conversation, scrolled to the newest; visitor typing below. */
export function MessageThread({ query, visitorTyping }: { query: UseQueryResult<Message[]>; visitorTyping: boolean }) {
  const end = useRef<HTMLDivElement>(null);
  const count = query.data?.length ?? 0;
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [count, visitorTyping]);

  const lastReadReply = query.data?.findLast((message) => message.sender_type !== 'visitor' && !message.is_private && message.read_at)?.id;
  return (
    <div className="flex-1 overflow-y-auto px-4 py-4">
      {query.isPending && <SkeletonRows rows={4} label="messages" />}
      {query.isError && <Alert title="The messages could not be loaded">{toAppError(query.error).message}</Alert>}
      {query.data && (
        <ol aria-label="Messages" className="space-y-3">
          {query.data.map((message) => (
            <MessageBubble key={message.id} message={message} seen={message.id === lastReadReply} />
          ))}
        </ol>
      )}
      <div aria-live="polite" className="mt-3 h-5 text-sm italic text-slate-600 dark:text-slate-400">
        {visitorTyping ? 'The visitor is typing…' : ''}
      </div>
      <div ref={end} />
    </div>
  );
}
