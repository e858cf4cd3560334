import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../service.ts';

/** The gateway alone, with every upstream stopped, on ports of its own. */
describe('gateway with stopped upstreams', () => {
  let gateway: RunningService;
  let base: string;

  beforeAll(async () => {
    process.env.STACK_PORT_OFFSET = '900';
    const { loadConfig } = await import('../config.ts');
    const { createContext } = await import('../stack.ts');
    const { startGateway } = await import('./server.ts');
    const ctx = createContext(loadConfig());
    gateway = await startGateway(ctx);
    base = ctx.config.api.url;
  });
  afterAll(() => gateway?.stop());

  it('answers 503 with a readable body instead of hanging', async () => {
    const { ANON_KEY } = await import('../keys.ts');
    const started = Date.now();
    const response = await fetch(`${base}/rest/v1/tickets`, { headers: { apikey: ANON_KEY } });
    expect(response.status).toBe(503);
    expect((await response.json()).message).toBe('The rest service is unavailable.');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('still checks the apikey first', async () => {
    const response = await fetch(`${base}/auth/v1/user`);
    expect(response.status).toBe(401);
  });

  it('refuses a WebSocket upgrade to a stopped realtime with an HTTP error, not a hang', async () => {
    const { ANON_KEY } = await import('../keys.ts');
    const { default: WebSocket } = await import('ws');
    const outcome = await new Promise<string>((resolve) => {
      const socket = new WebSocket(`${base.replace('http', 'ws')}/realtime/v1/websocket?apikey=${ANON_KEY}&vsn=2.0.0`);
      socket.on('open', () => resolve('open'));
      socket.on('error', () => resolve('error'));
      socket.on('unexpected-response', () => resolve('refused'));
    });
    expect(outcome).not.toBe('open');
  });
});

describe('route table', () => {
  it('strips prefixes and maps the realtime socket path', async () => {
    const { resolveRoute } = await import('./routes.ts');
    expect(resolveRoute('/rest/v1/todos?select=*')?.upstreamPath).toBe('/todos?select=*');
    expect(resolveRoute('/realtime/v1/websocket?vsn=2.0.0')?.upstreamPath).toBe('/socket/websocket?vsn=2.0.0');
    expect(resolveRoute('/auth/v1/verify?token=x')?.requiresApiKey).toBe(false);
    expect(resolveRoute('/auth/v1/user')?.requiresApiKey).toBe(true);
    expect(resolveRoute('/storage/v1/object/public/a/b')?.requiresApiKey).toBe(false);
    expect(resolveRoute('/rest/v1x')).toBeNull();
  });
});
