import nodemailer from 'nodemailer';
import type { AuthSettings } from '../settings.ts';
import type { RenderedMail } from './templates.ts';

export interface Mailer {
  send(to: string, mail: RenderedMail): Promise<void>;
  close(): void;
}

/** SMTP to the local inbox (`[local_smtp] smtp_port`), like the CLI points GoTrue at Mailpit. */
export function createMailer(settings: AuthSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.smtp.host,
    port: settings.smtp.port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5000,
    greetingTimeout: 5000,
    socketTimeout: 10_000,
  });
  return {
    async send(to, mail) {
      await transport.sendMail({ from: settings.smtp.sender, to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close: () => transport.close(),
  };
}
