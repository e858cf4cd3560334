import type pg from 'pg';
import type { Logger } from '../log.ts';
import type { Mailer } from './mail/mailer.ts';
import type { RateLimits } from './rate-limit.ts';
import type { AuthSettings } from './settings.ts';

/** What every route of the Auth service works with. */
export interface AuthContext {
  pool: pg.Pool;
  settings: AuthSettings;
  limits: RateLimits;
  mailer: Mailer;
  log: Logger;
}
