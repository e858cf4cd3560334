-- Vault is installed in every Supabase project (owned by supabase_admin, so `db reset` keeps it and its
-- secrets). pg_net is not: migrations enable it with `create extension pg_net`, as on Cloud.
set role supabase_admin;
create schema if not exists vault authorization supabase_admin;
create extension if not exists supabase_vault with schema vault;
reset role;
