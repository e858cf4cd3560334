-- The realtime schema: the broadcast/presence message table used for private-channel
-- authorization and broadcast-from-database, plus realtime.topic/send/broadcast_changes.
set role supabase_admin;

create table if not exists realtime.messages (
  id uuid not null default gen_random_uuid(),
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp not null default now(),
  inserted_at timestamp not null default now(),
  primary key (id, inserted_at)
);
create index if not exists messages_inserted_at_topic_index on realtime.messages (inserted_at desc, topic)
  where extension = 'broadcast' and private is true;
alter table realtime.messages enable row level security;

create or replace function realtime.topic() returns text
language sql stable as $$
  select nullif(current_setting('realtime.topic', true), '')::text;
$$;

create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true)
returns void
language plpgsql as $$
begin
  begin
    perform set_config('realtime.topic', topic, true);
    insert into realtime.messages (payload, event, topic, private, extension)
    values (
      case when payload ? 'id' then payload else payload || jsonb_build_object('id', gen_random_uuid()) end,
      event, topic, private, 'broadcast');
  exception when others then
    raise warning 'ErrorSendingBroadcastMessage: %', sqlerrm;
  end;
end;
$$;

create or replace function realtime.broadcast_changes(
  topic_name text, event_name text, operation text, table_name text, table_schema text,
  new record, old record, level text default 'ROW'
) returns void
language plpgsql as $$
declare
  row_data jsonb := '{}'::jsonb;
begin
  if level = 'STATEMENT' then
    raise exception 'function can only be triggered for each row, not for each statement';
  end if;
  if operation = 'INSERT' or operation = 'UPDATE' or operation = 'DELETE' then
    row_data := jsonb_build_object(
      'old_record', old, 'record', new, 'operation', operation,
      'table', table_name, 'schema', table_schema);
    perform realtime.send(row_data, event_name, topic_name);
  else
    raise exception 'Unexpected operation type: %', operation;
  end if;
end;
$$;

alter table realtime.messages owner to supabase_realtime_admin;

-- Broadcast from the database: the Realtime service streams inserts of realtime.messages through
-- this publication (the name Supabase's Realtime uses), next to supabase_realtime.
do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime_messages_publication') then
    create publication supabase_realtime_messages_publication for table realtime.messages with (publish = 'insert');
  end if;
end
$$;

-- Logical replication can hand over a transaction a moment before it becomes visible to other
-- sessions (its commit reaches the WAL before it leaves the proc array). Checks that must see a
-- replicated transaction's rows first wait here, briefly (at most ~1 s), until it is visible:
-- its id (32 bits, as pgoutput sends it) precedes the snapshot's xmax and is not running.
create or replace function realtime.await_transaction(xid bigint)
returns void
language plpgsql volatile
set search_path = ''
as $$
begin
  if xid is null then
    return;
  end if;
  for attempt in 1..400 loop
    exit when (
      select ((pg_catalog.pg_snapshot_xmax(snapshot)::text::bigint - xid) % 4294967296 + 4294967296) % 4294967296
               between 1 and 2147483647
         and not exists (select 1 from pg_catalog.pg_snapshot_xip(snapshot) as running(id)
                          where running.id::text::bigint % 4294967296 = xid)
        from pg_catalog.pg_current_snapshot() as snapshot);
    perform pg_catalog.pg_sleep(0.002);
  end loop;
end
$$;
revoke execute on function realtime.await_transaction(bigint) from public;

-- postgres_changes authorization: for each subscriber's claims, whether that subscriber may select
-- the row with the given primary key right now (RLS applies). Mirrors the check of Supabase's
-- realtime.apply_rls; run by the Realtime service as a superuser, never by API roles.
create or replace function realtime.visible_to_subscribers(
  entity regclass, row_key jsonb, subscribers_claims jsonb[], writer_xid bigint default null)
returns boolean[]
language plpgsql volatile
set search_path = ''
as $$
declare
  condition text;
  statement text;
  claims jsonb;
  visible boolean;
  results boolean[] := '{}';
begin
  select string_agg(format('%I = %L::%s', a.attname, row_key ->> a.attname, format_type(a.atttypid, a.atttypmod)), ' and ')
    into condition
    from pg_catalog.pg_index i
    join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
   where i.indrelid = entity and i.indisprimary;
  if condition is null then
    raise exception 'relation % has no primary key', entity;
  end if;
  statement := format('select exists(select 1 from %s where %s)', entity, condition);
  perform realtime.await_transaction(writer_xid);
  perform pg_catalog.set_config('statement_timeout', '5s', true);
  foreach claims in array subscribers_claims loop
    begin
      perform pg_catalog.set_config('role', claims ->> 'role', true),
              pg_catalog.set_config('request.jwt.claims', claims::text, true);
      execute statement into visible;
    exception when others then
      visible := false;
    end;
    perform pg_catalog.set_config('role', 'none', true);
    results := results || coalesce(visible, false);
  end loop;
  return results;
end
$$;
revoke execute on function realtime.visible_to_subscribers(regclass, jsonb, jsonb[], bigint) from public;

-- Tells the Realtime service to re-read the supabase_realtime publication's table list.
create or replace function realtime.announce_publication_ddl() returns event_trigger
language plpgsql
set search_path = ''
as $$
begin
  perform pg_catalog.pg_notify('realtime_publication_ddl', tg_tag);
end;
$$;

do $$
begin
  if not exists (select 1 from pg_event_trigger where evtname = 'realtime_publication_ddl') then
    create event trigger realtime_publication_ddl on ddl_command_end
      when tag in ('CREATE PUBLICATION', 'ALTER PUBLICATION', 'DROP PUBLICATION',
                   'CREATE TABLE', 'ALTER TABLE', 'DROP TABLE', 'ALTER SCHEMA', 'DROP SCHEMA')
      execute function realtime.announce_publication_ddl();
  end if;
end
$$;
reset role;

grant usage on schema realtime to postgres, anon, authenticated, service_role;
grant select, insert, update on realtime.messages to anon, authenticated, service_role;
grant all on realtime.messages to postgres;
grant execute on function realtime.topic(), realtime.send(jsonb, text, text, boolean),
  realtime.broadcast_changes(text, text, text, text, text, record, record, text)
  to postgres, anon, authenticated, service_role;
