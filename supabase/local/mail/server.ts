import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { DATA_DIR } from '../config.ts';
import { createLogger, REQUEST_ID_HEADER } from '../log.ts';
import type { RunningService, StackContext } from '../service.ts';
import { mailApi } from './api.ts';
import { createSmtpServer } from './smtp.ts';
import { MailStore } from './store.ts';
import { mailWeb } from './web.ts';

const log = createLogger('mail');
const HOST = '127.0.0.1';
export const MAIL_DIR = path.join(DATA_DIR, 'mail');

function httpApp(store: MailStore): Hono {
  const app = new Hono();
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    log.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      [REQUEST_ID_HEADER]: c.req.header(REQUEST_ID_HEADER),
    });
  });
  app.onError((err, c) => {
    log.error('request failed', { err, path: c.req.path });
    return c.text('Internal error', 500);
  });
  app.route('/api/v1', mailApi(store));
  app.route('/', mailWeb(store));
  return app;
}

function listenHttp(app: Hono, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: HOST, port }, () => resolve(server));
    server.once('error', reject);
  });
}

const closeHttp = (server: ServerType) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });

/**
 * The local inbox, like the CLI's Mailpit: SMTP on `[local_smtp] smtp_port` and a web inbox
 * plus Mailpit-compatible JSON API on `[local_smtp] port`. Messages persist under DATA_DIR/mail.
 */
export async function startMail(ctx: StackContext): Promise<RunningService> {
  const { port, smtpPort } = ctx.config.mail;
  const store = await MailStore.open(MAIL_DIR, log);
  const smtp = createSmtpServer(store, log);
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(smtpPort, HOST, () => resolve());
  });
  const http = await listenHttp(httpApp(store), port).catch(async (err) => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw err;
  });
  log.info('inbox ready', { url: `http://${HOST}:${port}`, smtpPort, messages: store.size });
  return {
    name: 'mail',
    url: `http://${HOST}:${port}`,
    async stop() {
      await Promise.all([closeHttp(http), new Promise<void>((resolve) => smtp.close(() => resolve()))]);
    },
  };
}
