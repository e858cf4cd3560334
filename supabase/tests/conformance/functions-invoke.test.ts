import { FunctionsHttpError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { ANON, client, IS_LOCAL, PUBLISHABLE, signedInUser, SUPABASE_URL } from '../helpers/env.ts';

/** Edge functions called the way the app calls them: supabase-js `functions.invoke` and plain fetch. */
const functionsUrl = (path: string) => `${SUPABASE_URL}/functions/v1/${path}`;

interface Health {
  status: string;
  time: string;
  region: string;
  db?: boolean;
}

interface WhoAmI {
  uid: string | null;
  role: string;
  email: string | null;
  user: { id: string; email: string | null } | null;
}

describe('function routing', () => {
  it('answers 404 for a function that does not exist', async () => {
    const response = await fetch(functionsUrl('no-such-function'), { headers: { Authorization: `Bearer ${ANON}` } });
    expect(response.status).toBe(404);
    if (IS_LOCAL) expect(await response.text()).toBe('Function not found');
  });
});

describe('health function (verify_jwt = false)', () => {
  it('answers a request that carries no headers at all', async () => {
    const response = await fetch(functionsUrl('health'));
    expect(response.status).toBe(200);
    const health = (await response.json()) as Health;
    expect(health).toMatchObject({ status: 'ok', db: true });
    expect(typeof health.region).toBe('string');
    expect(Date.parse(health.time)).not.toBeNaN();
  });

  it('is invoked through supabase-js with the parsed JSON as data', async () => {
    const { data, error } = await client().functions.invoke<Health>('health', { method: 'GET' });
    expect(error).toBeNull();
    expect(data?.status).toBe('ok');
  });

  it('routes sub-paths to the same function with the path kept', async () => {
    const { data, error } = await client().functions.invoke<Health>('health/live', { method: 'GET' });
    expect(error).toBeNull();
    expect(data?.status).toBe('ok');
    expect(data).not.toHaveProperty('db');
  });

  it('reports a 4xx from the function as FunctionsHttpError with the response attached', async () => {
    const { data, error } = await client().functions.invoke('health/no-such-route', { method: 'GET' });
    expect(data).toBeNull();
    expect(error).toBeInstanceOf(FunctionsHttpError);
    const response = (error as FunctionsHttpError).context as Response;
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });

    const wrongMethod = await client().functions.invoke('health', { method: 'POST', body: { x: 1 } });
    expect(((wrongMethod.error as FunctionsHttpError).context as Response).status).toBe(405);
  });

  it('rejects invalid stream parameters with a 400', async () => {
    const response = await fetch(functionsUrl('health/stream?count=0'));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'invalid_parameters' });
  });

  it('streams Server-Sent Events as they are produced, not buffered', async () => {
    const started = Date.now();
    const response = await fetch(functionsUrl('health/stream?count=3&interval_ms=400'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const arrivals: { at: number; text: string }[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      arrivals.push({ at: Date.now() - started, text: chunk.value });
    }
    const events = arrivals.map((a) => a.text).join('').split('\n\n').filter(Boolean);
    expect(events).toHaveLength(3);
    expect(events[0]).toMatch(/^id: 1\nevent: health\ndata: \{.*"status":"ok"/);
    // The first event must arrive well before the last one is even produced (800 ms later).
    expect(arrivals[0].at).toBeLessThan(arrivals.at(-1)!.at - 500);
  });
});

describe('whoami function (verify_jwt = true)', () => {
  it('sees an anonymous caller as the anon role', async () => {
    const { data, error } = await client(ANON).functions.invoke<WhoAmI>('whoami');
    expect(error).toBeNull();
    expect(data).toEqual({ uid: null, role: 'anon', email: null, user: null });
  });

  it('accepts a publishable-key client without a session as anon', async () => {
    const { data, error } = await client(PUBLISHABLE).functions.invoke<WhoAmI>('whoami');
    expect(error).toBeNull();
    expect(data?.role).toBe('anon');
  });

  it('sees a signed-in caller as their user, in Auth and in the database', async () => {
    const { supabase, user, email } = await signedInUser('fn-whoami');
    const { data, error } = await supabase.functions.invoke<WhoAmI>('whoami', { body: { hello: 'world' } });
    expect(error).toBeNull();
    expect(data).toMatchObject({ uid: user.id, role: 'authenticated', email, user: { id: user.id, email } });
  });
});
