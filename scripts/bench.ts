/**
 * `npm run bench`: every benchmark in supabase/bench, each printing its figures next to a baseline
 * measured in the same run. Benchmarks that need the stack get one (reused if already running).
 * `npm run bench -- realtime storage` runs only the named ones (e.g. `npm run bench -- tickets chat-load`).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ROOT_DIR } from '../supabase/local/config.ts';
import { stackAnswers } from '../supabase/local/stack-health.ts';

const BENCH_DIR = path.join(ROOT_DIR, 'supabase', 'bench');
/** Benchmarks that manage their own isolated stack (tickets keeps its seeded one between runs). */
const SELF_CONTAINED = new Set(['stack-start', 'tickets']);

async function main(selected: string[]) {
  const names = (await readdir(BENCH_DIR))
    .filter((file) => file.endsWith('.ts') && file !== 'report.ts')
    .map((file) => file.replace(/\.ts$/, ''))
    .filter((name) => !selected.length || selected.includes(name))
    .sort();
  let stop: (() => Promise<void>) | undefined;
  for (const name of names) {
    if (!SELF_CONTAINED.has(name) && !stop && !(await stackAnswers())) {
      const { startStack } = await import('../supabase/local/stack.ts');
      stop = (await startStack()).stop;
    }
    const bench = (await import(path.join(BENCH_DIR, `${name}.ts`))) as { run: () => Promise<void> };
    await bench.run();
  }
  await stop?.();
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
