import { beforeAll, describe, expect, it } from 'vitest';
import { anonChat, chatOrg, createWidget, otherOrgOwner, visitor, type ChatOrg, type Visitor } from '../helpers/chat.ts';
import type { Actor } from '../helpers/org.ts';

describe('chat widgets: a public config anyone reads by key, an identity secret nobody reads back', () => {
  let org: ChatOrg;
  let other: Actor & { orgId: string };
  let someVisitor: Visitor;
  beforeAll(async () => {
    org = await chatOrg('chat-widget');
    other = await otherOrgOwner('chat-widget');
    someVisitor = await visitor();
  });

  const config = (supabase = anonChat()) => supabase.rpc('get_widget_config', { widget_key: org.widget.widget_key }).maybeSingle();

  it('anyone, signed out included, reads the public config by widget key, and only public fields', async () => {
    const { data, error } = await config();
    expect(error).toBeNull();
    expect(data).toMatchObject({
      widget_id: org.widget.id, name: 'Shop chat', org_name: 'Org chat-widget', allowed_domains: ['shop.example.com'],
      offline_mode: true, csat_enabled: true, require_verified_identity: false, agents_online: true, open_now: true,
    });
    expect(Object.keys(data!).sort()).toEqual([
      'agents_online', 'allowed_domains', 'away_message', 'color', 'csat_enabled', 'greeting', 'launcher_position', 'locale',
      'name', 'offline_mode', 'open_now', 'org_name', 'prechat_fields', 'require_verified_identity', 'theme', 'widget_id', 'widget_key',
    ]);
    expect((await anonChat().rpc('get_widget_config', { widget_key: 'wk_nope' }).maybeSingle()).data).toBeNull();
  });

  it('gives each widget a random, unguessable key', async () => {
    const second = await createWidget(org.members.admin, org.orgId);
    expect(org.widget.widget_key).toMatch(/^wk_[0-9a-f]{36}$/);
    expect(second.widget_key).not.toBe(org.widget.widget_key);
  });

  it('a widget manager rotates the secret and sees it once; no API path reads it back', async () => {
    const first = await org.members.admin.supabase.rpc('rotate_widget_secret', { widget_id: org.widget.id });
    expect(first.data).toMatch(/^[0-9a-f]{64}$/);
    const second = await org.members.owner.supabase.rpc('rotate_widget_secret', { widget_id: org.widget.id });
    expect(second.data).toMatch(/^[0-9a-f]{64}$/);
    expect(second.data).not.toBe(first.data);

    const { data: row } = await org.members.owner.supabase.from('widgets').select('*').eq('id', org.widget.id).single();
    expect(row!.identity_secret_rotated_at).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(second.data!);
    expect(JSON.stringify((await config()).data)).not.toContain(second.data!);

    for (const [who, supabase] of [['owner', org.members.owner.supabase], ['visitor', someVisitor.supabase], ['anon', anonChat()]] as const) {
      const viaRpc = await supabase.rpc('service_role_widget_for_session', { widget_key: org.widget.widget_key });
      expect(viaRpc.error?.code, who).toBe('42501');
      const viaPrivateSchema = await supabase.schema('private' as 'public').from('widget_secrets' as 'widgets').select('*');
      expect(viaPrivateSchema.data, who).toBeNull();
      expect(viaPrivateSchema.error?.code, who).toBe('PGRST106');
    }
  });

  it('agents, customers, visitors and other organizations cannot rotate the secret', async () => {
    for (const [who, supabase] of [
      ['agent', org.members.agent.supabase], ['customer', org.members.customer.supabase],
      ['visitor', someVisitor.supabase], ['other org', other.supabase],
    ] as const) {
      const { data, error } = await supabase.rpc('rotate_widget_secret', { widget_id: org.widget.id });
      expect(data, who).toBeNull();
      expect(error?.message, who).toBe('You cannot manage this widget.');
    }
    expect((await anonChat().rpc('rotate_widget_secret', { widget_id: org.widget.id })).error?.code).toBe('42501');
  });

  it('widget managers create and edit widgets; chat staff read them; everyone else sees nothing', async () => {
    const read = async (supabase: Actor['supabase']) => (await supabase.from('widgets').select('id').eq('org_id', org.orgId)).data;
    expect(await read(org.members.agent.supabase)).not.toEqual([]);
    for (const supabase of [org.members.customer.supabase, org.members.requester.supabase, other.supabase, someVisitor.supabase]) {
      expect(await read(supabase)).toEqual([]);
    }
    expect((await anonChat().from('widgets').select('id')).error?.code).toBe('42501');

    const byAgent = await org.members.agent.supabase.from('widgets').update({ name: 'Hacked' }).eq('id', org.widget.id).select();
    expect(byAgent.data).toEqual([]);
    const byOther = await other.supabase.from('widgets').insert({ org_id: org.orgId, name: 'Mine now' });
    expect(byOther.error?.code).toBe('42501');
    const byAdmin = await org.members.admin.supabase.from('widgets').update({ greeting: 'Hello!' }).eq('id', org.widget.id).select('greeting');
    expect(byAdmin.data).toEqual([{ greeting: 'Hello!' }]);
  });

  it('refuses host patterns with schemes or paths, and malformed pre-chat forms, readably', async () => {
    const update = (fields: Record<string, unknown>) =>
      org.members.admin.supabase.from('widgets').update(fields as never).eq('id', org.widget.id);
    for (const pattern of ['https://shop.example.com', 'shop.example.com/path', '*', '*.com', 'exa mple.com']) {
      const { error } = await update({ allowed_domains: [pattern] });
      expect(error?.message, pattern).toContain('is not a host pattern');
    }
    const normalized = await org.members.admin.supabase
      .from('widgets').update({ allowed_domains: [' Shop.Example.com ', '*.example.com', 'localhost:3000', 'shop.example.com'] })
      .eq('id', org.widget.id).select('allowed_domains').single();
    expect(normalized.data!.allowed_domains.sort()).toEqual(['*.example.com', 'localhost:3000', 'shop.example.com']);

    const bad = [
      [{ key: 'Email', label: 'Email', type: 'email' }],
      [{ key: 'plan', label: 'Plan', type: 'select' }],
      [{ key: 'email', label: 'Email', type: 'email', script: '<x>' }],
      [{ key: 'email', label: 'Email', type: 'email' }, { key: 'email', label: 'Again', type: 'text' }],
    ];
    for (const prechat_fields of bad) {
      const { error } = await update({ prechat_fields });
      expect(error?.code, JSON.stringify(prechat_fields)).toBe('P0001');
    }
    const good = [{ key: 'email', label: 'Your email', type: 'email', required: true }, { key: 'plan', label: 'Plan', type: 'select', options: ['Free', 'Pro'] }];
    expect((await update({ prechat_fields: good })).error).toBeNull();
  });

  it('requiring verified identities needs an identity secret first', async () => {
    const fresh = await createWidget(org.members.admin, org.orgId);
    const refused = await org.members.admin.supabase.from('widgets').update({ require_verified_identity: true }).eq('id', fresh.id);
    expect(refused.error?.message).toBe('Create an identity secret before requiring verified identities.');
    await org.members.admin.supabase.rpc('rotate_widget_secret', { widget_id: fresh.id });
    const allowed = await org.members.admin.supabase.from('widgets').update({ require_verified_identity: true }).eq('id', fresh.id);
    expect(allowed.error).toBeNull();
  });

  it('"agents online" follows the availability of members who reply to chats', async () => {
    for (const key of ['owner', 'admin', 'manager', 'agent'] as const) {
      const { error } = await org.members[key].supabase.from('memberships').update({ availability: 'away' }).eq('user_id', org.members[key].userId);
      expect(error).toBeNull();
    }
    expect((await config()).data?.agents_online).toBe(false);
    await org.members.agent.supabase.from('memberships').update({ availability: 'online' }).eq('user_id', org.members.agent.userId);
    expect((await config()).data?.agents_online).toBe(true);
  });
});
