import { FunctionsHttpError } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, client } from '../helpers/env.ts';
import {
  chatOrg, contactFor, createWidget, identityHash, openSession, send, startConversation, visitor, type ChatOrg,
} from '../helpers/chat.ts';

describe('widget sessions: where the widget may run, and who a visitor may claim to be', () => {
  let org: ChatOrg;
  let secret: string;
  beforeAll(async () => {
    org = await chatOrg('chat-session', { allowed_domains: ['shop.example.com', '*.example.org', 'localhost:3000'] });
    secret = (await org.members.admin.supabase.rpc('rotate_widget_secret', { widget_id: org.widget.id })).data!;
  });

  const verified = (id: string, extra: Record<string, unknown> = {}) => ({ user: { id, hash: identityHash(secret, id), ...extra } });
  const contactRow = async (id: string) => (await admin().from('contacts').select('*').eq('id', id).single()).data;

  it('admits the widget only on its allowed sites, with a readable 403 elsewhere', async () => {
    const who = await visitor();
    const allowed = ['https://shop.example.com', 'https://help.example.org', 'https://a.b.example.org', 'http://localhost:3000'];
    for (const origin of allowed) {
      expect((await openSession(who, org.widget.widget_key, { parent_origin: origin })).status, origin).toBe(200);
    }
    const refused = ['https://evil.example.com', 'https://example.org', 'https://shop.example.com.evil.test',
      'http://localhost:4000', 'https://shop.example.com/path', 'javascript:alert(1)', 'null'];
    for (const origin of refused) {
      const session = await openSession(who, org.widget.widget_key, { parent_origin: origin });
      expect(session.status, origin).toBe(403);
      expect(session.error?.code, origin).toBe('origin_not_allowed');
    }
    const session = await openSession(who, org.widget.widget_key, { parent_origin: 'https://evil.example.com' });
    expect(session.error?.message).toBe('This chat widget is not enabled on https://evil.example.com.');
  });

  it('refuses a forged identity hash with a readable 403 and links nothing', async () => {
    const who = await visitor();
    for (const hash of [identityHash('not-the-secret', 'alice'), identityHash(secret, 'mallory'), 'f'.repeat(64), 'zz']) {
      const session = await openSession(who, org.widget.widget_key, { user: { id: 'alice', hash } });
      expect(session.status, hash).toBe(403);
      expect(session.error, hash).toEqual({ code: 'identity_forged', message: 'The identity hash does not match this user id.' });
    }
    expect((await admin().from('contacts').select('id').eq('org_id', org.orgId).eq('external_id', 'alice')).data).toEqual([]);
  });

  it('a verified id links every browser of that person to one contact and its conversations', async () => {
    const laptop = await visitor();
    const contactId = await contactFor(laptop, org.widget.widget_key, verified('carol', { name: 'Carol', email: 'carol@example.test' }));
    const conversation = await startConversation(laptop, org.widget.id, contactId);
    await send(laptop, conversation.id, 'Hi from my laptop');

    const phone = await visitor();
    const session = await openSession(phone, org.widget.widget_key, verified('carol'));
    expect(session.data?.contact_id).toBe(contactId);
    expect(session.data?.conversations.map((c) => c.id)).toEqual([conversation.id]);
    const { data } = await phone.supabase.from('messages').select('content').eq('conversation_id', conversation.id);
    expect(data).toEqual([{ content: 'Hi from my laptop' }]);
    expect(await contactRow(contactId)).toMatchObject({ external_id: 'carol', name: 'Carol', email: 'carol@example.test' });
  });

  it('a different verified id never reaches another person\'s contact or conversations', async () => {
    const shared = await visitor();
    const daveContact = await contactFor(shared, org.widget.widget_key, verified('dave'));
    const daveConversation = await startConversation(shared, org.widget.id, daveContact);
    await send(shared, daveConversation.id, 'Dave\'s private question');

    const session = await openSession(shared, org.widget.widget_key, verified('erin'));
    expect(session.data?.contact_id).not.toBe(daveContact);
    expect(session.data?.conversations).toEqual([]);
    expect((await shared.supabase.rpc('visitor_conversations', { conversation_id: daveConversation.id })).data).toEqual([]);
    expect((await shared.supabase.from('messages').select('id').eq('conversation_id', daveConversation.id)).data).toEqual([]);
    expect((await shared.supabase.from('contacts').select('external_id')).data).toEqual([{ external_id: 'erin' }]);
    expect((await send(shared, daveConversation.id, 'As Erin')).error?.code).toBe('42501');

    const signedOut = await openSession(shared, org.widget.widget_key);
    expect(signedOut.data?.contact_id).not.toBe(daveContact);
    expect(signedOut.data?.conversations).toEqual([]);
  });

  it('an unverified user id or email is only a label: it never finds anyone\'s contact', async () => {
    const victim = await visitor();
    const victimContact = await contactFor(victim, org.widget.widget_key, verified('frank', { email: 'frank@example.test' }));
    await startConversation(victim, org.widget.id, victimContact);

    const impostor = await visitor();
    const session = await openSession(impostor, org.widget.widget_key, { user: { id: 'frank', email: 'frank@example.test' } });
    expect(session.status).toBe(200);
    expect(session.data?.contact_id).not.toBe(victimContact);
    expect(session.data?.conversations).toEqual([]);
    expect(await contactRow(session.data!.contact_id)).toMatchObject({ external_id: null, custom_attributes: { unverified_user_id: 'frank' } });
  });

  it('an anonymous visitor who then proves who they are keeps their conversation', async () => {
    const who = await visitor();
    const anonymousContact = await contactFor(who, org.widget.widget_key);
    const conversation = await startConversation(who, org.widget.id, anonymousContact);
    await contactFor(await visitor(), org.widget.widget_key, verified('gina'));
    const session = await openSession(who, org.widget.widget_key, verified('gina'));
    expect(session.data?.conversations.map((c) => c.id)).toEqual([conversation.id]);
    expect((await admin().from('contacts').select('id').eq('id', anonymousContact)).data).toEqual([]);
  });

  it('with verified identities required, an unverified visitor is refused readably', async () => {
    const strict = await createWidget(org.members.admin, org.orgId, { allowed_domains: ['shop.example.com'] });
    const strictSecret = (await org.members.admin.supabase.rpc('rotate_widget_secret', { widget_id: strict.id })).data!;
    await org.members.admin.supabase.from('widgets').update({ require_verified_identity: true }).eq('id', strict.id);
    const who = await visitor();
    for (const body of [{}, { user: { id: 'henry' } }]) {
      const session = await openSession(who, strict.widget_key, body);
      expect(session.status).toBe(403);
      expect(session.error?.code).toBe('identity_required');
    }
    const ok = await openSession(who, strict.widget_key, { user: { id: 'henry', hash: identityHash(strictSecret, 'henry') } });
    expect(ok.status).toBe(200);
  });

  it('checks pre-chat answers against the widget\'s form and files them on the contact', async () => {
    const prechat_fields = [
      { key: 'name', label: 'Your name', type: 'text' },
      { key: 'email', label: 'Your email', type: 'email', required: true },
      { key: 'plan', label: 'Plan', type: 'select', options: ['Free', 'Pro'] },
    ];
    const form = await createWidget(org.members.admin, org.orgId, { prechat_fields });
    const who = await visitor();
    const refusals: [Record<string, string>, string][] = [
      [{ name: 'Ivy' }, 'Please fill in "Your email".'],
      [{ email: 'not-an-email' }, '"Your email" must be an email address.'],
      [{ email: 'ivy@example.test', plan: 'Gold' }, 'Choose one of the options for "Plan".'],
      [{ email: 'ivy@example.test', shoe_size: '42' }, 'This chat\'s form has no field shoe_size.'],
    ];
    for (const [prechat, message] of refusals) {
      expect((await openSession(who, form.widget_key, { prechat })).error).toEqual({ code: 'invalid_prechat', message });
    }
    const contactId = await contactFor(who, form.widget_key, { prechat: { name: 'Ivy', email: 'Ivy@Example.test', plan: 'Pro' } });
    expect(await contactRow(contactId)).toMatchObject({ name: 'Ivy', email: 'ivy@example.test', custom_attributes: { plan: 'Pro' } });
  });

  it('records the page, browser and location the widget reports', async () => {
    const who = await visitor();
    const { data } = await who.supabase.functions.invoke('widget-session', {
      body: { widget_key: org.widget.widget_key, parent_origin: 'https://shop.example.com', page: { url: 'https://shop.example.com/cart', title: 'Cart <b>' } },
      headers: {
        'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
        'cf-ipcountry': 'FR', 'cf-ipcity': 'Lyon',
      },
    });
    expect(await contactRow(data.contact_id)).toMatchObject({
      last_seen_url: 'https://shop.example.com/cart', last_seen_title: 'Cart <b>', browser: 'Firefox 133 on Windows', location: 'Lyon, FR',
    });
  });

  it('needs an anonymous visitor session, a known widget and a well-formed body', async () => {
    const signedOut = await client().functions.invoke('widget-session', { body: { widget_key: org.widget.widget_key, parent_origin: 'https://shop.example.com' } });
    expect((signedOut.error as FunctionsHttpError).context.status).toBe(401);
    const member = await org.members.agent.supabase.functions.invoke('widget-session', { body: { widget_key: org.widget.widget_key, parent_origin: 'https://shop.example.com' } });
    expect(await (member.error as FunctionsHttpError).context.json()).toEqual({ code: 'not_a_visitor', message: 'Widget sessions are for anonymous visitor sign-ins.' });
    const who = await visitor();
    expect((await openSession(who, 'wk_unknown-widget')).error?.code).toBe('unknown_widget');
    const malformed = await openSession(who, org.widget.widget_key, { parent_origin: 42, user: { id: '' }, page: { url: 'javascript:alert(1)' } });
    expect(malformed.status).toBe(400);
    for (const field of ['parent_origin', 'user.id', 'page.url']) expect(malformed.error?.message).toContain(field);
  });
});
