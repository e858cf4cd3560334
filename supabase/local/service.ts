import type { StackConfig } from './config.ts';

/** What every service of the local stack receives when it starts. */
export interface StackContext {
  config: StackConfig;
  /** Superuser connection string (postgres:postgres@127.0.0.1:<db port>/postgres). */
  databaseUrl: string;
  /** Connection string for a given login role (every local role's password is "postgres"). */
  databaseUrlFor(role: string): string;
}

/** A started service: where it listens and how to stop it. */
export interface RunningService {
  name: string;
  /** Base URL of its HTTP listener, when it has one. */
  url?: string;
  stop(): Promise<void>;
}

export type ServiceStarter = (ctx: StackContext) => Promise<RunningService>;
