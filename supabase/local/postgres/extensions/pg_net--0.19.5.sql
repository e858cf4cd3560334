-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION pg_net" to load this file. \quit

-- pg_net's SQL surface (http_get, http_post, http_delete, http_collect_response, the queue and the
-- response table) for the local stack. Requests are sent by supabase/local/net, which LISTENs on
-- pg_net_requests the way pg_net's background worker wakes on new rows.

create schema if not exists net;

create domain net.http_method as text check (value ilike 'get' or value ilike 'post' or value ilike 'delete');

create unlogged table net.http_request_queue (
  id bigserial,
  method net.http_method not null,
  url text not null,
  headers jsonb not null,
  body bytea,
  timeout_milliseconds integer not null
);

create unlogged table net._http_response (
  id bigint,
  status_code integer,
  content_type text,
  headers jsonb,
  content text,
  timed_out boolean,
  error_msg text,
  created timestamptz not null default now()
);
create index on net._http_response (created);

create function net._wake_worker() returns trigger language plpgsql as $$
begin
  perform pg_notify('pg_net_requests', '');
  return null;
end;
$$;
create trigger wake_worker after insert on net.http_request_queue
  for each statement execute function net._wake_worker();

create function net._urlencode(value text) returns text
language sql immutable strict as $$
  select coalesce(string_agg(
    case when ch ~ '^[A-Za-z0-9._~-]$' then ch
      else (select string_agg('%' || upper(lpad(to_hex(get_byte(b.bytes, i)), 2, '0')), '' order by i)
            from (select convert_to(ch, 'UTF8') as bytes) b, generate_series(0, length(b.bytes) - 1) as i)
    end, '' order by ord), '')
  from regexp_split_to_table(value, '') with ordinality as t(ch, ord)
$$;

create function net._url_with_params(url text, params jsonb) returns text
language sql immutable as $$
  select case when params is null or params = '{}'::jsonb then url
    else url || case when position('?' in url) > 0 then '&' else '?' end ||
      (select string_agg(net._urlencode(key) || '=' || net._urlencode(value), '&') from jsonb_each_text(params))
  end
$$;

create function net._enqueue(method text, url text, params jsonb, headers jsonb, body bytea, timeout_milliseconds integer)
returns bigint language plpgsql as $$
declare
  request_id bigint;
begin
  if url is null then
    raise exception 'url must not be null';
  end if;
  insert into net.http_request_queue (method, url, headers, body, timeout_milliseconds)
  values (upper(method), net._url_with_params(url, params), coalesce(headers, '{}'::jsonb), body, timeout_milliseconds)
  returning id into request_id;
  return request_id;
end;
$$;

create function net.http_get(url text, params jsonb default '{}'::jsonb, headers jsonb default '{}'::jsonb,
  timeout_milliseconds integer default 5000)
returns bigint language sql volatile as $$
  select net._enqueue('GET', url, params, headers, null, timeout_milliseconds)
$$;

create function net.http_post(url text, body jsonb default '{}'::jsonb, params jsonb default '{}'::jsonb,
  headers jsonb default '{"Content-Type": "application/json"}'::jsonb, timeout_milliseconds integer default 5000)
returns bigint language plpgsql volatile as $$
declare
  content_type text;
begin
  select value into content_type from jsonb_each_text(coalesce(headers, '{}'::jsonb)) where lower(key) = 'content-type';
  if content_type is null then
    headers := coalesce(headers, '{}'::jsonb) || '{"Content-Type": "application/json"}'::jsonb;
  elsif content_type <> 'application/json' then
    raise exception 'Content-Type header must be "application/json"';
  end if;
  return net._enqueue('POST', url, params, headers, convert_to(coalesce(body, 'null'::jsonb)::text, 'UTF8'), timeout_milliseconds);
end;
$$;

create function net.http_delete(url text, params jsonb default '{}'::jsonb, headers jsonb default '{}'::jsonb,
  timeout_milliseconds integer default 5000)
returns bigint language sql volatile as $$
  select net._enqueue('DELETE', url, params, headers, null, timeout_milliseconds)
$$;

create type net.request_status as enum ('PENDING', 'SUCCESS', 'ERROR');
create type net.http_response as (status_code integer, headers jsonb, body text);
create type net.http_response_result as (status net.request_status, message text, response net.http_response);

create function net.http_collect_response(request_id bigint, async boolean default true)
returns net.http_response_result language plpgsql volatile as $$
declare
  rec net._http_response;
begin
  loop
    select * into rec from net._http_response where id = request_id;
    exit when found or async;
    perform pg_sleep(0.05);
  end loop;
  if rec.id is null then
    if exists (select 1 from net.http_request_queue where id = request_id) then
      return ('PENDING', 'request is pending processing', null)::net.http_response_result;
    end if;
    return ('ERROR', 'request matching request_id not found', null)::net.http_response_result;
  end if;
  if rec.error_msg is not null then
    return ('ERROR', rec.error_msg, null)::net.http_response_result;
  end if;
  return ('SUCCESS', 'ok', (rec.status_code, rec.headers, rec.content)::net.http_response)::net.http_response_result;
end;
$$;

-- As on Supabase: postgres and the service role may call it; the API roles may not.
revoke all on schema net from public;
grant usage on schema net to postgres, service_role;
grant all on all tables in schema net to postgres, service_role;
grant all on all sequences in schema net to postgres, service_role;
revoke execute on all functions in schema net from public;
grant execute on all functions in schema net to postgres, service_role;
