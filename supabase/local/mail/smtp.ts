import PostalMime from 'postal-mime';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Logger } from '../log.ts';
import { toStoredMessage } from './message.ts';
import type { MailStore } from './store.ts';

/** Larger messages are refused with 552, as a real relay would. */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

class SmtpError extends Error {
  constructor(
    message: string,
    readonly responseCode: number,
  ) {
    super(message);
  }
}

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function receive(stream: SMTPServerDataStream, session: SMTPServerSession, store: MailStore, log: Logger) {
  const raw = await readAll(stream);
  if (stream.sizeExceeded) throw new SmtpError(`Message exceeds the ${MAX_MESSAGE_BYTES} byte limit`, 552);
  const email = await PostalMime.parse(raw).catch((err: Error) => {
    throw new SmtpError(`Message could not be parsed: ${err.message}`, 554);
  });
  const { mailFrom, rcptTo } = session.envelope;
  const envelope = { mailFrom: mailFrom ? mailFrom.address : undefined, rcptTo: rcptTo.map((r) => r.address) };
  const message = toStoredMessage(email, envelope, raw.length, store.nextCreated());
  await store.add(message, raw);
  log.info('message received', { id: message.ID, to: envelope.rcptTo, subject: message.Subject });
  return message.ID;
}

/** A catch-all on loopback: accepts every message (never relays it) and files it in the store. */
export function createSmtpServer(store: MailStore, log: Logger): SMTPServer {
  const server = new SMTPServer({
    name: 'supabase-local-inbox',
    banner: 'local inbox (messages are never delivered)',
    // Like Mailpit: authentication is optional and any credentials are accepted, so an app
    // configured with its production SMTP login still delivers here.
    authOptional: true,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anonymous' }),
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    closeTimeout: 2000,
    onData(stream, session, callback) {
      receive(stream, session, store, log).then(
        (id) => callback(null, `Queued as ${id}`),
        (err: Error) => {
          log.warn('message refused', { err: err.message });
          callback(err instanceof SmtpError ? err : new SmtpError('Message could not be stored', 451));
        },
      );
    },
  });
  server.on('error', (err) => log.warn('smtp connection error', { err: err.message }));
  return server;
}
