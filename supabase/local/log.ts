import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from './config.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const minLevel = LEVELS[(process.env.STACK_LOG_LEVEL as Level) ?? 'info'] ?? LEVELS.info;

/** Where JSON log lines go: `stdout`, or a file (default `.supabase-local/logs/stack.jsonl`). */
const target = process.env.STACK_LOG ?? path.join(DATA_DIR, 'logs', 'stack.jsonl');
let file: WriteStream | undefined;
/** Errors are echoed to stderr too, unless STACK_ERRORS_TO_STDERR=0 (test runs, whose specs provoke them). */
const echoErrors = process.env.STACK_ERRORS_TO_STDERR !== '0';

function write(line: string, level: Level) {
  if (target === 'stdout') {
    process.stdout.write(line + '\n');
    return;
  }
  if (!file) {
    mkdirSync(path.dirname(target), { recursive: true });
    // Buffered and asynchronous: logging must not block the services' shared event loop.
    file = createWriteStream(target, { flags: 'a' });
  }
  file.write(line + '\n');
  if (level === 'error' && echoErrors) process.stderr.write(line + '\n');
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Structured JSON logger: one object per line with time, level, service and message. */
export function createLogger(service: string, bound: Record<string, unknown> = {}): Logger {
  const emit = (level: Level) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS[level] < minLevel) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, service, ...bound, msg, ...fields };
    if (fields.err instanceof Error) entry.err = { message: fields.err.message, stack: fields.err.stack };
    write(JSON.stringify(entry), level);
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (fields) => createLogger(service, { ...bound, ...fields }),
  };
}

/** The header the gateway sets on every proxied request; services log it on every line. */
export const REQUEST_ID_HEADER = 'x-request-id';
