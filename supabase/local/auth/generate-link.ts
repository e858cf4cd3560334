import { z } from 'zod';
import { createEmailUser, mergeMetadata, randomPassword, validateEmail } from './accounts.ts';
import type { AuthContext } from './context.ts';
import { audit } from './db/audit.ts';
import { saveOneTimeToken } from './db/one-time-tokens.ts';
import type { Queryable } from './db/pool.ts';
import { findUserByEmail, isEmailConfirmed, updateUser, type UserRow } from './db/users.ts';
import type { AdminActor } from './http/authenticate.ts';
import { badRequest, notFound, unprocessable } from './http/errors.ts';
import { jsonObject, text } from './http/request.ts';
import { verifyLink } from './mail/send.ts';
import { generateOtp, tokenHash } from './otp.ts';
import { assertStrongPassword } from './passwords.ts';

export const generateLinkBody = z.object({
  type: text(),
  email: text(),
  new_email: text(),
  password: text(),
  data: jsonObject(),
  redirect_to: text(),
});
type GenerateLinkBody = z.output<typeof generateLinkBody>;

export interface GeneratedLink {
  user: UserRow;
  type: string;
  otp: string;
  hashedToken: string;
  actionLink: string;
}

const emailTaken = () => unprocessable('email_exists', 'A user with this email address has already been registered');

interface LinkRequest {
  ctx: AuthContext;
  admin: AdminActor;
  body: GenerateLinkBody;
  email: string;
  hash: string;
  ip: string;
}

async function recoveryLink(q: Queryable, request: LinkRequest, user: UserRow) {
  await audit(q, user, 'user_recovery_requested', request.ip);
  const updated = await updateUser(q, user.id, { recovery_token: request.hash, recovery_sent_at: new Date().toISOString() });
  await saveOneTimeToken(q, user.id, 'recovery_token', request.hash, request.email);
  return { user: updated, token: request.hash };
}

async function confirmationLink(q: Queryable, request: LinkRequest, existing: UserRow | null, invite: boolean) {
  const { ctx, body, email } = request;
  if (existing && isEmailConfirmed(existing)) throw emailTaken();
  let user = existing;
  if (!user) {
    if (!invite) {
      if (!body.password) throw badRequest('validation_failed', 'Signup requires a valid password');
      assertStrongPassword(body.password, ctx.settings);
    }
    const password = invite ? null : body.password;
    user = await createEmailUser(q, ctx.settings, { email, password, userMetadata: body.data ?? {} });
  } else if (!invite && body.data) {
    user = await updateUser(q, user.id, { raw_user_meta_data: mergeMetadata(user.raw_user_meta_data, body.data) });
  }
  if (invite) await audit(q, request.admin, 'user_invited', request.ip, { user_id: user.id, user_email: user.email });
  const now = new Date().toISOString();
  const updated = await updateUser(q, user.id, {
    confirmation_token: request.hash,
    confirmation_sent_at: now,
    ...(invite ? { invited_at: now } : {}),
  });
  await saveOneTimeToken(q, user.id, 'confirmation_token', request.hash, email);
  return { user: updated, token: request.hash };
}

async function emailChangeLink(q: Queryable, request: LinkRequest, user: UserRow, otp: string) {
  const { ctx, body } = request;
  const current = body.type === 'email_change_current';
  if (current && !ctx.settings.email.doubleConfirmChanges) {
    throw badRequest('validation_failed', 'Enable secure email change to generate link for current email');
  }
  const newEmail = validateEmail(body.new_email);
  const owner = await findUserByEmail(q, newEmail);
  if (owner && owner.id !== user.id) throw emailTaken();
  const token = current ? request.hash : tokenHash(newEmail, otp);
  const updated = await updateUser(q, user.id, {
    email_change: newEmail,
    email_change_sent_at: new Date().toISOString(),
    email_change_confirm_status: 0,
    ...(current ? { email_change_token_current: token } : { email_change_token_new: token }),
  });
  const tokenType = current ? 'email_change_token_current' : 'email_change_token_new';
  await saveOneTimeToken(q, user.id, tokenType, token, current ? request.email : newEmail);
  return { user: updated, token };
}

/**
 * POST /admin/generate_link: the same tokens the mails would carry, returned instead of sent.
 * A magic link for an unknown address becomes a sign-up link, as in GoTrue.
 */
export async function generateLink(
  q: Queryable,
  ctx: AuthContext,
  admin: AdminActor,
  body: GenerateLinkBody,
  redirectTo: string,
  ip: string,
): Promise<GeneratedLink> {
  const email = validateEmail(body.email);
  const existing = await findUserByEmail(q, email);
  let type = body.type;
  if (!existing && type === 'magiclink') {
    type = 'signup';
    body = { ...body, password: randomPassword() };
  }
  if (!existing && ['recovery', 'email_change_current', 'email_change_new'].includes(type)) {
    throw notFound('user_not_found', 'User with this email not found');
  }
  const otp = generateOtp(ctx.settings.email.otpLength);
  const request: LinkRequest = { ctx, admin, body, email, hash: tokenHash(email, otp), ip };
  let result: { user: UserRow; token: string };
  if ((type === 'magiclink' || type === 'recovery') && existing) result = await recoveryLink(q, request, existing);
  else if (type === 'signup' || type === 'invite') result = await confirmationLink(q, request, existing, type === 'invite');
  else if ((type === 'email_change_current' || type === 'email_change_new') && existing) {
    result = await emailChangeLink(q, request, existing, otp);
  } else throw badRequest('validation_failed', `Invalid email action link type requested: ${type}`);
  const linkType = type.startsWith('email_change') ? 'email_change' : type;
  const actionLink = verifyLink(ctx, result.token, linkType, redirectTo);
  return { user: result.user, type, otp, hashedToken: request.hash, actionLink };
}
