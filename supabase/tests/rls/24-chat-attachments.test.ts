import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { client } from '../helpers/env.ts';
import { chatOrg, otherOrgOwner, send, visitorWithConversation, type ChatOrg } from '../helpers/chat.ts';

type Who = 'owner' | 'admin' | 'agent' | 'customer' | 'other org' | 'visitor A' | 'visitor B' | 'anon';

const BUCKET = 'chat-attachments';
const png = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], { type: 'image/png' });
const unique = (name: string) => `${crypto.randomUUID()}-${name}`;

describe('chat attachments: exactly the conversation\'s readers, in a private bucket', () => {
  let org: ChatOrg;
  let a: Awaited<ReturnType<typeof visitorWithConversation>>;
  let b: Awaited<ReturnType<typeof visitorWithConversation>>;
  let as: Record<Who, SupabaseClient>;
  const folderOf = (conversationId: string) => `${org.orgId}/${conversationId}`;
  const upload = (who: Who, path: string, body: Blob = png()) => as[who].storage.from(BUCKET).upload(path, body);
  const canRead = async (who: Who, path: string) => (await as[who].storage.from(BUCKET).download(path)).data !== null;

  beforeAll(async () => {
    org = await chatOrg('chat-files');
    const other = await otherOrgOwner('chat-files');
    a = await visitorWithConversation(org);
    b = await visitorWithConversation(org);
    as = {
      owner: org.members.owner.supabase, admin: org.members.admin.supabase, agent: org.members.agent.supabase,
      customer: org.members.customer.supabase, 'other org': other.supabase,
      'visitor A': a.supabase, 'visitor B': b.supabase, anon: client(),
    };
  });

  it('uploads: the conversation\'s visitor and the org\'s agents; nobody into someone else\'s folder', async () => {
    const folder = folderOf(a.conversation.id);
    expect((await upload('visitor A', `${folder}/${unique('receipt.png')}`)).error).toBeNull();
    expect((await upload('agent', `${folder}/${unique('label.png')}`)).error).toBeNull();
    for (const who of ['visitor B', 'customer', 'other org', 'anon'] as Who[]) {
      const { error } = await upload(who, `${folder}/${unique('x.png')}`);
      expect((error as { statusCode?: string } | null)?.statusCode, who).toBe('403');
    }
    const wrongOrg = await upload('visitor A', `${crypto.randomUUID()}/${a.conversation.id}/${unique('x.png')}`);
    expect((wrongOrg.error as { statusCode?: string } | null)?.statusCode).toBe('403');
    const notAFolder = await upload('visitor A', `${folder}/nested/${unique('x.png')}`);
    expect((notAFolder.error as { statusCode?: string } | null)?.statusCode).toBe('403');
  });

  it('refuses active content types and oversized files', async () => {
    const folder = folderOf(a.conversation.id);
    for (const type of ['image/svg+xml', 'text/html', 'application/javascript']) {
      const { error } = await upload('visitor A', `${folder}/${unique('x')}`, new Blob(['<script>alert(1)</script>'], { type }));
      expect((error as { statusCode?: string } | null)?.statusCode, type).toBe('415');
    }
    const big = new Blob([new Uint8Array(10 * 1024 * 1024 + 1)], { type: 'image/png' });
    const { error } = await upload('visitor A', `${folder}/${unique('big.png')}`, big);
    expect((error as { statusCode?: string } | null)?.statusCode).toBe('413');
  });

  it('a file the visitor sends is read by the org\'s staff and that visitor only', async () => {
    const path = `${folderOf(a.conversation.id)}/${unique('photo.png')}`;
    await upload('visitor A', path);
    const { data, error } = await send(a, a.conversation.id, '', { attachments: [{ path, name: 'My photo.png' }] });
    expect(error).toBeNull();
    expect(data![0].attachments).toEqual([{ path, name: 'My photo.png', size: 11, mime_type: 'image/png' }]);
    const readers = await Promise.all((Object.keys(as) as Who[]).map(async (who) => [who, await canRead(who, path)]));
    expect(Object.fromEntries(readers)).toEqual({
      owner: true, admin: true, agent: true, customer: false, 'other org': false, 'visitor A': true, 'visitor B': false, anon: false,
    });
  });

  it('an agent\'s file reaches the visitor only once a visible reply attaches it', async () => {
    const path = `${folderOf(a.conversation.id)}/${unique('invoice.png')}`;
    await upload('agent', path);
    expect(await canRead('visitor A', path)).toBe(false);
    const note = await org.members.agent.supabase.from('messages')
      .insert({ conversation_id: a.conversation.id, sender_type: 'agent', is_private: true, content: 'for us', attachments: [{ path }] });
    expect(note.error).toBeNull();
    expect(await canRead('visitor A', path)).toBe(false);
    await org.members.agent.supabase.from('messages')
      .insert({ conversation_id: a.conversation.id, sender_type: 'agent', content: 'Your invoice', attachments: [{ path }] });
    expect(await canRead('visitor A', path)).toBe(true);
    expect(await canRead('visitor B', path)).toBe(false);
  });

  it('messages attach only files of their own conversation; visitors only their own uploads', async () => {
    const bFile = `${folderOf(b.conversation.id)}/${unique('b.png')}`;
    await upload('visitor B', bFile);
    const crossConversation = await send(a, a.conversation.id, 'look', { attachments: [{ path: bFile }] });
    expect(crossConversation.error?.message).toBe('Each attachment must be a file uploaded to this conversation.');
    const agentFile = `${folderOf(a.conversation.id)}/${unique('internal.png')}`;
    await upload('agent', agentFile);
    const notMine = await send(a, a.conversation.id, 'mine now', { attachments: [{ path: agentFile }] });
    expect(notMine.error?.message).toBe('Visitors can only attach files they uploaded.');
    expect(await canRead('visitor A', agentFile)).toBe(false);
    const missing = await send(a, a.conversation.id, 'ghost', { attachments: [{ path: `${folderOf(a.conversation.id)}/nope.png` }] });
    expect(missing.error?.message).toBe('Each attachment must be a file uploaded to this conversation.');
  });

  it('nobody replaces or deletes chat files through the API', async () => {
    const path = `${folderOf(a.conversation.id)}/${unique('keep.png')}`;
    await upload('visitor A', path);
    for (const who of ['visitor A', 'owner'] as Who[]) {
      const replaced = await as[who].storage.from(BUCKET).upload(path, png(), { upsert: true });
      expect(replaced.error, who).not.toBeNull();
      const removed = await as[who].storage.from(BUCKET).remove([path]);
      expect(removed.data, who).toEqual([]);
    }
    expect(await canRead('agent', path)).toBe(true);
  });
});
