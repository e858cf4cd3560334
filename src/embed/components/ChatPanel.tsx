/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import { currentSession } from '../session.ts';
import { isAway, needsEmail, prechatFields } from '../chat.utils.ts';
import { useChat, type ChatSetup } from '../use-chat.ts';
import { Composer } from './Composer.tsx';
import { CsatForm } from './CsatForm.tsx';
import { Header } from './Header.tsx';
import { MessageList } from './MessageList.tsx';
import { PrechatForm } from './PrechatForm.tsx';

/** The chat once the frame is admitted on its host: header, conversation, and the right form below it. */
export function ChatPanel(props: ChatSetup & { resets: number }) {
  const { config, host, strings, bridge, resets } = props;
  const chat = useChat(props);
  const fields = prechatFields(config);
  const [prechatDone, setPrechatDone] = useState(() => !fields.length || currentSession() !== null);
  const identityMissing = config.require_verified_identity && !host.user?.hash;
  const firstRenderRef = useRef(true);

  useEffect(() => {
    if (firstRenderRef.current) return;
    chat.refreshAdmission();
  }, [host.user, host.attributes]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (firstRenderRef.current) return;
    void chat.reset().then(() => setPrechatDone(!fields.length));
  }, [resets]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => void (firstRenderRef.current = false), []);

  const conversation = chat.conversation;
  const resolved = conversation?.status === 'resolved';
  const intro = isAway(config) ? config.away_message : config.greeting;
  const askEmail = !conversation && needsEmail(config) && !fields.some((field) => field.type === 'email');

  const footer = () => {
    if (identityMissing) return <p class="notice-inline" role="status">{strings.identityRequired}</p>;
    if (!chat.resumed) return null;
    if (resolved) {
      return (
        <div class="closed">
          <p role="status">{strings.resolved}</p>
          {config.csat_enabled && <CsatForm conversationId={conversation.id} rated={conversation.csat_rating !== null} strings={strings} />}
          <button type="button" class="secondary" onClick={chat.startOver}>{strings.newConversation}</button>
        </div>
      );
    }
    if (!conversation && !prechatDone) {
      return <PrechatForm fields={fields} strings={strings} onSubmit={(answers) => chat.submitPrechat(answers).then(() => setPrechatDone(true))} />;
    }
    return <Composer strings={strings} askEmail={askEmail} uploads={chat.uploads} onSend={chat.send} onTyping={chat.announceTyping} />;
  };

  return (
    <div class="chat">
      <Header config={config} strings={strings} onClose={() => bridge.post({ type: 'close', payload: {} })} />
      <MessageList intro={intro} messages={chat.messages} typingLabel={chat.typingLabel} strings={strings}
        onRetry={(message) => void chat.send(message.content, [], undefined, message.client_message_id)} />
      {(chat.error || chat.loadError) && <p class="error banner" role="alert">{chat.error ?? chat.loadError}</p>}
      {footer()}
    </div>
  );
}
