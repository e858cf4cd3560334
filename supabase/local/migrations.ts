import pg from 'pg';
import { createLogger } from './log.ts';
import type { StackContext } from './service.ts';
import { supabaseCli } from './supabase-cli.ts';

const log = createLogger('migrations');

async function hasMigrationHistory(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      "select to_regclass('supabase_migrations.schema_migrations') is not null as present",
    );
    return rows[0].present as boolean;
  } finally {
    await client.end();
  }
}

/**
 * A new database gets `supabase db reset` (migrations, then the seed); an existing one gets
 * `supabase migration up`, so data survives restarts and the history table stays the CLI's own.
 */
export async function applyPendingMigrations(ctx: StackContext) {
  const remote = `--remote=${ctx.databaseUrl}`;
  if (await hasMigrationHistory(ctx.databaseUrl)) {
    await supabaseCli(['migration', 'up', remote, '--yes'], { capture: true });
  } else {
    log.info('new database: applying migrations and seed');
    await supabaseCli(['db', 'reset', remote, '--yes'], { capture: true });
  }
}

/** `supabase db reset` against the running stack: drops app objects, re-applies migrations and the seed. */
export async function resetDatabase(ctx: StackContext) {
  await supabaseCli(['db', 'reset', `--remote=${ctx.databaseUrl}`, '--yes']);
}
