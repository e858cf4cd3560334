import type { RealtimeChannel } from '@supabase/realtime-js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { listMessages, realtime, type Conversation } from './api.ts';
import { catchUpSince, mergeMessages, type ChatMessage } from './chat.utils.ts';

const TYPING_TIMEOUT_MS = 6000;
const TYPING_THROTTLE_MS = 2000;

export interface ConversationEvents {
  /** A message from the support side arrived live. */
  onAgentMessage: (message: ChatMessage) => void;
  /** The conversation changed (status, unread count, rating). */
  onChange: (change: Partial<Conversation>) => void;
}

type Payload = Record<string, unknown>;

/**
 * One conversation, live, on its private visitor topic: messages (fetched, then from Broadcast),
 * read receipts and typing both ways. Every (re)subscription catches up from the newest stored message,
 * so a reconnect leaves no gap, and merging by id leaves no duplicate.
 */
export function useConversation(conversationId: string | null, events: ConversationEvents) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [agentTyping, setAgentTyping] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const latestRef = useRef({ messages, events, channel: null as RealtimeChannel | null, typingSentAt: 0 });
  useEffect(() => {
    latestRef.current.messages = messages;
    latestRef.current.events = events;
  });

  useEffect(() => {
    setMessages([]);
    setAgentTyping(null);
    if (!conversationId) return;
    let cancelled = false;
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    const add = (incoming: ChatMessage[]) => !cancelled && setMessages((current) => mergeMessages(current, incoming));
    const catchUp = () =>
      listMessages(conversationId, catchUpSince(latestRef.current.messages))
        .then((fetched) => (add(fetched), setLoadError(null)))
        .catch((error: Error) => !cancelled && setLoadError(error.message));

    const channel = realtime.channel(`conversation:${conversationId}`, { config: { private: true } });
    channel
      .on('broadcast', { event: 'message_created' }, ({ payload }: { payload: Payload }) => {
        const message = payload as unknown as ChatMessage;
        add([message]);
        if (message.sender_type !== 'visitor') {
          setAgentTyping(null);
          latestRef.current.events.onAgentMessage(message);
        }
      })
      .on('broadcast', { event: 'messages_read' }, ({ payload }: { payload: Payload }) => {
        if (payload.read_by !== 'agent') return;
        const readAt = String(payload.read_at);
        setMessages((current) => current.map((m) => (m.sender_type === 'visitor' && !m.read_at && !m.pending ? { ...m, read_at: readAt, delivered_at: m.delivered_at ?? readAt } : m)));
      })
      .on('broadcast', { event: 'conversation_changed' }, ({ payload }: { payload: Payload }) =>
        latestRef.current.events.onChange(payload as Partial<Conversation>))
      .on('broadcast', { event: 'typing' }, ({ payload }: { payload: Payload }) => {
        if (payload.sender_type !== 'agent') return;
        clearTimeout(typingTimer);
        const typing = payload.typing !== false;
        setAgentTyping(typing ? (typeof payload.name === 'string' ? payload.name.slice(0, 100) : '') : null);
        if (typing) typingTimer = setTimeout(() => setAgentTyping(null), TYPING_TIMEOUT_MS);
      });
    latestRef.current.channel = channel;
    const shared = latestRef.current;
    void realtime.setAuth().then(() => {
      if (!cancelled) channel.subscribe((status) => status === 'SUBSCRIBED' && void catchUp());
    });
    void catchUp();
    return () => {
      cancelled = true;
      clearTimeout(typingTimer);
      shared.channel = null;
      void realtime.removeChannel(channel);
    };
  }, [conversationId]);

  /** Tells the agents the visitor is typing (throttled) or stopped. */
  const announceTyping = (typing: boolean) => {
    const { channel, typingSentAt } = latestRef.current;
    const now = Date.now();
    if (!channel || (typing && now - typingSentAt < TYPING_THROTTLE_MS) || (!typing && !typingSentAt)) return;
    latestRef.current.typingSentAt = typing ? now : 0;
    void channel.send({ type: 'broadcast', event: 'typing', payload: { typing, sender_type: 'visitor' } });
  };

  const addLocal = (message: ChatMessage) => setMessages((current) => mergeMessages(current, [message]));

  return { messages, agentTyping, loadError, announceTyping, addLocal };
}
