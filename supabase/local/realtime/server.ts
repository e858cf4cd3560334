/**
 * The local Realtime service: Phoenix channels over WebSocket at `/socket/websocket` (broadcast,
 * presence, postgres_changes, private channels authorized by RLS) and the broadcast REST API,
 * speaking the protocol of Supabase's Realtime so unmodified realtime-js works against it.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { INTERNAL_PORTS } from '../config.ts';
import { createLogger, type Logger } from '../log.ts';
import type { RunningService, StackContext } from '../service.ts';
import { TableCatalog } from './changes/catalog.ts';
import { ChangeDispatcher } from './changes/dispatch.ts';
import { ChangeRegistry } from './changes/registry.ts';
import type { ChangesContext } from './changes/subscribe.ts';
import type { RealtimeContext, StreamProgress } from './context.ts';
import { createPool } from './database.ts';
import { Hub } from './hub.ts';
import { PresenceRegistry } from './presence.ts';
import { SlidingRateLimit } from './rate-limits.ts';
import { createFeed } from './replication/feed.ts';
import { CHANGES_PUBLICATION, PublishedTables } from './replication/publications.ts';
import { MESSAGES_PUBLICATION, ReplicationStream } from './replication/stream.ts';
import { createApiHandler } from './rest.ts';
import { DB_POOL_SIZE, SETTINGS } from './settings.ts';
import { createUpgradeHandler } from './upgrade.ts';

const SLOT_NAME = 'supabase_realtime_local_slot';

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

interface ReplicationDeps {
  changes: ChangesContext;
  hub: Hub;
  progress: StreamProgress;
  log: Logger;
}

function createReplication(ctx: StackContext, { changes, hub, progress, log }: ReplicationDeps) {
  const dispatcher = new ChangeDispatcher(changes, log);
  const stream = new ReplicationStream({
    replicationUrl: ctx.databaseUrlFor('supabase_replication_admin'),
    slotName: SLOT_NAME,
    publications: async () => [MESSAGES_PUBLICATION, ...(changes.publications.publicationExists ? [CHANGES_PUBLICATION] : [])],
    handle: createFeed({ catalog: changes.catalog, dispatcher, hub, progress, log }),
    log,
  });
  // pgoutput fails on a publication that is dropped (or cannot use one created later): restart.
  let streamedWithChanges = changes.publications.publicationExists;
  changes.publications.onChange(() => {
    if (changes.publications.publicationExists === streamedWithChanges) return;
    streamedWithChanges = changes.publications.publicationExists;
    void stream.restart('the supabase_realtime publication was created or dropped');
  });
  return stream;
}

export async function startRealtime(ctx: StackContext): Promise<RunningService> {
  const log = createLogger('realtime');
  const adminUrl = ctx.databaseUrlFor('supabase_admin');
  const pool = createPool(adminUrl, DB_POOL_SIZE, log);
  const hub = new Hub();
  const publications = new PublishedTables(pool, adminUrl, log);
  const changes: ChangesContext = { pool, catalog: new TableCatalog(pool), publications, registry: new ChangeRegistry() };
  const progress: StreamProgress = { lastXid: null };
  const stream = createReplication(ctx, { changes, hub, progress, log });
  const server = http.createServer();
  const wss = new WebSocketServer({ noServer: true, maxPayload: SETTINGS.maxFrameBytes });
  const stop = async () => {
    for (const client of wss.clients) client.terminate();
    wss.close();
    server.closeAllConnections();
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    await stream.stop();
    await publications.stop();
    await pool.end();
  };

  try {
    await publications.start();
    await stream.start();
    const context: RealtimeContext = {
      pool,
      hub,
      presence: new PresenceRegistry(hub),
      changes,
      joinRate: new SlidingRateLimit(SETTINGS.maxJoinsPerSecond, SETTINGS.joinRateWindowMs),
      progress,
      replicationStatus: () => stream.status,
      log,
    };
    server.on('request', createApiHandler(context));
    const upgrade = createUpgradeHandler(wss, context);
    server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));
    await listen(server, INTERNAL_PORTS.realtime);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  const url = `http://127.0.0.1:${INTERNAL_PORTS.realtime}`;
  log.info('realtime listening', { url });
  return { name: 'realtime', url, stop };
}
