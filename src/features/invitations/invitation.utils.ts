import type { InvitationStatus } from './api/invitation-describe-query.ts';

/** Why an invitation cannot be accepted, in words; null when it can. */
export function invitationProblem(status: InvitationStatus): { title: string; body: string } | null {
  switch (status) {
    case 'accepted':
      return { title: 'This invitation has already been used', body: 'If it was you, sign in to find the organization.' };
    case 'revoked':
      return { title: 'This invitation was withdrawn', body: 'Ask the person who invited you for a new invitation.' };
    case 'expired':
      return { title: 'This invitation has expired', body: 'Invitations last 7 days. Ask for a new one.' };
    default:
      return null;
  }
}

/** Whether the signed-in address is the invited one (addresses compare case-insensitively). */
export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The token from `/invite/:token` or `/invite?token=…`. */
export function invitationToken(pathToken: string | undefined, search: URLSearchParams): string | null {
  const token = pathToken ?? search.get('token');
  return token && /^[A-Za-z0-9_-]{16,200}$/.test(token) ? token : null;
}
