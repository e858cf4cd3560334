/**
 * One logical replication stream (pgoutput) over the `supabase_realtime` publication and
 * `supabase_realtime_messages_publication`, so table changes and broadcasts from the database
 * arrive in a single commit-ordered sequence. Messages are handled one at a time (flow control),
 * and the stream restarts with backoff on any failure or when the publications change.
 */
import { LogicalReplicationService, PgoutputPlugin, type Pgoutput } from 'pg-logical-replication';
import pg from 'pg';
import type { Logger } from '../../log.ts';
import { sleep } from '../../process.ts';
import { SESSION_OPTIONS } from '../database.ts';

export const MESSAGES_PUBLICATION = 'supabase_realtime_messages_publication';
const RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000];

/**
 * pgoutput over a TEMPORARY slot, created on the streaming connection itself: it disappears with
 * that connection, so a stopped or killed stack never leaves a slot holding WAL back. Column values
 * stay Postgres text; changes/values.ts decides how each type becomes JSON.
 */
class TemporarySlotPgoutput extends PgoutputPlugin {
  start(client: pg.Client, slotName: string, lastLsn: string) {
    return client
      .query(`CREATE_REPLICATION_SLOT "${slotName}" TEMPORARY LOGICAL pgoutput`)
      .then(() => super.start(client, slotName, lastLsn));
  }

  parse(buffer: Buffer): Pgoutput.Message {
    const message = super.parse(buffer);
    if (message.tag === 'relation') for (const column of message.columns) column.parser = (raw: unknown) => raw;
    return message;
  }
}

export interface StreamOptions {
  /** Connection string of a role with the REPLICATION attribute. */
  replicationUrl: string;
  slotName: string;
  /** The publications to stream right now (those that exist). */
  publications(): Promise<string[]>;
  handle(message: Pgoutput.Message): Promise<void>;
  log: Logger;
}

export type StreamStatus = 'stopped' | 'starting' | 'streaming' | 'retrying';

export class ReplicationStream {
  status: StreamStatus = 'stopped';
  private service: LogicalReplicationService | null = null;
  private attempt = 0;
  private generation = 0;

  constructor(private readonly options: StreamOptions) {}

  /** Starts streaming; resolves once the server has begun sending, rejects if the first attempt fails. */
  async start() {
    this.status = 'starting';
    await this.connect(++this.generation);
  }

  async restart(reason: string) {
    this.options.log.info('restarting the replication stream', { reason });
    await this.reconnect(++this.generation);
  }

  async stop() {
    this.generation++;
    this.status = 'stopped';
    await this.service?.destroy().catch(() => undefined);
    this.service = null;
  }

  private async connect(generation: number) {
    const publicationNames = await this.options.publications();
    await this.withClient((client) => this.dropSlot(client));
    const service = new LogicalReplicationService(
      { connectionString: this.options.replicationUrl, options: SESSION_OPTIONS, application_name: 'realtime_replication' },
      { acknowledge: { auto: true, timeoutSeconds: 10 }, flowControl: { enabled: true } },
    );
    this.service = service;
    service.on('data', (_lsn: string, message: Pgoutput.Message) => this.handleSafely(message));
    service.on('heartbeat', (lsn: string, _time: number, shouldRespond: boolean) => {
      if (shouldRespond) void service.acknowledge(lsn);
    });
    service.on('error', (err: Error) => this.fail(generation, err));
    const started = new Promise<void>((resolve) => service.once('start', () => resolve()));
    const ended = service
      .subscribe(new TemporarySlotPgoutput({ protoVersion: 1, publicationNames }), this.options.slotName)
      .then(
        () => new Error('the replication stream ended'),
        (err: Error) => err,
      )
      .then((err) => this.fail(generation, err));
    await Promise.race([started, ended]);
    if (generation !== this.generation) return;
    this.status = 'streaming';
    this.attempt = 0;
    this.options.log.info('replication stream started', { publications: publicationNames });
  }

  private async handleSafely(message: Pgoutput.Message) {
    try {
      await this.options.handle(message);
    } catch (err) {
      this.options.log.error('handling a replicated change failed', { err, tag: message.tag });
    }
  }

  private fail(generation: number, err: Error) {
    if (generation !== this.generation) return;
    this.options.log.warn('replication stream failed', { err });
    void this.reconnect(++this.generation);
  }

  private async reconnect(generation: number) {
    this.status = 'retrying';
    const previous = this.service;
    this.service = null;
    await previous?.destroy().catch(() => undefined);
    await sleep(RETRY_DELAYS_MS[Math.min(this.attempt++, RETRY_DELAYS_MS.length - 1)]);
    if (generation !== this.generation) return;
    await this.connect(generation).catch((err: Error) => this.fail(generation, err));
  }

  private async withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.options.replicationUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** Clears the slot name: ends a walsender still holding it (a stuck earlier stream), drops a leftover. */
  private async dropSlot(client: pg.Client) {
    const slot = this.options.slotName;
    for (let tries = 0; tries < 50; tries++) {
      const { rows } = await client.query<{ active_pid: number | null }>(
        'select active_pid from pg_replication_slots where slot_name = $1',
        [slot],
      );
      if (rows.length === 0) return;
      if (rows[0].active_pid === null) {
        await client.query('select pg_drop_replication_slot($1)', [slot]);
        return;
      }
      await client.query('select pg_terminate_backend($1)', [rows[0].active_pid]);
      await sleep(100);
    }
    throw new Error(`replication slot ${slot} stays active`);
  }
}
