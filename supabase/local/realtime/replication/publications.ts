/**
 * The tables of the `supabase_realtime` publication, kept current: re-read whenever an event
 * trigger (bootstrap 40-realtime.sql) announces DDL that can change the list, and on demand when
 * a subscription names a table the cached list lacks (the announcement may still be in flight).
 */
import pg from 'pg';
import type { Logger } from '../../log.ts';
import { SESSION_OPTIONS } from '../database.ts';

export const CHANGES_PUBLICATION = 'supabase_realtime';
/** NOTIFY channel of the event trigger in 40-realtime.sql. */
const DDL_CHANNEL = 'realtime_publication_ddl';

export interface PublishedTable {
  schema: string;
  table: string;
  oid: number;
}

const LIST_SQL = `
  select exists(select 1 from pg_publication where pubname = $1) as "exists",
         coalesce((select json_agg(json_build_object(
                    'schema', schemaname, 'table', tablename,
                    'oid', format('%I.%I', schemaname, tablename)::regclass::oid))
                   from pg_publication_tables where pubname = $1), '[]') as tables`;

const matches = (pattern: string, name: string) => pattern === '*' || pattern === name;

export class PublishedTables {
  private tables: PublishedTable[] = [];
  private exists = false;
  private listener: pg.Client | null = null;
  private stopped = false;
  private relistenTimer: NodeJS.Timeout | null = null;
  private readonly changeHandlers: (() => void)[] = [];

  constructor(
    private readonly pool: pg.Pool,
    private readonly listenUrl: string,
    private readonly log: Logger,
  ) {}

  get publicationExists(): boolean {
    return this.exists;
  }

  onChange(handler: () => void) {
    this.changeHandlers.push(handler);
  }

  async start() {
    await this.listen();
    await this.reload();
  }

  async stop() {
    this.stopped = true;
    if (this.relistenTimer) clearTimeout(this.relistenTimer);
    await this.listener?.end().catch(() => undefined);
  }

  /** Published tables matching a binding's schema and table (`*` matches any). */
  async match(schema: string, table: string): Promise<PublishedTable[]> {
    const find = () => this.tables.filter((t) => matches(schema, t.schema) && matches(table, t.table));
    const found = find();
    if (found.length > 0) return found;
    await this.reload();
    return find();
  }

  async reload() {
    const { rows } = await this.pool.query<{ exists: boolean; tables: PublishedTable[] }>(LIST_SQL, [CHANGES_PUBLICATION]);
    const changed = rows[0].exists !== this.exists || JSON.stringify(rows[0].tables) !== JSON.stringify(this.tables);
    this.exists = rows[0].exists;
    this.tables = rows[0].tables;
    if (changed) for (const handler of this.changeHandlers) handler();
  }

  private async listen() {
    const client = new pg.Client({ connectionString: this.listenUrl, options: SESSION_OPTIONS });
    try {
      await client.connect();
      await client.query(`listen ${DDL_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    client.on('notification', () => this.reloadSoon());
    client.on('error', (err) => {
      this.log.warn('publication listener lost its connection', { err });
      this.listener = null;
      void client.end().catch(() => undefined);
      this.scheduleRelisten(1000);
    });
    this.listener = client;
  }

  /** Re-reads the list; a read that races with a concurrent DROP TABLE is retried shortly after. */
  private reloadSoon(attempt = 0) {
    this.reload().catch((err) => {
      if (attempt < 5 && !this.stopped) setTimeout(() => this.reloadSoon(attempt + 1), 200);
      else this.log.warn('reading the publication failed', { err });
    });
  }

  /** One reconnection attempt at a time; announcements missed meanwhile are covered by a reload. */
  private scheduleRelisten(delayMs: number) {
    if (this.stopped || this.relistenTimer) return;
    this.relistenTimer = setTimeout(async () => {
      this.relistenTimer = null;
      try {
        await this.listen();
        await this.reload();
      } catch (err) {
        this.log.warn('publication listener could not reconnect', { err });
        this.scheduleRelisten(Math.min(delayMs * 2, 10_000));
      }
    }, delayMs);
  }
}
