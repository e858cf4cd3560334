import type { SupabaseClient } from '@supabase/supabase-js';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { admin, client, IS_LOCAL, PASSWORD, signedInUser } from '../helpers/env.ts';
import { superuserSql } from '../helpers/sql.ts';
import { claimsOf } from './auth-helpers.ts';

const codeFor = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();

async function enroll(supabase: SupabaseClient, friendlyName = 'Authenticator') {
  const { data, error } = await supabase.auth.mfa.enroll({ factorType: 'totp', friendlyName });
  if (error) throw error;
  return data;
}

/** A user with a verified TOTP factor, signed in at aal2. */
async function userWithVerifiedFactor(tag: string) {
  const signedIn = await signedInUser(tag);
  const factor = await enroll(signedIn.supabase);
  const verified = await signedIn.supabase.auth.mfa.challengeAndVerify({ factorId: factor.id, code: codeFor(factor.totp.secret) });
  if (verified.error) throw verified.error;
  return { ...signedIn, factor, aal2: verified.data };
}

async function aal1Client(email: string) {
  const supabase = client();
  const { error } = await supabase.auth.signInWithPassword({ email, password: PASSWORD });
  if (error) throw error;
  return supabase;
}

describe('TOTP enrolment', () => {
  it('returns a base32 secret, an otpauth:// URI and an SVG QR code', async () => {
    const { supabase, email } = await signedInUser('enroll');
    const factor = await enroll(supabase, 'Work phone');
    expect(factor).toMatchObject({ type: 'totp', friendly_name: 'Work phone' });
    expect(factor.totp.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(factor.totp.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(decodeURIComponent(factor.totp.uri)).toContain(email);
    expect(factor.totp.qr_code).toMatch(/^data:image\/svg\+xml;utf-8,<svg/);
    const { data } = await supabase.auth.mfa.listFactors();
    expect(data?.all.find((f) => f.id === factor.id)?.status).toBe('unverified');
  });

  it('refuses a second factor with the same friendly name (mfa_factor_name_conflict)', async () => {
    const { supabase } = await signedInUser('dupename');
    await enroll(supabase, 'Same');
    const { error } = await supabase.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'Same' });
    expect(error).toMatchObject({ status: 422, code: 'mfa_factor_name_conflict' });
  });

  it('refuses anonymous users', async () => {
    const supabase = client();
    const { error: signInError } = await supabase.auth.signInAnonymously();
    if (signInError) return;
    const { error } = await supabase.auth.mfa.enroll({ factorType: 'totp' });
    expect(error).toMatchObject({ status: 403, code: 'no_authorization' });
  });
});

describe('TOTP verification', () => {
  it('upgrades the session to aal2 with a totp amr entry and verifies the factor', async () => {
    const { supabase, factor, aal2 } = await userWithVerifiedFactor('verify');
    const claims = claimsOf(aal2.access_token);
    expect(claims.aal).toBe('aal2');
    expect((claims.amr as { method: string }[]).map((entry) => entry.method)).toEqual(expect.arrayContaining(['totp', 'password']));
    const level = await supabase.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(level.data).toMatchObject({ currentLevel: 'aal2', nextLevel: 'aal2' });
    const { data } = await supabase.auth.mfa.listFactors();
    expect(data?.totp.map((f) => f.id)).toEqual([factor.id]);
  });

  it('refuses a wrong code with mfa_verification_failed', async () => {
    const { supabase } = await signedInUser('wrongtotp');
    const factor = await enroll(supabase);
    const challenge = await supabase.auth.mfa.challenge({ factorId: factor.id });
    expect(challenge.data).toMatchObject({ type: 'totp', expires_at: expect.any(Number) });
    const wrong = codeFor(factor.totp.secret) === '000000' ? '111111' : '000000';
    const { error } = await supabase.auth.mfa.verify({ factorId: factor.id, challengeId: challenge.data!.id, code: wrong });
    expect(error).toMatchObject({ status: 422, code: 'mfa_verification_failed' });
  });

  it.runIf(IS_LOCAL)('refuses an expired challenge with mfa_challenge_expired', async () => {
    const { supabase } = await signedInUser('expiredchallenge');
    const factor = await enroll(supabase);
    const challenge = await supabase.auth.mfa.challenge({ factorId: factor.id });
    await superuserSql(`update auth.mfa_challenges set created_at = now() - interval '10 minutes' where id = $1`, [challenge.data!.id]);
    const code = codeFor(factor.totp.secret);
    const { error } = await supabase.auth.mfa.verify({ factorId: factor.id, challengeId: challenge.data!.id, code });
    expect(error).toMatchObject({ status: 422, code: 'mfa_challenge_expired' });
  });

  it('answers an unknown factor with mfa_factor_not_found', async () => {
    const { supabase } = await signedInUser('nofactor');
    const { error } = await supabase.auth.mfa.challenge({ factorId: crypto.randomUUID() });
    expect(error).toMatchObject({ status: 404, code: 'mfa_factor_not_found' });
  });
});

describe('assurance levels once a factor is verified', () => {
  it('reports aal1 → aal2 for a fresh password sign-in and requires aal2 for a password change', async () => {
    const { email } = await userWithVerifiedFactor('needsaal2');
    const supabase = await aal1Client(email);
    const level = await supabase.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(level.data).toMatchObject({ currentLevel: 'aal1', nextLevel: 'aal2' });
    const { error } = await supabase.auth.updateUser({ password: 'another-pass-42' });
    expect(error).toMatchObject({ status: 401, code: 'insufficient_aal' });
  });

  it('requires aal2 to enroll another factor (insufficient_aal)', async () => {
    const { email } = await userWithVerifiedFactor('enroll2');
    const supabase = await aal1Client(email);
    const { error } = await supabase.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'Second' });
    expect(error).toMatchObject({ status: 403, code: 'insufficient_aal' });
  });

  it('requires aal2 to unenroll a verified factor, and unenrolls from an aal2 session', async () => {
    const { supabase, email, factor } = await userWithVerifiedFactor('unenroll');
    const weak = await aal1Client(email);
    const refused = await weak.auth.mfa.unenroll({ factorId: factor.id });
    expect(refused.error).toMatchObject({ status: 422, code: 'insufficient_aal' });
    const { data, error } = await supabase.auth.mfa.unenroll({ factorId: factor.id });
    expect(error).toBeNull();
    expect(data).toEqual({ id: factor.id });
  });
});

describe('admin: factors', () => {
  it('lists and deletes the factors of a user', async () => {
    const { user, factor } = await userWithVerifiedFactor('adminfactors');
    const listed = await admin().auth.admin.mfa.listFactors({ userId: user.id });
    expect(listed.data?.factors.map((f) => f.id)).toEqual([factor.id]);
    const deleted = await admin().auth.admin.mfa.deleteFactor({ userId: user.id, id: factor.id });
    expect(deleted.error).toBeNull();
    expect((await admin().auth.admin.mfa.listFactors({ userId: user.id })).data?.factors).toEqual([]);
  });
});
