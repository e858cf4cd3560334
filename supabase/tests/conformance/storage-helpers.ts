import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { signJwt } from '../../local/keys.ts';
import { admin, ANON, IS_LOCAL, signedInUser, SUPABASE_URL } from '../helpers/env.ts';

/** Fixtures for the storage specs: buckets that clean up after themselves, and signed-in users. */

export const STORAGE_URL = `${SUPABASE_URL}/storage/v1`;

export function uniqueName(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/** Creates a bucket with the service key; `removeBucket` in afterAll deletes it with its objects. */
export async function createTestBucket(
  tag: string,
  options: { public?: boolean; fileSizeLimit?: number | string; allowedMimeTypes?: string[] } = {},
): Promise<string> {
  const id = uniqueName(tag);
  const { error } = await admin().storage.createBucket(id, { public: false, ...options });
  if (error) throw error;
  return id;
}

/** Polls until `check` holds (Cloud empties buckets asynchronously; the local stack at once). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function removeBucket(id: string) {
  const storage = admin().storage;
  await storage.emptyBucket(id);
  await eventually(async () => {
    const { error } = await storage.deleteBucket(id);
    return !error || error.statusCode === '404';
  });
}

export interface StorageUser {
  supabase: SupabaseClient;
  userId: string;
  accessToken: string;
}

/** Whether Auth runs (always on Cloud; locally unless the stack was started without it). */
const AUTH_RUNS = !IS_LOCAL || !(process.env.STACK_EXCLUDE ?? '').split(',').includes('auth');

/**
 * A client acting as a fresh user, signed in through Auth. When the local stack runs without
 * Auth, the access token is minted with the stack's JWT secret (the claims Auth issues).
 */
export async function storageUser(tag: string): Promise<StorageUser> {
  if (AUTH_RUNS) {
    const { supabase, user, session } = await signedInUser(tag);
    return { supabase, userId: user.id, accessToken: session.access_token };
  }
  const userId = randomUUID();
  const now = Math.floor(Date.now() / 1000);
  const accessToken = await signJwt({
    iss: `${SUPABASE_URL}/auth/v1`,
    sub: userId,
    aud: 'authenticated',
    role: 'authenticated',
    iat: now,
    exp: now + 3600,
    email: `${tag}-${userId.slice(0, 8)}@example.test`,
    aal: 'aal1',
    session_id: randomUUID(),
    is_anonymous: false,
  });
  return { supabase: clientWithToken(accessToken), userId, accessToken };
}

/** A supabase-js client that sends a given bearer token (a user's, or a forged one). */
export function clientWithToken(token: string): SupabaseClient {
  return createClient(SUPABASE_URL, ANON, {
    accessToken: async () => token,
    realtime: { transport: WebSocket as never },
  });
}

export function bytes(size: number, fill = 7): Uint8Array<ArrayBuffer> {
  return new Uint8Array(new ArrayBuffer(size)).fill(fill);
}
