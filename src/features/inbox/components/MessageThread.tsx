import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { toAppError } from '../../../lib/errors.ts';
import { threadOf, type MessagePages } from '../api/messages-query.ts';
import { MessageBubble } from './MessageBubble.tsx';

/**
 * The messages, notes and system lines of a conversation, scrolled to the newest; earlier ones on
 * request; visitor typing below.
 */
export function MessageThread({ query, visitorTyping }: { query: UseInfiniteQueryResult<MessagePages>; visitorTyping: boolean }) {
  const end = useRef<HTMLDivElement>(null);
  const messages = threadOf(query.data);
  const newestId = messages.at(-1)?.id;
  // (earlier pages arrive above: they must not scroll the thread down)
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [newestId, visitorTyping]);

  const lastReadReply = messages.findLast((message) => message.sender_type !== 'visitor' && !message.is_private && message.read_at)?.id;
  return (
    // focusable, so that keyboard users can scroll a long thread
    <div role="region" aria-label="Thread" tabIndex={0} className="flex-1 overflow-y-auto px-4 py-4 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600">
      {query.isPending && <SkeletonRows rows={4} label="messages" />}
      {query.isError && <Alert title="The messages could not be loaded">{toAppError(query.error).message}</Alert>}
      {query.hasNextPage && (
        <div className="mb-3 flex justify-center">
          <Button variant="ghost" size="sm" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? 'Loading earlier messages…' : 'Load earlier messages'}
          </Button>
        </div>
      )}
      {query.data && (
        <ol aria-label="Messages" className="space-y-3">
          {messages.map((message) => (
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
