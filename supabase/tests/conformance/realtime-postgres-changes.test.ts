import type { RealtimeSystemPayload, SupabaseClient } from '@supabase/supabase-js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IS_LOCAL } from '../helpers/env.ts';
import {
  closeAll,
  dropTable,
  Inbox,
  mintUser,
  publishedTable,
  realtimeClient,
  sql,
  subscribed,
  subscribeOutcome,
  uniqueName,
  userRealtimeClient,
  type TestUser,
} from './realtime-fixtures.ts';

type Row = Record<string, unknown>;
/** What realtime-js hands to a postgres_changes callback. */
interface Change {
  eventType: 'INSERT' | 'UPDATE' | 'DELETE';
  schema: string;
  table: string;
  commit_timestamp: string;
  new: Row;
  old: Row;
  errors: string[] | null;
}

// Tables are created as the superuser, so these specs need the local stack's database.
describe.runIf(IS_LOCAL)('Realtime postgres_changes', () => {
  const itemsName = uniqueName('rt_test_items');
  const notesName = uniqueName('rt_test_notes');
  const hiddenName = uniqueName('rt_test_unpublished');
  let items = '';
  let notes = '';
  let owner: TestUser;
  const anon = realtimeClient();
  let ownerClient: SupabaseClient;
  let strangerClient: SupabaseClient;

  beforeAll(async () => {
    const [first, second] = await Promise.all([mintUser(), mintUser()]);
    owner = first;
    ownerClient = await userRealtimeClient(() => first.token);
    strangerClient = await userRealtimeClient(() => second.token);
    items = await publishedTable(
      itemsName,
      'id bigint primary key, list_id int, title text, done bool default false, meta jsonb, tags text[], at timestamptz default now()',
      { replicaFull: true },
    );
    notes = await publishedTable(notesName, 'id bigint primary key, owner_id uuid not null, body text, secret text', { rls: true });
    await sql(`create policy "Owners read their notes" on ${notes} for select to authenticated using ((select auth.uid()) = owner_id)`);
    await sql(`revoke select on ${notes} from authenticated`);
    await sql(`grant select (id, owner_id, body) on ${notes} to authenticated`);
    await sql(`create table public.${hiddenName} (id int primary key)`);
  });

  afterAll(async () => {
    await Promise.all([dropTable(items), dropTable(notes), dropTable(`public.${hiddenName}`)]);
  });

  afterEach(() => closeAll(anon, ownerClient, strangerClient));

  function listen(supabase: SupabaseClient, filter: { event: '*' | 'INSERT' | 'UPDATE' | 'DELETE'; table: string; filter?: string }) {
    const inbox = new Inbox<Change>();
    const system = new Inbox<RealtimeSystemPayload>();
    const channel = supabase
      .channel(uniqueName('changes'))
      .on('postgres_changes', { schema: 'public', ...filter } as never, (payload: unknown) => inbox.push(payload as Change))
      .on('system', {}, (payload: RealtimeSystemPayload) => system.push(payload));
    return { channel, inbox, system };
  }

  it('delivers inserts, updates and deletes with typed records', async () => {
    const { channel, inbox, system } = listen(anon, { event: '*', table: itemsName });
    await subscribed(channel);
    expect(await system.next()).toMatchObject({ extension: 'postgres_changes', status: 'ok', message: 'Subscribed to PostgreSQL' });

    await sql(`insert into ${items} (id, list_id, title, meta, tags, at) values (1, 7, 'Buy milk', '{"qty": 2}', '{a,"b c"}', '2026-01-02T03:04:05.678Z')`);
    await sql(`update ${items} set done = true where id = 1`);
    await sql(`delete from ${items} where id = 1`);

    const insert = await inbox.next((c) => c.eventType === 'INSERT');
    expect(insert).toMatchObject({ schema: 'public', table: itemsName, errors: null });
    expect(insert.new).toEqual({ id: 1, list_id: 7, title: 'Buy milk', done: false, meta: { qty: 2 }, tags: ['a', 'b c'], at: '2026-01-02T03:04:05.678+00:00' });
    expect(insert.commit_timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const update = await inbox.next((c) => c.eventType === 'UPDATE');
    expect(update.new).toMatchObject({ id: 1, done: true });
    expect(update.old).toMatchObject({ id: 1, done: false });
    const remove = await inbox.next((c) => c.eventType === 'DELETE');
    expect(remove.old).toMatchObject({ id: 1, title: 'Buy milk' });
  });

  it('delivers changes over the vsn 1.0.0 protocol too', async () => {
    const legacy = realtimeClient({ vsn: '1.0.0' });
    try {
      const { channel, inbox } = listen(legacy, { event: 'INSERT', table: itemsName, filter: 'id=eq.5' });
      await subscribed(channel);
      await sql(`insert into ${items} (id, title) values (4, 'skip'), (5, 'over json')`);
      expect((await inbox.next()).new).toMatchObject({ id: 5, title: 'over json' });
    } finally {
      await closeAll(legacy);
      await sql(`delete from ${items}`);
    }
  });

  it('applies eq, in and comparison filters after casting to the column type', async () => {
    const eq = listen(anon, { event: 'INSERT', table: itemsName, filter: 'list_id=eq.7' });
    const within = listen(anon, { event: 'INSERT', table: itemsName, filter: 'title=in.(alpha,"with, comma")' });
    const above = listen(anon, { event: 'INSERT', table: itemsName, filter: 'id=gte.100' });
    await Promise.all([subscribed(eq.channel), subscribed(within.channel), subscribed(above.channel)]);

    await sql(`insert into ${items} (id, list_id, title) values (10, 7, 'alpha'), (11, 8, 'with, comma'), (100, 9, 'beta')`);

    await above.inbox.next((c) => c.new.id === 100);
    expect((await eq.inbox.settle(200)).map((c) => c.new.id)).toEqual([10]);
    expect(within.inbox.items.map((c) => c.new.id)).toEqual([10, 11]);
    expect(above.inbox.items.map((c) => c.new.id)).toEqual([100]);
    await sql(`delete from ${items}`);
  });

  it('tests DELETE filters against the old row', async () => {
    const { channel, inbox } = listen(anon, { event: 'DELETE', table: itemsName, filter: 'list_id=neq.1' });
    await subscribed(channel);
    await sql(`insert into ${items} (id, list_id) values (20, 1), (21, 2)`);
    await sql(`delete from ${items} where id in (20, 21)`);
    await inbox.next();
    expect((await inbox.settle(200)).map((c) => c.old.id)).toEqual([21]);
  });

  it('never delivers a row that RLS hides from the subscriber', async () => {
    const mine = listen(ownerClient, { event: 'INSERT', table: notesName });
    const theirs = listen(strangerClient, { event: 'INSERT', table: notesName });
    await Promise.all([subscribed(mine.channel), subscribed(theirs.channel)]);

    await sql(`insert into ${notes} values (1, $1, 'private note', 'top secret')`, [owner.id]);

    const delivered = await mine.inbox.next();
    expect(delivered.new).toEqual({ id: 1, owner_id: owner.id, body: 'private note' });
    expect(delivered.new).not.toHaveProperty('secret');
    expect(await theirs.inbox.settle()).toEqual([]);
  });

  it('sends only the primary key of rows deleted from a table with RLS', async () => {
    const { channel, inbox } = listen(ownerClient, { event: 'DELETE', table: notesName });
    await subscribed(channel);
    await sql(`insert into ${notes} values (2, $1, 'to delete', null)`, [owner.id]);
    await sql(`delete from ${notes} where id = 2`);
    expect((await inbox.next()).old).toEqual({ id: 2 });
  });

  it('reports a table outside the supabase_realtime publication with a system error', async () => {
    const { channel, system } = listen(anon, { event: '*', table: hiddenName });
    await subscribed(channel);
    const error = await system.next();
    expect(error).toMatchObject({ extension: 'postgres_changes', status: 'error' });
    expect(error.message).toBe(
      `Unable to subscribe to changes with given parameters. Please check Realtime is enabled for the given connect parameters: [event: *, schema: public, table: ${hiddenName}, filters: []]`,
    );
  });

  it('refuses the join when waiting for a subscription that cannot start', async () => {
    const channel = anon
      .channel(uniqueName('changes'), { config: { postgres_changes_options: { wait: true, timeout: 5000 } } } as never)
      .on('postgres_changes', { event: '*', schema: 'public', table: hiddenName }, () => undefined);
    const { status, error } = await subscribeOutcome(channel);
    expect(status).toBe('CHANNEL_ERROR');
    expect(error?.message).toContain('RealtimeDisabledForConfiguration: Unable to subscribe to changes');
  });

  it('reports a filter value that does not cast to the column type', async () => {
    const { channel, system } = listen(anon, { event: '*', table: itemsName, filter: 'id=eq.not-a-number' });
    await subscribed(channel);
    const error = await system.next();
    expect(error.status).toBe('error');
    expect(error.message).toContain('invalid input syntax for type bigint');
  });
});
