import type { RealtimeChannel } from '@supabase/supabase-js';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Availability } from '../inbox.utils.ts';
import { inboxKeys } from './keys.ts';
import { upsertCachedMessage, type Message } from './messages-query.ts';
import { listen } from '../../../lib/realtime-topics.ts';

/**
 * Listens to a private Realtime topic (authorized by RLS on realtime.messages) while the component is
 * mounted, calling `onEvent` for each broadcast. Returns the channel for sending, once joined.
 */
function usePrivateTopic(topic: string, onEvent: (event: string, payload: Record<string, unknown>) => void) {
  const handler = useRef(onEvent);
  const [channel, setChannel] = useState<RealtimeChannel | null>(null);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => {
    let active = true;
    const { ready, stop } = listen(topic, (event, payload) => handler.current(event, payload));
    void ready.then((joined) => active && setChannel(joined));
    return () => {
      active = false;
      setChannel(null);
      stop();
    };
  }, [topic]);
  return channel;
}

/** Keeps the conversation lists and counters live: the org's inbox topic announces every change. */
export function useInboxLive(orgId: string) {
  const queryClient = useQueryClient();
  usePrivateTopic(`org:${orgId}:inbox`, (event, payload) => {
    if (event !== 'conversation_changed') return;
    void queryClient.invalidateQueries({ queryKey: inboxKeys.conversations(orgId) });
    const id = (payload.conversation as { id?: string } | undefined)?.id;
    if (id) void queryClient.invalidateQueries({ queryKey: inboxKeys.conversation(id) });
  });
}

/** Agents' availability changes (someone went away or online) refresh the assignee list. */
export function useAgentsLive(orgId: string) {
  const queryClient = useQueryClient();
  usePrivateTopic(`org:${orgId}:agents`, (event, payload) => {
    if (event !== 'availability_changed') return;
    queryClient.setQueryData<{ userId: string; availability: Availability }[]>(inboxKeys.chatStaff(orgId), (agents) =>
      agents?.map((agent) => (agent.userId === payload.user_id ? { ...agent, availability: payload.availability as Availability } : agent)),
    );
  });
}

const TYPING_TIMEOUT_MS = 6000;
const TYPING_THROTTLE_MS = 2000;

/**
 * One open conversation, live: new messages and notes (staff topic), read receipts, and typing on the
 * visitor's topic (both directions). Returns whether the visitor is typing and a function that tells
 * the visitor the agent is typing (throttled).
 */
export function useConversationLive(conversationId: string, onVisitorMessage: () => void) {
  const queryClient = useQueryClient();
  const [visitorTyping, setVisitorTyping] = useState(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const lastSent = useRef(0);

  usePrivateTopic(`conversation:${conversationId}:staff`, (event, payload) => {
    if (event === 'message_created') {
      const message = payload as unknown as Message;
      upsertCachedMessage(queryClient, message);
      if (message.sender_type === 'visitor') {
        setVisitorTyping(false);
        onVisitorMessage();
      }
    } else if (event === 'messages_read') {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.messages(conversationId) });
    }
  });

  const visitorChannel = usePrivateTopic(`conversation:${conversationId}`, (event, payload) => {
    // Agents announce themselves with sender_type "agent"; anything else on this topic is the visitor.
    if (event !== 'typing' || payload.sender_type === 'agent') return;
    clearTimeout(typingTimer.current);
    const typing = payload.typing !== false;
    setVisitorTyping(typing);
    if (typing) typingTimer.current = setTimeout(() => setVisitorTyping(false), TYPING_TIMEOUT_MS);
  });

  useEffect(() => () => clearTimeout(typingTimer.current), []);

  const announceTyping = (typing: boolean) => {
    const now = Date.now();
    if (!visitorChannel || (typing && now - lastSent.current < TYPING_THROTTLE_MS)) return;
    lastSent.current = typing ? now : 0;
    void visitorChannel.send({ type: 'broadcast', event: 'typing', payload: { typing, sender_type: 'agent' } });
  };

  return { visitorTyping, announceTyping };
}
