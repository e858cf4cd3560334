import { type Email, escapeHtml } from '../_shared/mailer.ts';

export interface InvitationEmailInput {
  to: string;
  orgName: string;
  roleName: string;
  inviterName: string;
  acceptUrl: string;
}

/** The invitation email: who invites you where, as what, and the one link that accepts. */
export function invitationEmail({ to, orgName, roleName, inviterName, acceptUrl }: InvitationEmailInput): Email {
  const subject = `${inviterName} invited you to ${orgName} on Supportdesk`;
  const text = [
    `${inviterName} invited you to join ${orgName} as ${roleName}.`,
    '',
    `Accept the invitation: ${acceptUrl}`,
    '',
    'The link works once and expires in 7 days. If you did not expect this email, ignore it.',
  ].join('\n');
  const html = `<p>${escapeHtml(inviterName)} invited you to join <strong>${escapeHtml(orgName)}</strong> as ${escapeHtml(roleName)}.</p>
<p><a href="${escapeHtml(acceptUrl)}">Accept the invitation</a></p>
<p style="color:#555">The link works once and expires in 7 days. If you did not expect this email, ignore it.</p>`;
  return { to, subject: subject.slice(0, 200), text, html };
}
