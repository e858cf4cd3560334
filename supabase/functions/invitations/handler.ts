import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { HttpError, requireEnv } from '../_shared/http.ts';
import { sendEmail } from '../_shared/mailer.ts';
import { invitationEmail } from './email.ts';

export const InvitationRequest = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('create'),
    org_id: z.string().uuid(),
    email: z.string().trim().toLowerCase().email().max(320),
    role_id: z.string().uuid(),
  }),
  z.object({ action: z.literal('resend'), invitation_id: z.string().uuid() }),
]);
export type InvitationRequest = z.infer<typeof InvitationRequest>;

interface IssuedInvitation {
  invitation_id: string;
  token: string;
}

/** Issues the invitation as the caller (the database checks their rights) and returns it with its token. */
async function issue(supabase: SupabaseClient, request: InvitationRequest) {
  let target = request.action === 'create' ? request : null;
  if (request.action === 'resend') {
    const { data, error } = await supabase
      .from('invitations').select('org_id, email, role_id, accepted_at').eq('id', request.invitation_id).maybeSingle();
    if (error) throw new HttpError(400, 'invalid_request', error.message);
    if (!data) throw new HttpError(404, 'not_found', 'That invitation does not exist or you cannot manage it.');
    if (data.accepted_at) throw new HttpError(409, 'already_accepted', 'This invitation has already been accepted.');
    target = { action: 'create', org_id: data.org_id, email: data.email, role_id: data.role_id };
  }
  const { data, error } = await supabase
    .rpc('create_invitation', { org_id: target!.org_id, email: target!.email, role_id: target!.role_id })
    .single<IssuedInvitation>();
  if (error) throw new HttpError(error.code === 'P0001' ? 403 : 400, 'invitation_refused', error.message);
  return { ...target!, ...data };
}

/** Creates or re-sends an invitation and emails its one-time link. */
export async function handleInvitation(supabase: SupabaseClient, request: InvitationRequest) {
  const issued = await issue(supabase, request);
  const [{ data: invitation }, { data: org }, { data: role }, { data: user }] = await Promise.all([
    supabase.from('invitations').select('id, org_id, email, role_id, expires_at, created_at').eq('id', issued.invitation_id).single(),
    supabase.from('organizations').select('name').eq('id', issued.org_id).single(),
    supabase.from('roles').select('name').eq('id', issued.role_id).single(),
    supabase.auth.getUser(),
  ]);
  const inviter = user.user?.user_metadata?.display_name || user.user?.email || 'A teammate';
  const siteUrl = requireEnv('SITE_URL').replace(/\/$/, '');
  const email = invitationEmail({
    to: issued.email,
    orgName: org?.name ?? 'an organization',
    roleName: role?.name ?? 'a member',
    inviterName: String(inviter),
    acceptUrl: `${siteUrl}/invite/${issued.token}`,
  });
  try {
    await sendEmail(email);
  } catch (error) {
    console.error('invitation email failed', error);
    throw new HttpError(502, 'email_failed', 'The invitation was saved but its email could not be sent. Try "Resend" in a moment.');
  }
  return { invitation };
}
