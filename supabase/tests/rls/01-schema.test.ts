import { describe, expect, it } from 'vitest';
import { IS_LOCAL } from '../helpers/env.ts';
import { superuserSql } from '../helpers/sql.ts';

describe.skipIf(!IS_LOCAL)('schema: RLS is the authorization layer', () => {
  it('enables row level security on every table in the exposed schema', async () => {
    const rows = await superuserSql<{ table: string }>(
      `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity`,
    );
    expect(rows).toEqual([]);
  });

  it('gives anon no privilege on any organization table', async () => {
    const rows = await superuserSql<{ table: string; privilege: string }>(
      `select table_name as table, privilege_type as privilege from information_schema.role_table_grants
        where grantee = 'anon' and table_schema = 'public'`,
    );
    expect(rows).toEqual([]);
  });

  it('keeps security-definer helpers out of the exposed schema', async () => {
    const rows = await superuserSql<{ name: string }>(
      `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.prosecdef`,
    );
    expect(rows).toEqual([]);
  });

  it('pins search_path on every function of ours', async () => {
    const rows = await superuserSql<{ name: string }>(
      `select n.nspname || '.' || p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('public', 'private')
          and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`,
    );
    expect(rows).toEqual([]);
  });
});
