import { functionError } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';

export type InvitationsRequest =
  | { action: 'create'; org_id: string; email: string; role_id: string }
  | { action: 'resend'; invitation_id: string };

interface InvitationsResponse {
  invitation: { id: string; email: string; role_id: string; expires_at: string };
}

/** Calls the `invitations` Edge Function, which issues the invitation as the caller and emails the link. */
export async function invokeInvitations(body: InvitationsRequest) {
  const { data, error } = await supabase.functions.invoke<InvitationsResponse>('invitations', { body });
  if (error) throw await functionError(error);
  return data!.invitation;
}
