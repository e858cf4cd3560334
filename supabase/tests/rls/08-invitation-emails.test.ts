import { FunctionsHttpError } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { IS_LOCAL } from '../helpers/env.ts';
import { waitForEmail } from '../helpers/inbox.ts';
import { actor, orgWithMembers, type OrgFixture } from '../helpers/org.ts';

async function errorBody(error: unknown): Promise<{ code: string; message: string }> {
  expect(error).toBeInstanceOf(FunctionsHttpError);
  return (error as FunctionsHttpError).context.json();
}

describe.skipIf(!IS_LOCAL)('the invitations function: issue as the caller, email the one-time link', () => {
  let org: OrgFixture;
  beforeAll(async () => {
    org = await orgWithMembers('fn-invite');
  });

  const tokenFrom = (text: string) => /\/invite\/([0-9a-f]{64})/.exec(text)?.[1];

  it('emails the invitee a link whose token joins them to the organization', async () => {
    const invitee = await actor('fn-invitee');
    const since = new Date();
    const { data, error } = await org.members.admin.supabase.functions.invoke('invitations', {
      body: { action: 'create', org_id: org.orgId, email: invitee.email, role_id: org.roleIds.agent },
    });
    expect(error).toBeNull();
    expect(data.invitation).toMatchObject({ email: invitee.email, org_id: org.orgId });
    expect(data.invitation).not.toHaveProperty('token_hash');
    const email = await waitForEmail(invitee.email, { since });
    expect(email.Subject).toContain(`invited you to Org fn-invite`);
    const token = tokenFrom(email.Text);
    expect(token).toBeDefined();
    expect((await invitee.supabase.rpc('accept_invitation', { token: token! })).data).toBe(org.orgId);
  });

  it('resend issues a new link and withdraws the old one', async () => {
    const invitee = await actor('fn-resend');
    const first = await org.members.owner.supabase.functions.invoke('invitations', {
      body: { action: 'create', org_id: org.orgId, email: invitee.email, role_id: org.roleIds.customer },
    });
    const firstToken = tokenFrom((await waitForEmail(invitee.email)).Text);
    const since = new Date();
    const resent = await org.members.owner.supabase.functions.invoke('invitations', {
      body: { action: 'resend', invitation_id: first.data.invitation.id },
    });
    expect(resent.error).toBeNull();
    const secondToken = tokenFrom((await waitForEmail(invitee.email, { since })).Text);
    expect(secondToken).not.toBe(firstToken);
    expect((await invitee.supabase.rpc('accept_invitation', { token: firstToken! })).error?.message).toBe('This invitation was withdrawn.');
    expect((await invitee.supabase.rpc('accept_invitation', { token: secondToken! })).error).toBeNull();
  });

  it('refuses an agent with the database\'s own reason', async () => {
    const { error } = await org.members.agent.supabase.functions.invoke('invitations', {
      body: { action: 'create', org_id: org.orgId, email: 'someone@example.test', role_id: org.roleIds.agent },
    });
    expect(await errorBody(error)).toEqual({ code: 'invitation_refused', message: 'You cannot invite members to this organization.' });
  });

  it('refuses malformed requests with a readable 400', async () => {
    const { error } = await org.members.admin.supabase.functions.invoke('invitations', {
      body: { action: 'create', org_id: 'not-a-uuid', email: 'nope', role_id: org.roleIds.agent },
    });
    const body = await errorBody(error);
    expect(body.code).toBe('invalid_request');
    expect(body.message).toContain('org_id');
    expect(body.message).toContain('email');
  });

  it('keeps script payloads in names out of the email markup', async () => {
    await org.members.owner.supabase.from('organizations').update({ name: '<img src=x onerror=alert(1)>' }).eq('id', org.orgId);
    const invitee = await actor('fn-xss');
    const since = new Date();
    await org.members.owner.supabase.functions.invoke('invitations', {
      body: { action: 'create', org_id: org.orgId, email: invitee.email, role_id: org.roleIds.agent },
    });
    const email = await waitForEmail(invitee.email, { since });
    expect(email.HTML).not.toContain('<img src=x');
    expect(email.HTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
