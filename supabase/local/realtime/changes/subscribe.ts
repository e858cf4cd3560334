/**
 * Turning a channel's `postgres_changes` bindings into live subscriptions. Like Realtime, it is all
 * or nothing: every binding must name published tables, and every filter a column the
 * subscriber's role may select with a value that casts to the column's type.
 */
import type pg from 'pg';
import type { JsonObject } from '../protocol/json.ts';
import type { PublishedTables } from '../replication/publications.ts';
import { bindingId, describeBinding, parseBinding, type BindingParams, type BindingParse } from './bindings.ts';
import type { TableCatalog } from './catalog.ts';
import { filterProblem } from './filters.ts';
import type { ActiveBinding, ChangeRegistry, ChangeSubscriber } from './registry.ts';

export interface ChangesContext {
  pool: pg.Pool;
  catalog: TableCatalog;
  publications: PublishedTables;
  registry: ChangeRegistry;
}

export interface PreparedBinding {
  raw: JsonObject;
  id: number;
  parsed: BindingParse;
}

export function prepareBindings(raw: JsonObject[]): PreparedBinding[] {
  return raw.map((binding) => ({ raw: binding, id: bindingId(binding), parsed: parseBinding(binding) }));
}

/** The join reply echoes each binding exactly as sent, plus its id. */
export function replyBindings(prepared: PreparedBinding[]): JsonObject[] {
  return prepared.map(({ raw, id }) => ({ ...raw, id }));
}

const notEnabled = (params: BindingParams) =>
  `Unable to subscribe to changes with given parameters. Please check Realtime is enabled for the given connect parameters: ${describeBinding(params)}`;

const failed = (params: BindingParams, detail: string) =>
  `Unable to subscribe to changes with given parameters. An exception happened so please check your connect parameters: ${describeBinding(params)}. Exception: ${detail}`;

async function bindingProblem(context: ChangesContext, params: BindingParams, role: string): Promise<string | null> {
  const tables = await context.publications.match(params.schema, params.table);
  if (tables.length === 0) return notEnabled(params);
  for (const { oid } of tables) {
    const [table, selectable] = await Promise.all([context.catalog.table(oid), context.catalog.selectableColumns(oid, role)]);
    for (const filter of params.filters) {
      const column = table.columns.find((c) => c.name === filter.column);
      if (!column || !selectable.has(filter.column)) return failed(params, `invalid column for filter ${filter.column}`);
      const problem = await filterProblem(context.pool, filter, column);
      if (problem) return failed(params, problem);
    }
  }
  return null;
}

/**
 * Validates the bindings and, when all are fine, registers them for `subscriber`. Resolves to the
 * message of the first problem (for the `system` error), or null once the subscription is live.
 */
export async function subscribeChanges(
  context: ChangesContext,
  subscriber: ChangeSubscriber,
  prepared: PreparedBinding[],
): Promise<string | null> {
  const role = subscriber.claims.role;
  const { rows } = await context.pool.query<{ exists: boolean }>('select to_regrole($1) is not null as exists', [role]);
  const active: ActiveBinding[] = [];
  for (const { id, parsed } of prepared) {
    if (!parsed.ok) return parsed.message;
    if (!rows[0].exists) return failed(parsed.params, `role "${role}" does not exist`);
    const problem = await bindingProblem(context, parsed.params, role);
    if (problem) return problem;
    active.push({ id, params: parsed.params });
  }
  context.registry.set(subscriber, active);
  return null;
}
