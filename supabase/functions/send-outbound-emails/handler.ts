import type { SupabaseClient } from '@supabase/supabase-js';
import { HttpError } from '../_shared/http.ts';
import { escapeHtml, sendEmail } from '../_shared/mailer.ts';

interface QueuedEmail {
  id: number;
  to_email: string;
  subject: string;
  body_text: string;
}

/** The queued plain text as a minimal HTML body: escaped, line breaks kept, never rendered markup. */
function htmlBody(text: string): string {
  return `<div style="white-space:pre-wrap;font-family:sans-serif">${escapeHtml(text)}</div>`;
}

/**
 * Sends one batch of queued chat emails. The queue RPCs are executable by the service role only, so
 * calling this with any other key is refused by the database itself.
 */
export async function sendQueuedEmails(supabase: SupabaseClient, batchSize: number) {
  const { data, error } = await supabase.rpc('service_role_claim_outbound_emails', { batch_size: batchSize });
  if (error) {
    if (error.code === '42501') throw new HttpError(403, 'forbidden', 'Only the service role sends queued emails.');
    throw new Error(`claiming emails failed: ${error.message}`);
  }
  let sent = 0;
  let failed = 0;
  for (const email of (data ?? []) as QueuedEmail[]) {
    let failure: string | null = null;
    try {
      await sendEmail({ to: email.to_email, subject: email.subject, text: email.body_text, html: htmlBody(email.body_text) });
      sent++;
    } catch (sendError) {
      failure = sendError instanceof Error ? sendError.message : String(sendError);
      failed++;
      console.error('chat email failed', { id: email.id, failure });
    }
    const finish = await supabase.rpc('service_role_finish_outbound_email', { email_id: email.id, error: failure });
    if (finish.error) console.error('recording an email outcome failed', { id: email.id, error: finish.error.message });
  }
  return { sent, failed };
}
