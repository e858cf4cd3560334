import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { chatOrg, visitorWithConversation, type ChatOrg } from '../helpers/chat.ts';
import { raiseTicket, type Ticket } from '../helpers/tickets.ts';

/**
 * Deleting a ticket or a conversation queues its stored files; the purge-deleted-files function (run by
 * pg_cron through pg_net) removes them through the Storage API. Only the service role may purge.
 */
const png = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7])], { type: 'image/png' });
const purge = () => admin().functions.invoke<{ removed: number; failed: number }>('purge-deleted-files', { method: 'POST' });
const exists = async (bucket: string, path: string) => !(await admin().storage.from(bucket).info(path)).error;

describe('files of deleted tickets and conversations are removed from Storage', () => {
  let org: ChatOrg;
  let ticket: Ticket;
  let keptTicket: Ticket;
  const files = { ticket: '', kept: '', chat: '' };

  beforeAll(async () => {
    org = await chatOrg('purge-files');
    const customer = org.members.customer;
    ticket = await raiseTicket(customer, org.orgId);
    keptTicket = await raiseTicket(customer, org.orgId);
    files.ticket = `${org.orgId}/${ticket.id}/ticket/${crypto.randomUUID()}-invoice.png`;
    files.kept = `${org.orgId}/${keptTicket.id}/ticket/${crypto.randomUUID()}-keep.png`;
    for (const path of [files.ticket, files.kept]) {
      const { error } = await customer.supabase.storage.from('ticket-attachments').upload(path, png(), { contentType: 'image/png' });
      if (error) throw error;
    }
    const visitor = await visitorWithConversation(org);
    files.chat = `${org.orgId}/${visitor.conversation.id}/${crypto.randomUUID()}-photo.png`;
    const chatUpload = await visitor.supabase.storage.from('chat-attachments').upload(files.chat, png(), { contentType: 'image/png' });
    if (chatUpload.error) throw chatUpload.error;
    const deleted = await org.members.owner.supabase.from('tickets').delete().eq('id', ticket.id).select('id');
    expect(deleted.data).toHaveLength(1);
    const conversationGone = await admin().from('conversations').delete().eq('id', visitor.conversation.id).select('id');
    expect(conversationGone.data).toHaveLength(1);
  });

  it('removes exactly the deleted ones\' files and keeps the others', async () => {
    expect(await exists('ticket-attachments', files.ticket)).toBe(true);
    const { data, error } = await purge();
    expect(error).toBeNull();
    expect(data?.failed).toBe(0);
    expect(data?.removed).toBeGreaterThanOrEqual(2);
    expect(await exists('ticket-attachments', files.ticket)).toBe(false);
    expect(await exists('chat-attachments', files.chat)).toBe(false);
    expect(await exists('ticket-attachments', files.kept)).toBe(true);
  });

  it('refuses to purge for anyone but the service role, and keeps the queue for the service role', async () => {
    const asOwner = await org.members.owner.supabase.functions.invoke('purge-deleted-files', { method: 'POST' });
    expect(asOwner.error).toBeTruthy();
    expect(await asOwner.response?.json()).toMatchObject({ code: 'forbidden', message: 'Only the service role purges deleted files.' });
    const claim = await org.members.owner.supabase.rpc('service_role_claim_storage_deletions', { batch_size: 10 });
    expect(claim.error?.code).toBe('42501');
    const badBatch = await admin().functions.invoke('purge-deleted-files?batch=0', { method: 'POST' });
    expect(await badBatch.response?.json()).toMatchObject({ message: 'batch must be a whole number from 1 to 1000' });
  });
});
