import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { orgWithMembers } from '../helpers/org.ts';
import { joinPrivate } from '../helpers/realtime.ts';
import { cast, raiseTicket, type Cast, type Ticket } from '../helpers/tickets.ts';

const BUCKET = 'ticket-attachments';
const text = (body: string) => new Blob([body], { type: 'text/plain' });

/**
 * Merging moves the duplicate's conversation (comments, files, mentions) to the survivor; the
 * duplicate's requester follows the survivor and is told on the duplicate where it went.
 */
describe('merging tickets moves the conversation and the requester', () => {
  let c: Cast;
  let target: Ticket;
  let duplicate: Ticket;
  let file = '';
  const ids = { reply: '', note: '' };

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-merge'), 'rls-merge');
    target = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Login fails' });
    duplicate = await raiseTicket(c.members.requester, c.org.orgId, { subject: 'Cannot sign in' });
    ids.reply = (await c.members.requester.supabase.from('ticket_comments').insert({ ticket_id: duplicate.id, body: 'Screenshot attached' }).select('id').single()).data!.id;
    ids.note = (await c.members.agent.supabase.from('ticket_comments').insert({ ticket_id: duplicate.id, body: 'Same as the login bug', is_internal: true }).select('id').single()).data!.id;
    file = `${c.org.orgId}/${duplicate.id}/${ids.reply}/${crypto.randomUUID()}-screen.txt`;
    const upload = await c.members.requester.supabase.storage.from(BUCKET).upload(file, text('pixels'), { contentType: 'text/plain' });
    if (upload.error) throw upload.error;
    const merged = await c.members.manager.supabase.rpc('merge_tickets', { source_id: duplicate.id, target_id: target.id });
    if (merged.error) throw merged.error;
  });

  it('moves every comment and file to the survivor, keeping authors and visibility', async () => {
    const { data: moved } = await admin().from('ticket_comments').select('id, ticket_id, is_internal').in('id', [ids.reply, ids.note]);
    expect(moved?.map((m) => m.ticket_id)).toEqual([target.id, target.id]);
    expect(moved?.find((m) => m.id === ids.note)?.is_internal).toBe(true);
    expect((await admin().from('ticket_attachments').select('ticket_id').eq('storage_path', file).single()).data?.ticket_id).toBe(target.id);
  });

  it('the duplicate keeps one public reply telling its requester where the conversation continues', async () => {
    const { data } = await c.members.requester.supabase.from('ticket_comments').select('body').eq('ticket_id', duplicate.id);
    expect(data).toEqual([{ body: `This request was merged into ticket ${target.number} (Login fails), where the conversation continues. Please reply there.` }]);
  });

  it('the duplicate\'s requester follows the survivor: reads it, its public replies and files, its live topic, and replies', async () => {
    const requester = c.members.requester.supabase;
    expect((await requester.from('tickets').select('id').eq('id', target.id)).data).toEqual([{ id: target.id }]);
    const visible = (await requester.from('ticket_comments').select('id').eq('ticket_id', target.id)).data?.map((r) => r.id);
    expect(visible).toEqual([ids.reply]);
    expect(await (await requester.storage.from(BUCKET).download(file)).data?.text()).toBe('pixels');
    expect((await requester.from('ticket_followers').select('ticket_id, reason')).data).toEqual([{ ticket_id: target.id, reason: 'merged' }]);
    const joined = await joinPrivate(requester, `ticket:${target.id}`);
    expect(joined.status).toBe('SUBSCRIBED');
    await requester.removeChannel(joined.channel);
    expect((await requester.from('ticket_comments').insert({ ticket_id: target.id, body: 'Still failing for me too' })).error).toBeNull();
  });

  it('a follower neither reopens, closes nor edits the survivor, and never sees its internal notes', async () => {
    const requester = c.members.requester.supabase;
    expect((await requester.from('tickets').update({ priority: 'urgent' }).eq('id', target.id).select('id')).data).toEqual([]);
    expect((await requester.from('ticket_comments').select('id').eq('id', ids.note)).data).toEqual([]);
    expect((await requester.storage.from(BUCKET).list(`${c.org.orgId}/${duplicate.id}/${ids.note}`)).data).toEqual([]);
  });

  it('outsiders and other customers gain nothing from the merge', async () => {
    for (const who of [c.otherOrg, c.visitor]) {
      expect((await who.supabase.from('ticket_followers').select('ticket_id')).data, who.email).toEqual([]);
      expect((await who.supabase.from('tickets').select('id').eq('id', target.id)).data, who.email).toEqual([]);
    }
    expect((await c.members.customer.supabase.from('ticket_followers').select('ticket_id')).data).toEqual([]);
    const forged = await c.members.customer.supabase.from('ticket_followers').insert({ ticket_id: target.id, user_id: c.members.customer.userId, org_id: c.org.orgId } as never);
    expect(forged.error?.code).toBe('42501');
  });
});
