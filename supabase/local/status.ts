import pg from 'pg';
import type { StackConfig } from './config.ts';
import { ANON_KEY, JWT_SECRET, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from './keys.ts';
import { databaseUrl } from './postgres/server.ts';

/** The password seed.sql gives every demo account. */
export const DEMO_PASSWORD = 'demo-password-1';
const DEMO_DOMAIN = '@demo.supportdesk.test';

async function demoAccounts(config: StackConfig): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl(config) });
  try {
    await client.connect();
    const { rows } = await client.query<{ email: string; role: string | null }>(
      `select email, raw_user_meta_data ->> 'demo_role' as role from auth.users
        where email like $1 order by created_at, email`,
      [`%${DEMO_DOMAIN}`],
    );
    return rows.map((row) => `${row.email.padEnd(40)} ${row.role ?? ''}`.trimEnd());
  } catch {
    return [];
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Prints URLs, keys and demo sign-ins the way `supabase status` does. */
export async function printStatus(config: StackConfig, extra: Record<string, string> = {}) {
  const rows: [string, string][] = [
    ['API URL', config.api.url],
    ['REST URL', `${config.api.url}/rest/v1`],
    ['Functions URL', `${config.api.url}/functions/v1`],
    ['Realtime URL', `${config.api.url.replace('http', 'ws')}/realtime/v1`],
    ['DB URL', databaseUrl(config)],
    ['Mail inbox', `http://127.0.0.1:${config.mail.port}`],
    ...Object.entries(extra),
    ['JWT secret', JWT_SECRET],
    ['anon key', ANON_KEY],
    ['service_role key', SERVICE_ROLE_KEY],
    ['Publishable key', PUBLISHABLE_KEY],
    ['Secret key', SECRET_KEY],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(rows.map(([label, value]) => `${label.padStart(width)}: ${value}`).join('\n'));
  const accounts = await demoAccounts(config);
  if (accounts.length) {
    console.log(`\nDemo sign-ins (password: ${DEMO_PASSWORD}):\n  ${accounts.join('\n  ')}`);
  }
}
