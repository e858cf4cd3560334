-- The storage schema in its final shape, owned by supabase_storage_admin.
set role supabase_storage_admin;

do $$
begin
  if not exists (select 1 from pg_type where typname = 'buckettype' and typnamespace = 'storage'::regnamespace) then
    create type storage.buckettype as enum ('STANDARD', 'ANALYTICS', 'VECTOR');
  end if;
end
$$;

create table if not exists storage.buckets (
  id text primary key,
  name text not null,
  owner uuid,
  owner_id text,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  type storage.buckettype not null default 'STANDARD'
);
create unique index if not exists bname on storage.buckets (name);

create table if not exists storage.objects (
  id uuid primary key default gen_random_uuid(),
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  owner_id text,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  user_metadata jsonb
);
create unique index if not exists bucketid_objname on storage.objects (bucket_id, name);
create index if not exists name_prefix_search on storage.objects (name text_pattern_ops);
create index if not exists idx_objects_bucket_id_name on storage.objects (bucket_id, name collate "C");

create table if not exists storage.migrations (
  id integer primary key,
  name varchar(100) unique not null,
  hash varchar(40) not null,
  executed_at timestamp default current_timestamp
);

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;
alter table storage.migrations enable row level security;

create or replace function storage.foldername(name text) returns text[]
language plpgsql immutable as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[1 : array_length(_parts, 1) - 1];
end
$$;

create or replace function storage.filename(name text) returns text
language plpgsql immutable as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[array_length(_parts, 1)];
end
$$;

create or replace function storage.extension(name text) returns text
language plpgsql immutable as $$
declare
  _parts text[];
  _filename text;
begin
  select string_to_array(name, '/') into _parts;
  select _parts[array_length(_parts, 1)] into _filename;
  return reverse(split_part(reverse(_filename), '.', 1));
end
$$;

-- The operation Storage runs (set per request), for policies such as
-- `storage.operation() = 'storage.object.upload'`.
create or replace function storage.operation() returns text
language plpgsql stable as $$
begin
  return current_setting('storage.operation', true);
end
$$;

create or replace function storage.update_updated_at_column() returns trigger
language plpgsql as $$
begin
  new.updated_at = now();
  return new;
end
$$;
create or replace trigger update_objects_updated_at
  before update on storage.objects
  for each row execute function storage.update_updated_at_column();

-- As on Supabase: rows deleted with plain SQL would orphan their bytes, so only the Storage API
-- (which sets storage.allow_delete_query in its transactions) may delete. TRUNCATE still works.
create or replace function storage.protect_delete() returns trigger
language plpgsql as $$
begin
  if coalesce(current_setting('storage.allow_delete_query', true), 'false') != 'true' then
    raise exception 'Direct deletion from storage tables is not allowed. Use the Storage API instead.'
      using hint = 'This prevents accidental data loss from orphaned objects.', errcode = '42501';
  end if;
  return null;
end
$$;
create or replace trigger protect_buckets_delete
  before delete on storage.buckets
  for each statement execute function storage.protect_delete();
create or replace trigger protect_objects_delete
  before delete on storage.objects
  for each statement execute function storage.protect_delete();

-- One level of a bucket's tree under `prefix` (which ends with '/' or is empty): files, and each
-- sub-folder once with null id, timestamps and metadata. `search` narrows names case-insensitively
-- by prefix. Name order is case-insensitive with folders and files interleaved; other orders list
-- folders first. SECURITY INVOKER: the caller's RLS policies decide which objects count.
create or replace function storage.search(
  prefix text,
  bucketname text,
  limits int default 100,
  levels int default 1,
  offsets int default 0,
  search text default '',
  sortcolumn text default 'name',
  sortorder text default 'asc'
)
returns table (
  name text, id uuid, updated_at timestamptz, created_at timestamptz,
  last_accessed_at timestamptz, metadata jsonb
)
language plpgsql stable security invoker as $function$
declare
  v_prefix text := coalesce(prefix, '');
  v_match text := lower(coalesce(prefix, '') || coalesce(search, ''));
  v_direction text := case when lower(coalesce(sortorder, 'asc')) = 'desc' then 'desc' else 'asc' end;
  v_column text := case lower(coalesce(sortcolumn, 'name'))
    when 'updated_at' then 'updated_at'
    when 'created_at' then 'created_at'
    when 'last_accessed_at' then 'last_accessed_at'
    else 'name' end;
  v_order text;
begin
  if v_column = 'name' then
    v_order := format('lower(e.name) collate "C" %1$s, e.name collate "C" %1$s', v_direction);
  else
    v_order := format(
      'e.is_folder desc, (case when e.is_folder then lower(e.name) end) collate "C" %1$s, e.%2$I %1$s, e.name collate "C"',
      v_direction, v_column);
  end if;
  return query execute format($sql$
    with matches as (
      select o.name, o.id, o.updated_at, o.created_at, o.last_accessed_at, o.metadata,
             position('/' in substring(o.name from length($2) + 1)) as slash_at
        from storage.objects o
       where o.bucket_id = $1 and starts_with(lower(o.name), $2)
    ), folders as (
      select min(substring(left(m.name, length($2) + m.slash_at - 1) from length($3) + 1)) as name
        from matches m
       where m.slash_at > 0
       group by lower(left(m.name, length($2) + m.slash_at - 1))
    ), entries as (
      select f.name, true as is_folder, null::uuid as id, null::timestamptz as updated_at,
             null::timestamptz as created_at, null::timestamptz as last_accessed_at, null::jsonb as metadata
        from folders f
      union all
      select substring(m.name from length($3) + 1), false, m.id, m.updated_at, m.created_at,
             m.last_accessed_at, m.metadata
        from matches m
       where m.slash_at = 0
    )
    select e.name, e.id, e.updated_at, e.created_at, e.last_accessed_at, e.metadata
      from entries e
     order by %s
     limit $4 offset $5
  $sql$, v_order)
  using bucketname, v_match, v_prefix, least(coalesce(limits, 100), 1500), greatest(coalesce(offsets, 0), 0);
end
$function$;

reset role;

grant usage on schema storage to anon, authenticated, service_role, postgres;
grant all on storage.buckets, storage.objects to anon, authenticated, service_role;
grant all on storage.buckets, storage.objects, storage.migrations to postgres with grant option;
grant execute on function storage.foldername(text), storage.filename(text), storage.extension(text),
  storage.operation(), storage.search(text, text, int, int, int, text, text, text)
  to anon, authenticated, service_role, postgres;
