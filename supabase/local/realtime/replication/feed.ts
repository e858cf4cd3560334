/**
 * Routes replicated messages in commit order: realtime.messages inserts become broadcasts,
 * other row changes go to postgres_changes subscribers, and a relation announcement drops what
 * is cached about that table (it follows DDL, grants and policy changes).
 */
import type { Pgoutput } from 'pg-logical-replication';
import type { Logger } from '../../log.ts';
import type { TableCatalog } from '../changes/catalog.ts';
import type { ChangeDispatcher } from '../changes/dispatch.ts';
import type { RawRow } from '../changes/filters.ts';
import type { RowChange } from '../changes/records.ts';
import type { StreamProgress } from '../context.ts';
import type { Hub } from '../hub.ts';
import { payloadSize } from '../protocol/serializer.ts';
import { SETTINGS } from '../settings.ts';
import { storedBroadcast } from '../stored-broadcasts.ts';

export interface FeedTargets {
  catalog: TableCatalog;
  dispatcher: ChangeDispatcher;
  hub: Hub;
  progress: StreamProgress;
  log: Logger;
}

const isMessagesTable = (relation: Pgoutput.MessageRelation) => relation.schema === 'realtime' && relation.name === 'messages';

/** pgoutput's commit time (µs since the Unix epoch) as Realtime prints it: UTC, milliseconds, `Z`. */
const isoMillis = (micros: unknown) => new Date(Math.floor(Number(micros) / 1000)).toISOString();

export function createFeed(targets: FeedTargets) {
  let commitTimestamp = new Date().toISOString();
  let xid = 0;

  const change = (type: RowChange['type'], relation: Pgoutput.MessageRelation, newRow: RawRow | null, oldRow: RawRow | null) =>
    targets.dispatcher.dispatch({
      type,
      relationOid: relation.relationOid,
      schema: relation.schema,
      table: relation.name,
      newRow,
      oldRow,
      commitTimestamp,
      xid,
    });

  const storedMessage = (row: RawRow) => {
    const stored = storedBroadcast(row);
    if (!stored) return;
    if (payloadSize(stored.body.payload) > SETTINGS.maxPayloadBytes) {
      targets.log.warn('stored broadcast exceeds the payload limit; not delivered', { topic: row.topic, id: row.id });
      return;
    }
    targets.hub.broadcast(stored.address, stored.body);
  };

  return async (message: Pgoutput.Message) => {
    switch (message.tag) {
      case 'begin':
        commitTimestamp = isoMillis(message.commitTime);
        xid = message.xid;
        return;
      case 'commit':
        targets.progress.lastXid = xid;
        return;
      case 'relation':
        targets.catalog.invalidate(message.relationOid);
        return;
      case 'insert':
        if (isMessagesTable(message.relation)) return storedMessage(message.new as RawRow);
        return change('INSERT', message.relation, message.new as RawRow, null);
      case 'update':
        if (isMessagesTable(message.relation)) return;
        return change('UPDATE', message.relation, message.new as RawRow, (message.old ?? message.key) as RawRow | null);
      case 'delete':
        if (isMessagesTable(message.relation)) return;
        return change('DELETE', message.relation, null, (message.old ?? message.key) as RawRow | null);
    }
  };
}
