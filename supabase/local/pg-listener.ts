import pg from 'pg';
import type { Logger } from './log.ts';

const RECONNECT_DELAY_MS = 1000;

/**
 * LISTENs on a channel over a dedicated connection and reconnects when it drops; `onChange`
 * also runs after every reconnect, since notifications sent meanwhile were lost.
 */
export async function listenForChanges(databaseUrl: string, channel: string, onChange: () => unknown, log: Logger) {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const reconnectLater = () => {
    if (!closed) retry = setTimeout(() => void connect(true), RECONNECT_DELAY_MS);
  };

  async function connect(isReconnect: boolean) {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: `${channel} listener` });
    next.on('notification', () => onChange());
    next.on('error', (err) => log.warn('listener connection failed', { err: err.message }));
    next.on('end', () => {
      if (client === next) reconnectLater();
    });
    try {
      await next.connect();
      await next.query(`listen ${next.escapeIdentifier(channel)}`);
      client = next;
      if (isReconnect) onChange();
    } catch (err) {
      log.warn(`could not listen on ${channel}; retrying`, { err: (err as Error).message });
      await next.end().catch(() => undefined);
      reconnectLater();
    }
  }

  await connect(false);
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}

/** Runs `work` one call at a time; a request during a run schedules exactly one more. */
export function serialized(work: () => Promise<void>) {
  let current: Promise<void> | undefined;
  let again = false;
  const request = (): Promise<void> => {
    if (current) {
      again = true;
      return current;
    }
    current = work().finally(() => {
      current = undefined;
      if (again) {
        again = false;
        void request();
      }
    });
    return current;
  };
  return request;
}
