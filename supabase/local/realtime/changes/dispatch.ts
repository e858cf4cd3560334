/**
 * Delivers one row change to the channels subscribed to it: bindings whose filters hold, then —
 * for INSERT/UPDATE on a table with RLS — only subscribers who may select the row right now, as
 * their own role with their own claims (one SQL call covers all distinct claims).
 */
import type { Logger } from '../../log.ts';
import type { RealtimeClaims } from '../tokens.ts';
import { filterKey } from './bindings.ts';
import type { TableInfo } from './catalog.ts';
import { evaluateFilters } from './filters.ts';
import { ChangeRecords, type RowChange } from './records.ts';
import type { ActiveBinding, Candidate, ChangeSubscriber } from './registry.ts';
import type { ChangesContext } from './subscribe.ts';

export class ChangeDispatcher {
  constructor(
    private readonly context: ChangesContext,
    private readonly log: Logger,
  ) {}

  async dispatch(change: RowChange) {
    const candidates = this.context.registry.candidates(change.schema, change.table, change.type);
    if (candidates.length === 0) return;
    const table = await this.context.catalog.table(change.relationOid);
    const matched = await this.withPassingFilters(change, table, candidates);
    if (matched.length === 0) return;
    const readable = await this.readableBy(change, table, matched.map((m) => m.subscriber));
    this.log.debug('delivering a row change', {
      table: `${change.schema}.${change.table}`,
      type: change.type,
      candidates: candidates.length,
      passedFilters: matched.length,
      mayRead: readable.size,
    });
    const records = new ChangeRecords(change, table);
    for (const { subscriber, bindings } of matched) {
      if (!readable.has(subscriber)) continue;
      const selectable = await this.context.catalog.selectableColumns(table.oid, subscriber.claims.role);
      for (const group of groupBySelection(bindings)) {
        const data = records.data(selectable, group[0].params.select);
        subscriber.pushChange({ ids: group.map((b) => b.id), data });
      }
    }
  }

  private async withPassingFilters(change: RowChange, table: TableInfo, candidates: Candidate[]): Promise<Candidate[]> {
    const filters = candidates.flatMap((c) => c.bindings.flatMap((b) => b.params.filters));
    const row = (change.type === 'DELETE' ? change.oldRow : change.newRow) ?? {};
    const outcomes = await evaluateFilters(this.context.pool, table, row, filters).catch((err) => {
      this.log.warn('evaluating postgres_changes filters failed', { err, table: `${change.schema}.${change.table}` });
      return new Map<string, boolean>();
    });
    const passes = (binding: ActiveBinding) => binding.params.filters.every((f) => outcomes.get(filterKey(f)) === true);
    return candidates
      .map(({ subscriber, bindings }) => ({ subscriber, bindings: bindings.filter(passes) }))
      .filter((candidate) => candidate.bindings.length > 0);
  }

  /** Subscribers that may receive this change: RLS is checked for inserts and updates only. */
  private async readableBy(change: RowChange, table: TableInfo, subscribers: ChangeSubscriber[]): Promise<Set<ChangeSubscriber>> {
    if (!table.rlsEnabled || change.type === 'DELETE' || table.primaryKey.length === 0) return new Set(subscribers);
    const readable = new Set<ChangeSubscriber>();
    const needCheck: ChangeSubscriber[] = [];
    for (const subscriber of subscribers) {
      const selectable = await this.context.catalog.selectableColumns(table.oid, subscriber.claims.role);
      // A role that cannot read the key gets Realtime's "Error 401" message, which carries no row data.
      if (table.primaryKey.every((pk) => selectable.has(pk))) needCheck.push(subscriber);
      else readable.add(subscriber);
    }
    const verdicts = await this.rlsVerdicts(change, table, needCheck.map((s) => s.claims));
    needCheck.forEach((subscriber) => verdicts.get(JSON.stringify(subscriber.claims)) && readable.add(subscriber));
    return readable;
  }

  /** RLS verdict per distinct claims (keyed by their JSON). */
  private async rlsVerdicts(change: RowChange, table: TableInfo, claims: RealtimeClaims[]): Promise<Map<string, boolean>> {
    const distinct = [...new Set(claims.map((c) => JSON.stringify(c)))];
    if (distinct.length === 0 || !change.newRow) return new Map();
    const key = Object.fromEntries(table.primaryKey.map((column) => [column, change.newRow?.[column] ?? null]));
    try {
      const { rows } = await this.context.pool.query<{ visible: boolean[] }>(
        'select realtime.visible_to_subscribers($1::oid::regclass, $2::jsonb, $3::jsonb[], $4) as visible',
        [table.oid, JSON.stringify(key), distinct, change.xid],
      );
      return new Map(distinct.map((claimsJson, i) => [claimsJson, rows[0].visible[i] === true]));
    } catch (err) {
      this.log.warn('checking row visibility for postgres_changes failed', { err, table: `${change.schema}.${change.table}` });
      return new Map();
    }
  }
}

/** Bindings of one channel that want the same columns share a message (with all their ids). */
function groupBySelection(bindings: ActiveBinding[]): ActiveBinding[][] {
  const groups = new Map<string, ActiveBinding[]>();
  for (const binding of bindings) {
    const key = JSON.stringify(binding.params.select);
    groups.set(key, [...(groups.get(key) ?? []), binding]);
  }
  return [...groups.values()];
}

