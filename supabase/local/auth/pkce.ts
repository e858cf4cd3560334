import { createHash } from 'node:crypto';
import { insertFlowState, type FlowStateRow } from './db/flow-state.ts';
import type { Queryable } from './db/pool.ts';
import { badRequest } from './http/errors.ts';

export interface PkceChallenge {
  challenge: string;
  method: 's256' | 'plain';
}

const CHALLENGE_PATTERN = /^[a-zA-Z._~0-9-]+$/;

/** Validates `code_challenge` + `code_challenge_method`; null when the request is not PKCE. */
export function pkceChallenge(challenge: string, method: string): PkceChallenge | null {
  if (!challenge && !method) return null;
  if (!challenge || !method) {
    throw badRequest('validation_failed', 'PKCE flow requires code_challenge_method and code_challenge');
  }
  if (challenge.length < 43 || challenge.length > 128) {
    throw badRequest('validation_failed', 'code challenge has to be between 43 and 128 characters');
  }
  if (!CHALLENGE_PATTERN.test(challenge)) {
    throw badRequest(
      'validation_failed',
      'code challenge can only contain alphanumeric characters, hyphens, periods, underscores and tildes',
    );
  }
  const normalized = method.toLowerCase();
  if (normalized !== 's256' && normalized !== 'plain') {
    throw badRequest('validation_failed', `code challenge method ${method} is not supported`);
  }
  return { challenge, method: normalized };
}

/** Stores the flow state whose auth code `/token?grant_type=pkce` later exchanges. */
export async function startPkceFlow(q: Queryable, userId: string, authMethod: string, pkce: PkceChallenge) {
  await insertFlowState(q, { userId, method: authMethod, challenge: pkce.challenge, challengeMethod: pkce.method });
}

export function verifierMatches(flow: FlowStateRow, verifier: string): boolean {
  if (flow.code_challenge_method === 'plain') return verifier === flow.code_challenge;
  return createHash('sha256').update(verifier).digest('base64url') === flow.code_challenge;
}
