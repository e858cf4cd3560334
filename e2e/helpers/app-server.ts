import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUPABASE_URL } from '../../supabase/tests/helpers/env.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Offset like the stack's ports, so that concurrent runs never reach each other's app. */
const PORT = Number(process.env.E2E_APP_PORT ?? 4173 + Number(process.env.STACK_PORT_OFFSET ?? 0));
export const APP_URL = `http://127.0.0.1:${PORT}`;
/** A build directory per stack, so that concurrent runs (STACK_PORT_OFFSET) never share one. */
const OUT_DIR = path.join(tmpdir(), `supportdesk-e2e-${process.env.STACK_PORT_OFFSET ?? 0}`);

/**
 * Builds the SPA once against the stack the tests use (the SPA reads VITE_SUPABASE_URL at build
 * time) and serves it with `vite preview` for the run.
 */
export default async function setup() {
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', OUT_DIR, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_SUPABASE_URL: SUPABASE_URL },
  });
  if (build.status !== 0) throw new Error('vite build failed');
  const server = spawn(process.execPath, [vite, 'preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(APP_URL)).ok) return () => void server.kill('SIGTERM');
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  server.kill('SIGKILL');
  throw new Error(`vite preview did not answer at ${APP_URL}`);
}
