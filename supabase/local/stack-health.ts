import { ANON_KEY } from './keys.ts';

/** Whether a stack answers at a gateway URL (default: the local one at the configured offset). */
export async function stackAnswers(
  apiUrl = `http://127.0.0.1:${54321 + Number(process.env.STACK_PORT_OFFSET ?? 0)}`,
  apiKey = ANON_KEY,
): Promise<boolean> {
  try {
    return (await fetch(`${apiUrl}/auth/v1/health`, { headers: { apikey: apiKey } })).ok;
  } catch {
    return false;
  }
}
