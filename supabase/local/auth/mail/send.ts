import type { AuthContext } from '../context.ts';
import { saveOneTimeToken, type OneTimeTokenType } from '../db/one-time-tokens.ts';
import type { Queryable } from '../db/pool.ts';
import { updateUser, type UserPatch, type UserRow } from '../db/users.ts';
import { internalError, tooManyRequests } from '../http/errors.ts';
import { generateOtp, tokenHash, withFlowPrefix } from '../otp.ts';
import { enforceEmailLimit } from '../rate-limit.ts';
import { renderMail, type MailData, type MailKind } from './templates.ts';

export interface MailRequest {
  /** The requesting client, for the `email_sent` limit. */
  ip: string;
  /** Validated redirect target rendered into the link. */
  redirectTo: string;
  /** PKCE flow: the stored token carries the `pkce_` prefix. */
  pkce?: boolean;
}

export type LinkMailType = 'signup' | 'invite' | 'magiclink' | 'recovery';

interface LinkMailSpec {
  template: MailKind;
  tokenColumn: 'confirmation_token' | 'recovery_token';
  sentAtColumn: 'confirmation_sent_at' | 'recovery_sent_at';
  oneTimeType: OneTimeTokenType;
  failure: string;
  /** Invites are sent by admins and skip `max_frequency`. */
  throttled: boolean;
}

const LINK_MAILS: Record<LinkMailType, LinkMailSpec> = {
  signup: spec('confirmation', 'confirmation', 'Error sending confirmation email'),
  invite: { ...spec('invite', 'confirmation', 'Error sending invite email'), throttled: false },
  magiclink: spec('magic_link', 'recovery', 'Error sending magic link email'),
  recovery: spec('recovery', 'recovery', 'Error sending recovery email'),
};

function spec(template: MailKind, column: 'confirmation' | 'recovery', failure: string): LinkMailSpec {
  return {
    template,
    tokenColumn: `${column}_token`,
    sentAtColumn: `${column}_sent_at`,
    oneTimeType: `${column}_token`,
    failure,
    throttled: true,
  };
}

/** `[auth.email] max_frequency`: one mail of a kind per address per interval. */
function assertNotTooFrequent(ctx: AuthContext, sentAt: string | null) {
  if (!sentAt) return;
  const nextAllowed = Date.parse(sentAt) + ctx.settings.email.maxFrequencySeconds * 1000;
  const waitMs = nextAllowed - Date.now();
  if (waitMs > 0) {
    const seconds = Math.trunc(waitMs / 1000);
    throw tooManyRequests('over_email_send_rate_limit', `For security purposes, you can only request this after ${seconds} seconds.`);
  }
}

/** GoTrue leaves a plain redirect as-is and query-escapes one containing &, = or #. */
const encodeRedirect = (url: string) => (/[&=#]/.test(url) ? encodeURIComponent(url) : url);

export function verifyLink(ctx: AuthContext, token: string, type: string, redirectTo: string): string {
  const query = `token=${encodeURIComponent(token)}&type=${encodeURIComponent(type)}&redirect_to=${encodeRedirect(redirectTo)}`;
  return `${ctx.settings.externalUrl}/verify?${query}`;
}

type MailFields = Pick<MailData, 'to' | 'token'> & Partial<Pick<MailData, 'tokenHash' | 'confirmationUrl' | 'newEmail' | 'redirectTo'>>;

/** Everything a template may show about one mail to one user. */
function mailData(ctx: AuthContext, user: UserRow, fields: MailFields): MailData {
  return { ...fields, email: user.email ?? '', siteUrl: ctx.settings.siteUrl, userMetadata: user.raw_user_meta_data ?? {} };
}

async function deliver(ctx: AuthContext, kind: MailKind, mails: MailData[], failure: string) {
  const custom = ctx.settings.emailTemplates[kind];
  try {
    await Promise.all(mails.map((data) => ctx.mailer.send(data.to, renderMail(kind, data, custom))));
  } catch (error) {
    ctx.log.warn(failure, { err: error as Error });
    throw internalError(failure);
  }
}

/** Confirmation, invite, magic link and recovery mails: a link and a code, both verifying. */
export async function sendLinkMail(
  tx: Queryable,
  ctx: AuthContext,
  user: UserRow,
  type: LinkMailType,
  request: MailRequest,
): Promise<UserRow> {
  const mail = LINK_MAILS[type];
  const email = user.email ?? '';
  if (mail.throttled) assertNotTooFrequent(ctx, user[mail.sentAtColumn]);
  enforceEmailLimit(ctx.limits, request.ip);
  const otp = generateOtp(ctx.settings.email.otpLength);
  const stored = withFlowPrefix(tokenHash(email, otp), Boolean(request.pkce));
  const confirmationUrl = verifyLink(ctx, stored, type, request.redirectTo);
  const data = mailData(ctx, user, { to: email, token: otp, tokenHash: stored, confirmationUrl, redirectTo: request.redirectTo });
  await deliver(ctx, mail.template, [data], mail.failure);
  const now = new Date().toISOString();
  const patch: UserPatch = type === 'invite' ? { invited_at: now } : {};
  patch[mail.tokenColumn] = stored;
  patch[mail.sentAtColumn] = now;
  const updated = await updateUser(tx, user.id, patch);
  await saveOneTimeToken(tx, user.id, mail.oneTimeType, stored, email);
  return updated;
}

/**
 * Email change: a code and link to the new address and, with `double_confirm_changes`, another
 * pair to the current one; the change completes once every mailed token has been verified.
 */
export async function sendEmailChange(
  tx: Queryable,
  ctx: AuthContext,
  user: UserRow,
  newEmail: string,
  request: MailRequest,
): Promise<UserRow> {
  assertNotTooFrequent(ctx, user.email_change_sent_at);
  enforceEmailLimit(ctx.limits, request.ip);
  const { otpLength } = ctx.settings.email;
  const pkce = Boolean(request.pkce);
  const secure = ctx.settings.email.doubleConfirmChanges && Boolean(user.email);
  const otpNew = generateOtp(otpLength);
  const tokenNew = withFlowPrefix(tokenHash(newEmail, otpNew), pkce);
  const otpCurrent = secure ? generateOtp(otpLength) : '';
  const tokenCurrent = secure ? withFlowPrefix(tokenHash(user.email ?? '', otpCurrent), pkce) : '';
  const toAddress = (to: string, token: string, tokenHash: string) =>
    mailData(ctx, user, {
      to,
      newEmail,
      token,
      tokenHash,
      redirectTo: request.redirectTo,
      confirmationUrl: verifyLink(ctx, tokenHash, 'email_change', request.redirectTo),
    });
  const mails = [toAddress(newEmail, otpNew, tokenNew)];
  if (secure) mails.push(toAddress(user.email ?? '', otpCurrent, tokenCurrent));
  await deliver(ctx, 'email_change', mails, 'Error sending email change email');
  const updated = await updateUser(tx, user.id, {
    email_change: newEmail,
    email_change_token_new: tokenNew,
    email_change_token_current: tokenCurrent,
    email_change_sent_at: new Date().toISOString(),
    email_change_confirm_status: 0,
  });
  if (tokenCurrent) await saveOneTimeToken(tx, user.id, 'email_change_token_current', tokenCurrent, user.email ?? '');
  await saveOneTimeToken(tx, user.id, 'email_change_token_new', tokenNew, newEmail);
  return updated;
}

/** GET /reauthenticate: a code only, later presented as `nonce` to PUT /user. */
export async function sendReauthentication(tx: Queryable, ctx: AuthContext, user: UserRow, ip: string) {
  const email = user.email ?? '';
  assertNotTooFrequent(ctx, user.reauthentication_sent_at);
  enforceEmailLimit(ctx.limits, ip);
  const otp = generateOtp(ctx.settings.email.otpLength);
  const stored = tokenHash(email, otp);
  const data = mailData(ctx, user, { to: email, token: otp, tokenHash: stored });
  await deliver(ctx, 'reauthentication', [data], 'Error sending reauthentication email');
  await updateUser(tx, user.id, { reauthentication_token: stored, reauthentication_sent_at: new Date().toISOString() });
  await saveOneTimeToken(tx, user.id, 'reauthentication_token', stored, email);
}
