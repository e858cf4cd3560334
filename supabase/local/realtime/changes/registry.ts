/** Live postgres_changes subscriptions: which channel listens to what. */
import type { JsonObject } from '../protocol/json.ts';
import type { RealtimeClaims } from '../tokens.ts';
import type { BindingParams, ChangeEvent } from './bindings.ts';

/** A joined channel that receives changes (its claims follow the latest `access_token`). */
export interface ChangeSubscriber {
  readonly claims: RealtimeClaims;
  pushChange(payload: JsonObject): void;
}

export interface ActiveBinding {
  id: number;
  params: BindingParams;
}

export interface Candidate {
  subscriber: ChangeSubscriber;
  bindings: ActiveBinding[];
}

const matches = (pattern: string, name: string) => pattern === '*' || pattern === name;

export class ChangeRegistry {
  private readonly subscribers = new Map<ChangeSubscriber, ActiveBinding[]>();

  set(subscriber: ChangeSubscriber, bindings: ActiveBinding[]) {
    this.subscribers.set(subscriber, bindings);
  }

  remove(subscriber: ChangeSubscriber) {
    this.subscribers.delete(subscriber);
  }

  /** Subscribers with at least one binding on this table and event (filters not yet applied). */
  candidates(schema: string, table: string, type: Exclude<ChangeEvent, '*'>): Candidate[] {
    const found: Candidate[] = [];
    for (const [subscriber, bindings] of this.subscribers) {
      const relevant = bindings.filter(
        ({ params }) =>
          matches(params.schema, schema) && matches(params.table, table) && (params.event === '*' || params.event === type),
      );
      if (relevant.length > 0) found.push({ subscriber, bindings: relevant });
    }
    return found;
  }
}
