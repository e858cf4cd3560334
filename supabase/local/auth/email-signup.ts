import { confirmEmail, createEmailUser } from './accounts.ts';
import type { AuthContext } from './context.ts';
import { audit } from './db/audit.ts';
import { findIdentity, insertEmailIdentity } from './db/identities.ts';
import type { Queryable } from './db/pool.ts';
import { findUserByEmail, isEmailConfirmed, type JsonObject, type UserRow } from './db/users.ts';
import { unprocessable } from './http/errors.ts';
import { sendLinkMail } from './mail/send.ts';
import { startPkceFlow, type PkceChallenge } from './pkce.ts';

export interface EmailSignup {
  email: string;
  password: string;
  data: JsonObject;
  pkce: PkceChallenge | null;
  redirectTo: string;
  ip: string;
}

/**
 * `confirmed`: the account can sign in now (confirmations off); `pending`: a confirmation mail
 * went out; `exists`: the address already belongs to a confirmed account.
 */
export type SignupOutcome = { status: 'confirmed' | 'pending' | 'exists'; user: UserRow };

export function assertSignupsEnabled(ctx: AuthContext) {
  if (!ctx.settings.enableSignup) {
    throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
  }
}

/**
 * GoTrue's email sign-up, shared by /signup and first-time /otp. An unconfirmed account is
 * reused (its password is kept) and sent a new confirmation mail.
 */
export async function signUpWithEmail(tx: Queryable, ctx: AuthContext, params: EmailSignup): Promise<SignupOutcome> {
  assertSignupsEnabled(ctx);
  const existing = await findUserByEmail(tx, params.email);
  if (existing && isEmailConfirmed(existing)) return { status: 'exists', user: existing };
  const user =
    existing ??
    (await createEmailUser(tx, ctx.settings, { email: params.email, password: params.password, userMetadata: params.data }));
  if (existing && !(await findIdentity(tx, existing.id, 'email'))) {
    await insertEmailIdentity(tx, existing, params.email, { signupData: params.data });
  }
  if (!ctx.settings.email.enableConfirmations) {
    await audit(tx, user, 'user_signedup', params.ip, { provider: 'email' });
    return { status: 'confirmed', user: await confirmEmail(tx, user) };
  }
  await audit(tx, user, 'user_confirmation_requested', params.ip, { provider: 'email' });
  if (params.pkce) await startPkceFlow(tx, user.id, 'email/signup', params.pkce);
  const request = { ip: params.ip, redirectTo: params.redirectTo, pkce: Boolean(params.pkce) };
  return { status: 'pending', user: await sendLinkMail(tx, ctx, user, 'signup', request) };
}
