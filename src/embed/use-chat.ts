import { useEffect, useRef, useState } from 'preact/hooks';
import * as api from './api.ts';
import type { Bridge } from './bridge.ts';
import { needsEmail, type ChatMessage } from './chat.utils.ts';
import { fill, type Strings } from './i18n.ts';
import type { InitPayload } from './messages.ts';
import { playChime } from './notify.ts';
import { ChatError, currentSession, ensureSession, signOut } from './session.ts';
import { useConversation } from './use-conversation.ts';

export interface ChatSetup {
  config: api.WidgetConfig;
  host: InitPayload;
  parentOrigin: string;
  strings: Strings;
  bridge: Bridge;
  opened: boolean;
}

export interface Upload {
  id: string;
  name: string;
  progress: number;
}

/** A readable message for any failure (the server's own words when it gave some). */
export function describeError(error: unknown, strings: Strings): string {
  if (error instanceof ChatError && error.status === 429 && error.code === 'over_request_rate_limit') return strings.rateLimited;
  return error instanceof Error && error.message ? error.message : strings.genericError;
}

/** Whether the page is in view (a hidden tab gets the unread badge and the chime, like a closed chat). */
function usePageVisible(): boolean {
  const [visible, setVisible] = useState(document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    addEventListener('visibilitychange', update);
    return () => removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

/**
 * The visitor's chat: resumes the browser's latest conversation, admits the visitor lazily (anonymous
 * sign-in and widget session on the first message or form), sends with attachments, keeps the host's
 * unread badge and notifications, and marks agent replies read while the chat is in view.
 */
export function useChat({ config, host, parentOrigin, strings, bridge, opened }: ChatSetup) {
  const [conversation, setConversation] = useState<api.Conversation | null>(null);
  const [unread, setUnread] = useState(0);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [resumed, setResumed] = useState(!currentSession());
  const admissionRef = useRef<Promise<api.WidgetSession> | null>(null);
  const pageVisible = usePageVisible();
  const visible = opened && pageVisible;

  const live = useConversation(conversation?.id ?? null, {
    onAgentMessage(message) {
      if (visible) return void api.markRead(message.conversation_id).catch(() => undefined);
      setUnread((count) => count + 1);
      playChime();
      bridge.post({ type: 'message', payload: { sender: message.sender_name ?? strings.agent, preview: message.content.slice(0, 140), conversationId: message.conversation_id } });
    },
    onChange: (change) => setConversation((current) => (current && { ...current, ...pickConversation(change) })),
  });

  useEffect(() => {
    if (resumed) return;
    api.ownConversation({ widget_id: config.widget_id })
      .then((latest) => {
        setConversation(latest);
        setUnread(latest?.visitor_unread_count ?? 0);
      })
      .catch(() => undefined) // a stale session simply starts over on the first message
      .finally(() => setResumed(true));
  }, [config.widget_id, resumed]);

  useEffect(() => bridge.post({ type: 'unread', payload: { count: unread } }), [bridge, unread]);

  useEffect(() => {
    if (!visible || !conversation || !unread) return;
    setUnread(0);
    void api.markRead(conversation.id).catch(() => undefined);
  }, [visible, conversation, unread]);

  /** Signs in and opens the widget session once per page (again after the host changes who the visitor is). */
  const admit = (prechat?: Record<string, string>) => {
    if (!admissionRef.current || prechat) {
      admissionRef.current = ensureSession().then(() => api.openSession({
        widget_key: config.widget_key, parent_origin: parentOrigin, user: host.user, attributes: host.attributes, page: host.page, prechat,
      }));
      admissionRef.current.catch(() => (admissionRef.current = null));
    }
    return admissionRef.current;
  };

  const ensureConversation = async (email?: string) => {
    if (conversation && conversation.status !== 'resolved') return conversation;
    const session = await admit();
    const started = await api.startConversation(config.widget_id, session.contact_id, needsEmail(config) ? email : undefined);
    setConversation(started);
    return started;
  };

  const uploadAll = async (target: api.Conversation, files: File[]) => {
    const tracked = files.map((file) => ({ id: crypto.randomUUID(), name: file.name, progress: 0 }));
    setUploads((current) => [...current, ...tracked]);
    try {
      return await Promise.all(files.map(async (file, index) => {
        const onProgress = (progress: number) => setUploads((current) => current.map((u) => (u.id === tracked[index].id ? { ...u, progress } : u)));
        return { path: await api.uploadAttachment(target.org_id, target.id, file, onProgress), name: file.name.slice(0, 200) };
      }));
    } finally {
      setUploads((current) => current.filter((upload) => !tracked.some((t) => t.id === upload.id)));
    }
  };

  const send = async (content: string, files: File[] = [], email?: string, clientMessageId: string = crypto.randomUUID()) => {
    setError(null);
    const optimistic: ChatMessage = {
      id: clientMessageId, client_message_id: clientMessageId, conversation_id: conversation?.id ?? '', content, attachments: [],
      sender_type: 'visitor', sender_name: strings.you, created_at: new Date().toISOString(), delivered_at: null, read_at: null, pending: 'sending',
    } as unknown as ChatMessage;
    try {
      const target = await ensureConversation(email);
      live.addLocal({ ...optimistic, conversation_id: target.id });
      live.announceTyping(false);
      const attachments = files.length ? await uploadAll(target, files) : [];
      live.addLocal(await api.sendMessage(target.id, content, clientMessageId, attachments) ?? { ...optimistic, conversation_id: target.id, pending: undefined });
    } catch (failure) {
      live.addLocal({ ...optimistic, pending: 'failed' });
      setError(describeError(failure, strings));
    }
  };

  const submitPrechat = async (answers: Record<string, string>) => {
    setError(null);
    await admit(answers);
  };

  const startOver = () => setConversation(null);

  const reset = async () => {
    admissionRef.current = null;
    setConversation(null);
    setUnread(0);
    await signOut();
  };

  /** The host changed the visitor's identity or attributes: admit again at the next message (now, if chatting). */
  const refreshAdmission = () => {
    admissionRef.current = null;
    if (currentSession()) void admit().catch((failure) => setError(describeError(failure, strings)));
  };

  return {
    conversation, messages: live.messages, agentTyping: live.agentTyping, loadError: live.loadError, uploads, error, resumed,
    typingLabel: live.agentTyping === null ? null : fill(strings.typing, { name: live.agentTyping || strings.agent }),
    announceTyping: live.announceTyping, send, submitPrechat, startOver, reset, refreshAdmission, setError,
  };
}

function pickConversation(change: Partial<api.Conversation>): Partial<api.Conversation> {
  const { status, last_message_at, visitor_unread_count, csat_rating } = change;
  return Object.fromEntries(Object.entries({ status, last_message_at, visitor_unread_count, csat_rating }).filter(([, value]) => value !== undefined));
}
