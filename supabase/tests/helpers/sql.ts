import pg from 'pg';

const PORT = 54322 + Number(process.env.STACK_PORT_OFFSET ?? 0);

/** Runs SQL as the local superuser, for fixtures the API cannot create (local stack only). */
export async function superuserSql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${PORT}/postgres` });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Waits until PostgREST's schema cache knows a freshly created table. */
export async function waitForSchemaCache(probe: () => PromiseLike<{ error: { code?: string } | null }>) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const { error } = await probe();
    if (!error || (error.code !== 'PGRST205' && error.code !== '42P01')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('PostgREST did not pick up the new table');
}
