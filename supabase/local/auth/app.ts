import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { REQUEST_ID_HEADER } from '../log.ts';
import type { AuthContext } from './context.ts';
import type { AuthEnv } from './http/authenticate.ts';
import { AuthError, OAuthError, renderError, unprocessable, wantsModernErrors } from './http/errors.ts';
import { bodyTooLarge, MAX_BODY_BYTES } from './http/request.ts';
import { adminLinkRoutes } from './routes/admin-links.ts';
import { adminUserRoutes } from './routes/admin-users.ts';
import { factorRoutes } from './routes/factors.ts';
import { metaRoutes } from './routes/meta.ts';
import { otpRoutes } from './routes/otp.ts';
import { recoverRoutes } from './routes/recover.ts';
import { signupRoutes } from './routes/signup.ts';
import { tokenRoutes } from './routes/token.ts';
import { userRoutes } from './routes/user.ts';
import { verifyRoutes } from './routes/verify.ts';

function errorResponse(c: Context, error: unknown) {
  const rendered = renderError(error, c.req.header('x-supabase-api-version'));
  return c.json(rendered.body, rendered.status as ContentfulStatusCode, rendered.headers);
}

/** OAuth, SSO and identity linking are not offered by the local stack. */
const providerDisabled = () => {
  throw unprocessable('provider_disabled', 'External providers, SSO and identity linking are not enabled on this stack');
};

/** The GoTrue HTTP API, without the /auth/v1 prefix (the gateway strips it). */
export function createAuthApp(ctx: AuthContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    if (wantsModernErrors(c.req.header('x-supabase-api-version'))) c.header('x-supabase-api-version', '2024-01-01');
    ctx.log.info('request', {
      request_id: c.req.header(REQUEST_ID_HEADER) ?? null,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Math.round(performance.now() - started),
    });
  });
  app.use(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => errorResponse(c, bodyTooLarge()) }));

  for (const routes of [
    metaRoutes(ctx),
    signupRoutes(ctx),
    tokenRoutes(ctx),
    otpRoutes(ctx),
    verifyRoutes(ctx),
    recoverRoutes(ctx),
    userRoutes(ctx),
    factorRoutes(ctx),
    adminUserRoutes(ctx),
    adminLinkRoutes(ctx),
  ]) {
    app.route('/', routes);
  }
  for (const path of ['/authorize', '/callback', '/sso/*', '/user/identities/*']) app.all(path, providerDisabled);

  app.notFound((c) => errorResponse(c, new AuthError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => {
    const clientError = error instanceof OAuthError || (error instanceof AuthError && error.status < 500);
    if (!clientError) {
      ctx.log.error('request failed', { request_id: c.req.header(REQUEST_ID_HEADER) ?? null, path: c.req.path, err: error });
    }
    return errorResponse(c, error);
  });
  return app;
}
