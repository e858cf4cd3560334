-- Roles of Supabase's Postgres image. Every login role uses the password "postgres" locally.
do $$
declare
  spec record;
begin
  for spec in
    select * from (values
      ('supabase_admin', 'login superuser createdb createrole replication bypassrls'),
      ('anon', 'nologin'),
      ('authenticated', 'nologin'),
      ('service_role', 'nologin bypassrls'),
      ('authenticator', 'login noinherit'),
      ('supabase_auth_admin', 'login noinherit createrole'),
      ('supabase_storage_admin', 'login noinherit createrole'),
      ('supabase_realtime_admin', 'nologin noinherit'),
      ('supabase_replication_admin', 'login replication'),
      ('supabase_read_only_user', 'login bypassrls'),
      ('supabase_functions_admin', 'login noinherit createrole'),
      ('dashboard_user', 'nologin createdb createrole replication'),
      ('pgbouncer', 'login')
    ) as r(name, attrs)
  loop
    if not exists (select 1 from pg_roles where rolname = spec.name) then
      execute format('create role %I %s', spec.name, spec.attrs);
    end if;
    if spec.attrs like 'login%' then
      execute format('alter role %I with password %L', spec.name, 'postgres');
    end if;
  end loop;
end
$$;

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';
alter role supabase_auth_admin set search_path = auth;
alter role supabase_storage_admin set search_path = storage;
alter role postgres set search_path = "$user", public, extensions;

grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres with admin option;
grant supabase_auth_admin, supabase_storage_admin, supabase_realtime_admin to postgres;
grant authenticator to supabase_storage_admin;
grant anon, authenticated, service_role to supabase_storage_admin;
grant pg_read_all_data to supabase_read_only_user;
grant pg_monitor to postgres;
