/**
 * `npm test`: every check CI runs, in order, against one local stack.
 *   static: TypeScript, ESLint
 *   database: `supabase db advisors` clean, generated types current
 *   specs: unit tests, the supabase-js conformance suite, browser end-to-end journeys
 * A stack already running at the configured ports is reused; otherwise one is started and stopped.
 * Ends with the line "N passed, M failed" over all test cases.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { DATA_DIR, ROOT_DIR } from '../supabase/local/config.ts';
import { stackAnswers } from '../supabase/local/stack-health.ts';

interface Step {
  name: string;
  command: string[];
  /** Vitest JSON report to count test cases from. */
  report?: string;
}

const REPORT_DIR = path.join(DATA_DIR, 'test-reports');
const vitest = (name: string, args: string[]): Step => {
  const report = path.join(REPORT_DIR, `${name}.json`);
  return {
    name,
    report,
    command: ['npx', 'vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  };
};

const STEPS: Step[] = [
  { name: 'typecheck', command: ['npx', 'tsc', '--noEmit', '-p', '.'] },
  { name: 'lint', command: ['npx', 'eslint', '.', '--max-warnings', '0'] },
  { name: 'db advisors', command: ['npx', 'tsx', 'supabase/local/db.ts', 'lint'] },
  { name: 'db types current', command: ['npx', 'tsx', 'supabase/local/db.ts', 'types', '--check'] },
  vitest('unit', []),
  vitest('conformance', ['-c', 'supabase/tests/vitest.config.ts']),
  vitest('e2e', ['-c', 'e2e/vitest.config.ts']),
];

function run(command: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { cwd: ROOT_DIR, stdio: 'inherit' });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function countCases(report: string): Promise<{ passed: number; failed: number }> {
  try {
    const json = JSON.parse(await readFile(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    return { passed: json.numPassedTests, failed: json.numFailedTests };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

async function main() {
  await rm(REPORT_DIR, { recursive: true, force: true });
  await mkdir(REPORT_DIR, { recursive: true });
  let stopStack: (() => Promise<void>) | undefined;
  if (!(await stackAnswers())) {
    process.env.STACK_ERRORS_TO_STDERR = '0';
    const { startStack } = await import('../supabase/local/stack.ts');
    const t0 = performance.now();
    const stack = await startStack();
    console.log(`Started the local stack for this run in ${Math.round(performance.now() - t0)} ms.`);
    stopStack = stack.stop;
  }
  const totals = { passed: 0, failed: 0 };
  const failedSteps: string[] = [];
  try {
    for (const step of STEPS) {
      console.log(`\n━━ ${step.name} ━━`);
      const code = await run(step.command);
      const cases = step.report ? await countCases(step.report) : { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
      totals.passed += cases.passed;
      totals.failed += cases.failed;
      if (code !== 0) failedSteps.push(step.name);
    }
  } finally {
    await stopStack?.();
  }
  if (failedSteps.length) {
    console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
    console.log(`The stack's JSON logs (request ids, errors) are in ${path.join(DATA_DIR, 'logs', 'stack.jsonl')}.`);
  }
  console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
  process.exit(failedSteps.length ? 1 : 0);
}

main().catch((error: Error) => {
  console.error(error);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
});
