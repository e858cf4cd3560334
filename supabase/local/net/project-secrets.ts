import type pg from 'pg';
import { SERVICE_ROLE_KEY } from '../keys.ts';

/**
 * The Vault secrets scheduled jobs read to call edge functions through pg_net (Supabase's documented
 * pattern). On Cloud a developer creates them once with `vault.create_secret`; locally they follow the
 * stack's own URL (which moves with STACK_PORT_OFFSET) and service-role key.
 */
export async function storeProjectSecrets(db: pg.Pool, projectUrl: string) {
  const secrets = { project_url: projectUrl, service_role_key: SERVICE_ROLE_KEY };
  for (const [name, value] of Object.entries(secrets)) {
    await db.query(
      `insert into vault.secrets (name, secret, description) values ($1, $2, 'set by the local stack')
       on conflict (name) where name is not null do update set secret = excluded.secret, updated_at = now()`,
      [name, value],
    );
  }
}
