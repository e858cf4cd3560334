import { rm } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { interruptStack, spawnStack, type StartedStackProcess } from './stack-process.ts';

const env = { STACK_PORT_OFFSET: '800', STACK_DATA_DIR: '/tmp/supportdesk-restart-test' };
const dbUrl = 'postgresql://postgres:postgres@127.0.0.1:55122/postgres';

async function sql(text: string) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe('the stack survives kill -9', () => {
  let stack: StartedStackProcess | undefined;
  afterAll(async () => {
    if (stack) await interruptStack(stack.child);
    await rm(env.STACK_DATA_DIR, { recursive: true, force: true });
  });

  it('starts again with every committed row intact and its ports free', async () => {
    await rm(env.STACK_DATA_DIR, { recursive: true, force: true });
    stack = await spawnStack(env);
    await sql('create table public.restart_probe (id int primary key); insert into public.restart_probe values (1), (2);');
    stack.child.kill('SIGKILL');
    await new Promise((resolve) => stack!.child.once('exit', resolve));

    stack = await spawnStack(env);
    expect(await sql('select count(*)::int as n from public.restart_probe')).toEqual([{ n: 2 }]);
    const health = await fetch('http://127.0.0.1:55121/rest/v1/', { headers: { apikey: 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH' } });
    expect(health.status).toBe(200);
  }, 120_000);
});
