import { stackAnswers } from '../../local/stack-health.ts';
import { ANON, IS_LOCAL, SUPABASE_URL } from './env.ts';

/**
 * Uses a stack that is already running (npm start, or a Cloud project via SUPABASE_URL);
 * otherwise starts the local stack for this run and stops it afterwards.
 */
export default async function setup() {
  if (await stackAnswers(SUPABASE_URL, ANON)) return;
  if (!IS_LOCAL) throw new Error(`${SUPABASE_URL} is not reachable`);
  const { startStack } = await import('../../local/stack.ts');
  const exclude = process.env.STACK_EXCLUDE?.split(',').filter(Boolean);
  const stack = await startStack({ exclude });
  return () => stack.stop();
}
