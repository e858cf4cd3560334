import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { admin, client, IS_LOCAL, PASSWORD, signedInUser, uniqueEmail } from '../helpers/env.ts';
import { linkIn, otpIn, waitForEmail } from '../helpers/inbox.ts';
import { superuserSql } from '../helpers/sql.ts';
import { directAuthClient, privateAuthService, sleep } from './auth-helpers.ts';

/** max_frequency is one second in config.toml; waiting a little longer lets the next mail go out. */
const AFTER_MAX_FREQUENCY_MS = 1100;

describe('password recovery', () => {
  it.runIf(IS_LOCAL)('mails a recovery code that signs in with PASSWORD_RECOVERY, then the password can change', async () => {
    const { email } = await signedInUser('recover');
    const since = new Date();
    expect((await client().auth.resetPasswordForEmail(email)).error).toBeNull();
    const mail = await waitForEmail(email, { since });
    expect(linkIn(mail, '/auth/v1/verify')).toContain('type=recovery');
    const supabase = client();
    const events: string[] = [];
    supabase.auth.onAuthStateChange((event) => void events.push(event));
    const { error } = await supabase.auth.verifyOtp({ email, token: otpIn(mail), type: 'recovery' });
    expect(error).toBeNull();
    expect(events).toContain('PASSWORD_RECOVERY');
    expect((await supabase.auth.updateUser({ password: 'brand-new-pass-7' })).error).toBeNull();
    expect((await client().auth.signInWithPassword({ email, password: PASSWORD })).error?.code).toBe('invalid_credentials');
    expect((await client().auth.signInWithPassword({ email, password: 'brand-new-pass-7' })).error).toBeNull();
  });

  it('answers unknown addresses exactly like known ones', async () => {
    const { data, error } = await client().auth.resetPasswordForEmail(uniqueEmail('ghost'));
    expect(error).toBeNull();
    expect(data).toEqual({});
  });
});

describe.runIf(IS_LOCAL)('resend', () => {
  it('sends a fresh confirmation code that replaces the first one', async () => {
    const email = uniqueEmail('resend');
    const firstSent = new Date();
    await client().auth.signUp({ email, password: PASSWORD });
    const firstCode = otpIn(await waitForEmail(email, { since: firstSent }));
    await sleep(AFTER_MAX_FREQUENCY_MS);
    const resent = new Date();
    expect((await client().auth.resend({ type: 'signup', email })).error).toBeNull();
    const secondMail = await waitForEmail(email, { since: resent });
    const secondCode = otpIn(secondMail);
    if (secondCode !== firstCode) {
      const stale = await client().auth.verifyOtp({ email, token: firstCode, type: 'signup' });
      expect(stale.error?.code).toBe('otp_expired');
    }
    expect((await client().auth.verifyOtp({ email, token: secondCode, type: 'signup' })).error).toBeNull();
  });
});

describe.runIf(IS_LOCAL)('mail delivery failures', () => {
  it('answers 500 "Error sending confirmation email" and keeps no half-created user', async () => {
    const service = await privateAuthService((config) => ({ ...config, mail: { ...config.mail, smtpPort: 1 } }));
    try {
      const email = uniqueEmail('nomail');
      const { error } = await directAuthClient(service.url).signUp({ email, password: PASSWORD });
      expect(error).toMatchObject({ status: 500, message: 'Error sending confirmation email' });
      const rows = await superuserSql('select 1 from auth.users where email = $1', [email]);
      expect(rows).toHaveLength(0);
    } finally {
      await service.stop();
    }
  });
});

describe.runIf(IS_LOCAL)('[auth.email.template.<kind>]', () => {
  it('renders a custom subject and HTML body with the GoTrue template variables', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'auth-templates-'));
    const contentPath = path.join(dir, 'magic_link.html');
    await writeFile(
      contentPath,
      '<h1>Hello {{ .Data.display_name }}</h1><p>Code: {{ .Token }}</p><p><a href="{{ .ConfirmationURL }}">Sign in to {{ .SiteURL }}</a></p>',
    );
    const service = await privateAuthService((config) => ({
      ...config,
      auth: {
        ...config.auth,
        email: { ...config.auth.email, templates: { magic_link: { subject: 'Your Support Desk link for {{ .Email }}', contentPath } } },
      },
    }));
    try {
      const email = uniqueEmail('template');
      const created = await admin().auth.admin.createUser({
        email,
        email_confirm: true,
        user_metadata: { display_name: 'Ada <b>' },
      });
      const since = new Date();
      expect((await directAuthClient(service.url).signInWithOtp({ email })).error).toBeNull();
      const mail = await waitForEmail(email, { since });
      expect(mail.Subject).toBe(`Your Support Desk link for ${email}`);
      expect(mail.HTML).toContain('<h1>Hello Ada &lt;b&gt;</h1>');
      expect(mail.Text).toContain('Hello Ada <b>');
      const link = linkIn(mail, '/auth/v1/verify');
      expect(link).toContain('type=magiclink');
      const { data, error } = await client().auth.verifyOtp({ email, token: otpIn(mail), type: 'email' });
      expect(error).toBeNull();
      expect(data.user?.id).toBe(created.data.user?.id);
    } finally {
      await service.stop();
    }
  });
});
