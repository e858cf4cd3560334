import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { SUPABASE_DIR } from '../config.ts';
import type { Logger } from '../log.ts';
import { FUNCTIONS_DIR } from './discovery.ts';

const DEBOUNCE_MS = 150;
const RESTART_DELAY_MS = 100;
/** Deno rewrites its lockfile (through a `deno.<hash>.tmp` file) while booting; that must not restart everything again. */
const IGNORED = /(^|\/)deno\.lock$|\.tmp$|(^|\/)\.DS_Store$|~$|\.sw[px]$/;

export interface ChangeSet {
  /** Function folders whose files changed. */
  slugs: Set<string>;
  /** Shared code, import maps, .env or config.toml changed: everything restarts. */
  everything: boolean;
  /** When the last change of the batch was seen: workers that loaded code before it are stale. */
  latestChangeAt: number;
}

/**
 * Watches supabase/functions (recursively) and supabase/config.toml, batching bursts of
 * editor events into one ChangeSet.
 */
export function watchFunctions(isFunctionFolder: (name: string) => boolean, onChange: (changes: ChangeSet) => void, log: Logger): () => void {
  const empty = (): ChangeSet => ({ slugs: new Set(), everything: false, latestChangeAt: 0 });
  let pending = empty();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    const changes = pending;
    pending = empty();
    onChange(changes);
  };
  const record = (file: string) => {
    if (IGNORED.test(file)) return;
    pending.latestChangeAt = Date.now();
    const [top] = file.split(path.sep);
    if (file.includes(path.sep) && isFunctionFolder(top)) pending.slugs.add(top);
    else pending.everything = true;
    clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };
  let closed = false;
  let functionsWatcher: FSWatcher | undefined;
  // Node's recursive watcher fails (and stops) when a folder vanishes mid-scan: start a new one.
  const restartLater = (err: Error) => {
    log.debug('restarting the functions watcher', { err: err.message });
    functionsWatcher?.close();
    if (!closed) setTimeout(watchFunctionsDir, RESTART_DELAY_MS);
    record(''); // changes may have been missed meanwhile: treat everything as changed
  };
  const watchFunctionsDir = () => {
    try {
      functionsWatcher = watch(FUNCTIONS_DIR, { recursive: true }, (_event, file) => file && record(file));
      functionsWatcher.on('error', restartLater);
    } catch (err) {
      restartLater(err as Error);
    }
  };
  watchFunctionsDir();
  const configWatcher = watch(SUPABASE_DIR, (_event, file) => file === 'config.toml' && record(file));
  configWatcher.on('error', (err) => log.warn('config.toml watcher failed', { err: err.message }));
  return () => {
    closed = true;
    clearTimeout(timer);
    functionsWatcher?.close();
    configWatcher.close();
  };
}
