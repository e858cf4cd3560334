/**
 * Scheduled jobs that call edge functions, the way Supabase documents it: pg_cron runs SQL that posts to
 * /functions/v1/<name> through pg_net, with the project URL and service-role key read from Vault.
 *
 * On Cloud, create the two secrets once (Dashboard → SQL):
 *   select vault.create_secret('https://<project-ref>.supabase.co', 'project_url');
 *   select vault.create_secret('<service_role key>', 'service_role_key');
 * The local stack keeps them pointed at itself. Without them the jobs do nothing (and say so).
 */

create extension if not exists pg_net with schema extensions;

/** Posts to an edge function as the service role; returns pg_net's request id (null when not configured). */
create or replace function private.invoke_edge_function(function_name text, body jsonb default '{}'::jsonb)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  project_url text := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url');
  service_key text := (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key');
begin
  if function_name !~ '^[a-z0-9][a-z0-9_-]*$' then
    raise exception 'invalid edge function name: %', left(function_name, 60);
  end if;
  if project_url is null or service_key is null then
    raise warning 'edge function % not called: Vault secrets project_url and service_role_key are missing', function_name;
    return null;
  end if;
  return net.http_post(
    url := rtrim(project_url, '/') || '/functions/v1/' || function_name,
    body := body,
    headers := jsonb_build_object('Content-Type', 'application/json', 'Authorization', 'Bearer ' || service_key),
    timeout_milliseconds := 30000
  );
end;
$$;

revoke execute on function private.invoke_edge_function(text, jsonb) from public, anon, authenticated;

-- Offline chat replies continue by email (see 20261122002700): send the queue every minute.
select cron.schedule('send-outbound-emails', '* * * * *', $$select private.invoke_edge_function('send-outbound-emails')$$);
