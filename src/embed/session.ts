import { SUPABASE_KEY, SUPABASE_URL } from './env.ts';

/**
 * The visitor's anonymous Auth session, kept in the frame's storage (partitioned per host site by the
 * browser), so that a returning visitor sees their history. A small client for the three Auth calls the
 * widget needs (anonymous sign-up, refresh, sign-out) instead of auth-js, which alone would take
 * 25 KB of the frame's 60 KB budget. Sign-in is lazy: Auth limits anonymous sign-ins per IP address.
 */

export interface Session {
  access_token: string;
  refresh_token: string;
  /** Unix seconds. */
  expires_at: number;
  user: { id: string };
}

export class ChatError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

const REFRESH_MARGIN_S = 60;
let storageKey = 'supportdesk.session';
let memory: Session | null = null;
const listeners = new Set<(session: Session | null) => void>();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(storageKey);
    return raw ? (JSON.parse(raw) as Session) : memory;
  } catch {
    return memory; // storage blocked (third-party frame settings): the session lasts as long as the page
  }
}

function write(session: Session | null) {
  memory = session;
  try {
    if (session) localStorage.setItem(storageKey, JSON.stringify(session));
    else localStorage.removeItem(storageKey);
  } catch {
    // memory only, see read()
  }
  listeners.forEach((listener) => listener(session));
}

/** Scopes the stored session to one widget, and follows sign-ins and refreshes of other tabs. */
export function scopeSessionTo(widgetKey: string) {
  storageKey = `supportdesk.session.${widgetKey}`;
  addEventListener('storage', (event) => {
    if (event.key === storageKey) listeners.forEach((listener) => listener(read()));
  });
}

export function onSessionChange(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const currentSession = read;

async function authRequest(path: string, body: unknown, token?: string): Promise<Response> {
  const response = await fetch(`${SUPABASE_URL}/auth/v1/${path}`, {
    method: 'POST',
    headers: { apikey: SUPABASE_KEY, 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (response.ok) return response;
  const error = (await response.json().catch(() => ({}))) as { msg?: string; message?: string; error_code?: string; code?: string };
  throw new ChatError(error.msg ?? error.message ?? `Auth answered ${response.status}`, error.error_code ?? String(error.code ?? 'auth_error'), response.status);
}

function sessionFrom(body: Session & { expires_in?: number }): Session {
  const expiresAt = body.expires_at ?? Math.floor(Date.now() / 1000) + (body.expires_in ?? 3600);
  return { access_token: body.access_token, refresh_token: body.refresh_token, expires_at: expiresAt, user: { id: body.user.id } };
}

/** Signs the browser in anonymously (once; later calls return the stored session). */
export async function ensureSession(): Promise<Session> {
  const existing = read();
  if (existing) return existing;
  const response = await authRequest('signup', { data: {} });
  const session = sessionFrom((await response.json()) as Session);
  write(session);
  return session;
}

/** Runs `work` holding a lock shared by every tab of this widget, so that one tab refreshes at a time. */
function exclusively<T>(work: () => Promise<T>): Promise<T> {
  return navigator.locks ? navigator.locks.request(`${storageKey}.refresh`, work) : work();
}

async function refreshed(stale: Session): Promise<Session | null> {
  return exclusively(async () => {
    const latest = read();
    if (latest && latest.refresh_token !== stale.refresh_token) return latest; // another tab refreshed it
    try {
      const response = await authRequest('token?grant_type=refresh_token', { refresh_token: stale.refresh_token });
      const session = sessionFrom((await response.json()) as Session);
      write(session);
      return session;
    } catch (error) {
      if (error instanceof ChatError && error.status >= 400 && error.status < 500) {
        write(null); // the session is gone for good (revoked, expired refresh token): start over lazily
        return null;
      }
      throw error;
    }
  });
}

/** A valid access token for the stored session (refreshed when close to expiry), or null when signed out. */
export async function accessToken(): Promise<string | null> {
  const session = read();
  if (!session) return null;
  if (session.expires_at - REFRESH_MARGIN_S > Date.now() / 1000) return session.access_token;
  return (await refreshed(session))?.access_token ?? null;
}

/** Ends the session on the server (best effort) and forgets it here. */
export async function signOut() {
  const session = read();
  write(null);
  if (session) await authRequest('logout', {}, session.access_token).catch(() => undefined);
}
