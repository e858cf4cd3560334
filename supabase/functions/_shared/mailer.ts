import nodemailer from 'nodemailer';
import { requireEnv } from './http.ts';

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Sends an email over SMTP (SMTP_HOST, SMTP_PORT, optional SMTP_USER/SMTP_PASS, SMTP_SENDER).
 * Locally the stack points these at its inbox; on Cloud they are the provider's, set with `supabase secrets set`.
 */
export async function sendEmail(email: Email): Promise<void> {
  const port = Number(requireEnv('SMTP_PORT'));
  const user = Deno.env.get('SMTP_USER');
  const transport = nodemailer.createTransport({
    host: requireEnv('SMTP_HOST'),
    port,
    secure: port === 465,
    auth: user ? { user, pass: requireEnv('SMTP_PASS') } : undefined,
  });
  await transport.sendMail({
    from: Deno.env.get('SMTP_SENDER') ?? 'Supportdesk <no-reply@supportdesk.test>',
    ...email,
  });
}

/** Escapes text for an HTML email body. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
