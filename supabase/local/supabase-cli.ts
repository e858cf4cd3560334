import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT_DIR } from './config.ts';

export const SUPABASE_CLI = path.join(ROOT_DIR, 'node_modules', '@supabase', 'cli-linux-x64', 'bin', 'supabase');

/**
 * Runs the real Supabase CLI against a database URL. The CLI treats a URL on config.toml's
 * [db] port as its own Docker stack and tries to inspect the container; pointing its idea of
 * that port elsewhere (SUPABASE_DB_PORT) makes it treat our Postgres as the custom database it is.
 */
export function runSupabaseCli(
  args: string[],
  options: { capture?: boolean; env?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(SUPABASE_CLI, args, {
      cwd: ROOT_DIR,
      env: {
        ...process.env,
        SUPABASE_DB_PORT: '1',
        PGSSLMODE: 'disable',
        DO_NOT_TRACK: '1',
        SUPABASE_TELEMETRY_DISABLED: '1',
        ...options.env,
      },
      stdio: ['ignore', options.capture ? 'pipe' : 'inherit', options.capture ? 'pipe' : 'inherit'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Like runSupabaseCli, but throws with the CLI's own output when it fails. */
export async function supabaseCli(args: string[], options: { capture?: boolean } = {}) {
  const result = await runSupabaseCli(args, options);
  if (result.code !== 0) {
    throw new Error(`supabase ${args[0]} ${args[1] ?? ''} failed (exit ${result.code})\n${result.stdout}${result.stderr}`);
  }
  return result;
}
