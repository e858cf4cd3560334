/**
 * The client address the abuse limits count (see 20261122002300): on Supabase Cloud, requests reach the
 * API through Cloudflare, which sets cf-connecting-ip itself, while the left-most X-Forwarded-For entry
 * is whatever the client sent. So cf-connecting-ip wins when present; the local gateway (no Cloudflare)
 * still counts the left-most X-Forwarded-For.
 */
create or replace function private.client_ip()
returns text
language sql
stable
set search_path = ''
as $$
  select nullif(left(btrim(coalesce(
    nullif(private.request_header('cf-connecting-ip'), ''),
    split_part(coalesce(private.request_header('x-forwarded-for'), ''), ',', 1))), 64), '')
$$;
