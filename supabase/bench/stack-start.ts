/**
 * Start-up benchmark: cold start (new database: initdb, bootstrap, migrations, seed, every service)
 * and warm restart (existing data), next to the baseline of Postgres's own start in the warm run.
 * Runs an isolated stack (its own ports and data folder) and cleans up after itself.
 */
import { rm } from 'node:fs/promises';
import { interruptStack, spawnStack } from '../local/stack-process.ts';
import { printTable } from './report.ts';

const env = { STACK_PORT_OFFSET: '700', STACK_DATA_DIR: '/tmp/supportdesk-bench-start' };

export async function run() {
  await rm(env.STACK_DATA_DIR, { recursive: true, force: true });
  const cold = await spawnStack(env);
  await interruptStack(cold.child);
  const warm = await spawnStack(env);
  await interruptStack(warm.child);
  const baseline = warm.timings.postgres ?? NaN;
  await rm(env.STACK_DATA_DIR, { recursive: true, force: true });
  printTable('Stack start-up (npm start without the app)', [
    ['cold start (new database)', `${(cold.startupMs / 1000).toFixed(2)} s`, 'target < 20 s'],
    ['warm restart', `${(warm.startupMs / 1000).toFixed(2)} s`, 'target < 8 s'],
    ['baseline: Postgres start within it', `${(baseline / 1000).toFixed(2)} s`, ''],
  ]);
}
