import { Hono } from 'hono';
import type { AuthContext } from '../context.ts';
import type { AuthEnv } from '../http/authenticate.ts';

/** OAuth providers GoTrue lists in /settings; none is configured locally. */
const EXTERNAL_PROVIDERS = [
  'apple', 'azure', 'bitbucket', 'discord', 'facebook', 'snapchat', 'figma', 'fly', 'github', 'gitlab', 'google',
  'keycloak', 'kakao', 'linkedin', 'linkedin_oidc', 'notion', 'spotify', 'slack', 'slack_oidc', 'workos', 'twitch',
  'twitter', 'zoom',
];

function settingsBody(ctx: AuthContext) {
  const { settings } = ctx;
  const external: Record<string, boolean> = Object.fromEntries(EXTERNAL_PROVIDERS.map((name) => [name, false]));
  return {
    external: { ...external, anonymous_users: settings.enableAnonymousSignIns, email: settings.email.enabled, phone: false },
    disable_signup: !settings.enableSignup,
    mailer_autoconfirm: !settings.email.enableConfirmations,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
    saml_private_key_next_configured: false,
    passkeys_enabled: false,
  };
}

/** GET /health, /settings and /.well-known/jwks.json. */
export function metaRoutes(ctx: AuthContext) {
  return new Hono<AuthEnv>()
    .get('/health', (c) =>
      c.json({ version: 'local', name: 'GoTrue', description: 'GoTrue is a user registration and authentication API' }),
    )
    .get('/settings', (c) => c.json(settingsBody(ctx)))
    // User tokens are HS256 with the shared secret, which is never published: the key set is empty.
    .get('/.well-known/jwks.json', (c) => c.json({ keys: [] }));
}
