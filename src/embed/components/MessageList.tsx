/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import { attachmentUrl, type Attachment } from '../api.ts';
import type { ChatMessage } from '../chat.utils.ts';
import type { Strings } from '../i18n.ts';
import { Icon } from './Icons.tsx';

interface MessageListProps {
  intro: string;
  messages: ChatMessage[];
  typingLabel: string | null;
  strings: Strings;
  onRetry: (message: ChatMessage) => void;
}

const time = (iso: string) => new Date(iso).toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' });

function AttachmentView({ attachment, strings }: { attachment: Attachment; strings: Strings }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    attachmentUrl(attachment.path).then((signed) => live && setUrl(signed), () => undefined);
    return () => void (live = false);
  }, [attachment.path]);
  const name = attachment.name || strings.attachment;
  if (attachment.mime_type?.startsWith('image/') && url) {
    return <a href={url} target="_blank" rel="noopener noreferrer"><img class="image" src={url} alt={name} /></a>;
  }
  return (
    <a class="file" href={url ?? undefined} target="_blank" rel="noopener noreferrer" aria-disabled={!url}>
      <Icon name="file" />
      <span>{name}</span>
    </a>
  );
}

function Status({ message, strings, onRetry }: { message: ChatMessage; strings: Strings; onRetry: () => void }) {
  if (message.pending === 'failed') {
    return (
      <span class="failed" role="alert">
        {strings.notSent}{' '}
        <button type="button" class="link" onClick={onRetry}>{strings.retry}</button>
      </span>
    );
  }
  return <span>{message.pending ? strings.sending : message.read_at ? strings.read : strings.delivered}</span>;
}

/** The conversation, oldest first; every text is rendered as text (never as markup). */
export function MessageList({ intro, messages, typingLabel, strings, onRetry }: MessageListProps) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [messages.length, typingLabel]);
  return (
    <div class="messages" role="log" aria-label={strings.conversation} aria-live="polite" tabIndex={0}>
      <p class="bubble agent intro" dir="auto">{intro}</p>
      {messages.map((message) => {
        const mine = message.sender_type === 'visitor';
        return (
          <div key={message.client_message_id} class={mine ? 'row mine' : 'row'} data-sender={message.sender_type}>
            {!mine && <span class="sender">{message.sender_name || strings.agent}</span>}
            <div class={mine ? 'bubble mine' : 'bubble agent'}>
              {message.content && <p class="text" dir="auto">{message.content}</p>}
              {message.attachments.map((attachment) => <AttachmentView key={attachment.path} attachment={attachment} strings={strings} />)}
            </div>
            <span class="meta">
              {message.pending ? null : time(message.created_at)}
              {mine && ' · '}
              {mine && <Status message={message} strings={strings} onRetry={() => onRetry(message)} />}
            </span>
          </div>
        );
      })}
      {typingLabel && <p class="typing" role="status"><span class="dots" aria-hidden="true"><i /><i /><i /></span>{typingLabel}</p>}
      <div ref={end} />
    </div>
  );
}
