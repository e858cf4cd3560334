import { describe, expect, it } from 'vitest';
import { admin, client, IS_LOCAL, PASSWORD, SERVICE, signedInUser, uniqueEmail } from '../helpers/env.ts';
import { linkIn, waitForEmail } from '../helpers/inbox.ts';
import { superuserSql } from '../helpers/sql.ts';
import { authFetch, userLookup } from './auth-helpers.ts';

async function createUser(tag: string, attributes: Record<string, unknown> = {}) {
  const email = uniqueEmail(tag);
  const { data, error } = await admin().auth.admin.createUser({ email, password: PASSWORD, ...attributes });
  if (error) throw error;
  return { email, user: data.user };
}

describe('admin: users', () => {
  it('creates unconfirmed users unless email_confirm is set', async () => {
    const { email, user } = await createUser('unconfirmed');
    expect(user.email_confirmed_at).toBeUndefined();
    const { error } = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toMatchObject({ status: 400, code: 'email_not_confirmed' });
  });

  it('creates confirmed users with metadata, merging app_metadata with the provider', async () => {
    const { user } = await createUser('confirmed', {
      email_confirm: true,
      user_metadata: { display_name: 'Grace' },
      app_metadata: { plan: 'pro' },
    });
    expect(user.email_confirmed_at).toBeTruthy();
    expect(user.user_metadata).toMatchObject({ display_name: 'Grace', email_verified: true });
    expect(user.app_metadata).toEqual({ provider: 'email', providers: ['email'], plan: 'pro' });
    expect(user.identities?.[0]).toMatchObject({ provider: 'email', user_id: user.id });
  });

  it('refuses a second user with the same email (email_exists)', async () => {
    const { email } = await createUser('dupe');
    const { error } = await admin().auth.admin.createUser({ email, password: PASSWORD });
    expect(error).toMatchObject({ status: 422, code: 'email_exists' });
  });

  it('lists users page by page with the total and next/last pages', async () => {
    for (let i = 0; i < 3; i++) await createUser('page');
    const { data, error } = await admin().auth.admin.listUsers({ page: 1, perPage: 2 });
    if (error || !('total' in data)) throw error ?? new Error('listUsers returned no pagination');
    expect(data.users).toHaveLength(2);
    expect(data.total).toBeGreaterThanOrEqual(3);
    // lastPage is not asserted: auth-js reads only the first digit of each page number in Link.
    expect(data.nextPage).toBe(2);
  });

  it.runIf(IS_LOCAL)('sends X-Total-Count and a Link header with page as the first parameter', async () => {
    const response = await authFetch('/admin/users?page=1&per_page=1', { token: SERVICE });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('x-total-count'))).toBeGreaterThan(1);
    expect(response.headers.get('link')).toMatch(/^<\/admin\/users\?page=2&per_page=1>; rel="next", <\/admin\/users\?page=\d+&per_page=1>; rel="last"$/);
    expect(response.body).toMatchObject({ aud: 'authenticated', users: [expect.objectContaining({ id: expect.any(String) })] });
  });

  it('gets a user by id and answers unknown ids with user_not_found', async () => {
    const { user } = await createUser('byid');
    expect((await admin().auth.admin.getUserById(user.id)).data.user?.email).toBe(user.email);
    const missing = await admin().auth.admin.getUserById(crypto.randomUUID());
    expect(missing.error).toMatchObject({ status: 404, code: 'user_not_found' });
  });

  it('updates password, metadata and confirmation of a user', async () => {
    const { user, email } = await createUser('update');
    const { data, error } = await admin().auth.admin.updateUserById(user.id, {
      password: 'admin-set-pass-5',
      email_confirm: true,
      user_metadata: { team: 'blue' },
      app_metadata: { role: 'agent' },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ user_metadata: { team: 'blue' }, app_metadata: { provider: 'email', role: 'agent' } });
    expect((await client().auth.signInWithPassword({ email, password: 'admin-set-pass-5' })).error).toBeNull();
  });

  it('deletes a user, after which its tokens no longer reach Auth', async () => {
    const { user, session } = await signedInUser('delete');
    expect((await admin().auth.admin.deleteUser(user.id)).error).toBeNull();
    expect((await admin().auth.admin.getUserById(user.id)).error?.code).toBe('user_not_found');
    expect(await userLookup(session!.access_token)).toEqual({ status: 403, code: 'user_not_found' });
  });

  it('soft-deletes a user: the row stays with deleted_at, but it can no longer sign in', async () => {
    const { user, email } = await signedInUser('softdelete');
    expect((await admin().auth.admin.deleteUser(user.id, true)).error).toBeNull();
    const { data } = await admin().auth.admin.getUserById(user.id);
    expect(data.user?.deleted_at).toBeTruthy();
    expect(data.user?.email).not.toBe(email);
    expect((await client().auth.signInWithPassword({ email, password: PASSWORD })).error?.code).toBe('invalid_credentials');
  });
});

describe('admin: authorization', () => {
  it('refuses the anon key with not_admin', async () => {
    const { error } = await client().auth.admin.listUsers();
    expect(error).toMatchObject({ status: 403, code: 'not_admin' });
  });

  it('refuses a signed-in user token with not_admin', async () => {
    const { session } = await signedInUser('notadmin');
    const response = await authFetch('/admin/users', { token: session!.access_token });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'not_admin' });
  });
});

describe('admin: links and invitations', () => {
  it('generates a sign-up link whose code confirms the new user', async () => {
    const email = uniqueEmail('genlink');
    const { data, error } = await admin().auth.admin.generateLink({ type: 'signup', email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
    expect(data.properties).toMatchObject({ verification_type: 'signup', email_otp: expect.stringMatching(/^\d{6}$/) });
    expect(data.properties!.action_link).toContain('/auth/v1/verify?token=');
    const verified = await client().auth.verifyOtp({ email, token: data.properties!.email_otp, type: 'signup' });
    expect(verified.error).toBeNull();
    expect(verified.data.user?.email_confirmed_at).toBeTruthy();
  });

  it('answers a recovery link for an unknown address with user_not_found', async () => {
    const { error } = await admin().auth.admin.generateLink({ type: 'recovery', email: uniqueEmail('ghost') });
    expect(error).toMatchObject({ status: 404, code: 'user_not_found' });
  });

  it('generates an invite link whose token hash signs the invited user in', async () => {
    const email = uniqueEmail('invitelink');
    const { data } = await admin().auth.admin.generateLink({ type: 'invite', email });
    expect(data.user?.invited_at).toBeTruthy();
    const { data: verified, error } = await client().auth.verifyOtp({ token_hash: data.properties!.hashed_token, type: 'invite' });
    expect(error).toBeNull();
    expect(verified.user).toMatchObject({ email, email_confirmed_at: expect.any(String) });
  });

  it.runIf(IS_LOCAL)('invites by email; the invitation link signs the user in', async () => {
    const email = uniqueEmail('invited');
    const since = new Date();
    const { data, error } = await admin().auth.admin.inviteUserByEmail(email, { data: { team: 'support' } });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email, user_metadata: { team: 'support' } });
    const mail = await waitForEmail(email, { since });
    expect(mail.Subject).toBe("You've been invited");
    const response = await fetch(linkIn(mail, '/auth/v1/verify'), { redirect: 'manual' });
    const fragment = new URLSearchParams(new URL(response.headers.get('location')!).hash.slice(1));
    expect(fragment.get('type')).toBe('invite');
    expect((await userLookup(fragment.get('access_token')!)).status).toBe(200);
  });

  it('refuses to invite an address that already has a confirmed account (email_exists)', async () => {
    const { email } = await signedInUser('member');
    const { error } = await admin().auth.admin.inviteUserByEmail(email);
    expect(error).toMatchObject({ status: 422, code: 'email_exists' });
  });
});

describe.runIf(IS_LOCAL)('audit log', () => {
  it('records sign-ins and sign-outs in auth.audit_log_entries', async () => {
    const { supabase, user } = await signedInUser('audited');
    await supabase.auth.signOut();
    const rows = await superuserSql<{ action: string }>(
      `select payload->>'action' as action from auth.audit_log_entries where payload->>'actor_id' = $1 order by created_at`,
      [user.id],
    );
    expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(['login', 'logout']));
  });
});
