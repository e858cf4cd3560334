import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHookUri } from '../../local/auth/settings.ts';
import { IS_LOCAL, PASSWORD, signedInUser } from '../helpers/env.ts';
import { superuserSql } from '../helpers/sql.ts';
import { claimsOf, directAuthClient, privateAuthService } from './auth-helpers.ts';

/**
 * `[auth.hook.custom_access_token]`. config.toml leaves the hook off, so these specs run a private
 * Auth service with STACK_AUTH_HOOK_URI pointing at Postgres functions created for the test.
 */
const SCHEMA = 'conformance_hooks';

const HOOKS = `
create schema if not exists ${SCHEMA};
create or replace function ${SCHEMA}.add_claims(event jsonb) returns jsonb language sql as $$
  select jsonb_build_object('claims', (event->'claims')
    || jsonb_build_object('tier', 'gold', 'auth_method', event->>'authentication_method', 'hook_user', event->>'user_id'))
$$;
create or replace function ${SCHEMA}.reject(event jsonb) returns jsonb language sql as $$
  select '{"error": {"http_code": 403, "message": "Sign-ins are paused"}}'::jsonb
$$;
create or replace function ${SCHEMA}.drop_role(event jsonb) returns jsonb language sql as $$
  select jsonb_build_object('claims', (event->'claims') - 'role')
$$;
grant usage on schema ${SCHEMA} to supabase_auth_admin;
grant execute on all functions in schema ${SCHEMA} to supabase_auth_admin;
revoke execute on all functions in schema ${SCHEMA} from public;
`;

async function withHook<T>(fn: string, work: (auth: ReturnType<typeof directAuthClient>) => Promise<T>) {
  const service = await privateAuthService((config) => config, {
    STACK_AUTH_HOOK_URI: `pg-functions://postgres/${SCHEMA}/${fn}`,
  });
  try {
    return await work(directAuthClient(service.url));
  } finally {
    await service.stop();
  }
}

describe('hook uri parsing', () => {
  it('accepts pg-functions://postgres/<schema>/<function> and quotes both names', () => {
    expect(parseHookUri('pg-functions://postgres/public/custom_access_token_hook').sqlName).toBe(
      '"public"."custom_access_token_hook"',
    );
  });

  it('refuses anything that is not a plain schema and function name', () => {
    for (const uri of ['pg-functions://postgres/public/f(); drop table auth.users', 'https://example.test/hook', 'pg-functions://postgres/f']) {
      expect(() => parseHookUri(uri)).toThrow();
    }
  });
});

describe.runIf(IS_LOCAL)('custom access token hook', () => {
  beforeAll(() => superuserSql(HOOKS));
  afterAll(() => superuserSql(`drop schema if exists ${SCHEMA} cascade`));

  it('adds the claims the hook returns, on sign-in and on refresh', async () => {
    const { email, user } = await signedInUser('hooked');
    await withHook('add_claims', async (auth) => {
      const { data, error } = await auth.signInWithPassword({ email, password: PASSWORD });
      expect(error).toBeNull();
      const claims = claimsOf(data.session!.access_token);
      expect(claims).toMatchObject({ tier: 'gold', auth_method: 'password', hook_user: user.id, sub: user.id, role: 'authenticated' });
      const refreshed = await auth.refreshSession({ refresh_token: data.session!.refresh_token });
      expect(claimsOf(refreshed.data.session!.access_token)).toMatchObject({ tier: 'gold', auth_method: 'token_refresh' });
    });
  });

  it('answers with the status and message of an error the hook reports', async () => {
    const { email } = await signedInUser('hookreject');
    await withHook('reject', async (auth) => {
      const { data, error } = await auth.signInWithPassword({ email, password: PASSWORD });
      expect(data.session).toBeNull();
      expect(error).toMatchObject({ status: 403, message: 'Sign-ins are paused' });
    });
  });

  it('fails with 500 when the hook drops a required claim, issuing no token', async () => {
    const { email } = await signedInUser('hookinvalid');
    await withHook('drop_role', async (auth) => {
      const { data, error } = await auth.signInWithPassword({ email, password: PASSWORD });
      expect(data.session).toBeNull();
      expect(error?.status).toBe(500);
    });
  });
});
