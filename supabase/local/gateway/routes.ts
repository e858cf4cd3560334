import { INTERNAL_PORTS } from '../config.ts';

export interface Route {
  service: 'auth' | 'rest' | 'storage' | 'realtime' | 'functions';
  port: number;
  /** Path (with query) the upstream receives. */
  upstreamPath: string;
  /** Whether the request must carry a known `apikey` (Supabase's gateway rule, protocols §2.3). */
  requiresApiKey: boolean;
  /** Whether Authorization is derived from the apikey when it is absent or an `sb_` key. */
  translatesAuthorization: boolean;
  timeoutMs: number;
  /** Largest request body accepted, in bytes; storage and functions enforce their own limits. */
  maxBodyBytes: number;
}

const MiB = 1024 * 1024;
const OPEN_AUTH_PATHS = /^\/(verify|callback|authorize|\.well-known\/jwks\.json)(\/|$|\?)/;

interface Mount {
  prefix: string;
  service: Route['service'];
  port: number;
  requiresApiKey: boolean;
  timeoutMs: number;
  maxBodyBytes: number;
  rewrite?: (rest: string) => string;
}

const MOUNTS: Mount[] = [
  { prefix: '/auth/v1', service: 'auth', port: INTERNAL_PORTS.auth, requiresApiKey: true, timeoutMs: 60_000, maxBodyBytes: MiB },
  { prefix: '/rest/v1', service: 'rest', port: INTERNAL_PORTS.postgrest, requiresApiKey: true, timeoutMs: 60_000, maxBodyBytes: 20 * MiB },
  {
    prefix: '/realtime/v1',
    service: 'realtime',
    port: INTERNAL_PORTS.realtime,
    requiresApiKey: true,
    timeoutMs: 60_000,
    maxBodyBytes: 4 * MiB,
    // Phoenix appends /websocket to the endpoint; Supabase's realtime serves it at /socket/websocket.
    rewrite: (rest) => (rest.startsWith('/websocket') ? `/socket${rest}` : rest),
  },
  { prefix: '/storage/v1', service: 'storage', port: INTERNAL_PORTS.storage, requiresApiKey: false, timeoutMs: 600_000, maxBodyBytes: Infinity },
  { prefix: '/functions/v1', service: 'functions', port: INTERNAL_PORTS.functions, requiresApiKey: false, timeoutMs: 150_000, maxBodyBytes: Infinity },
];

/** Resolves an incoming path (with query) to its upstream, or null for unknown routes. */
export function resolveRoute(url: string): Route | null {
  for (const mount of MOUNTS) {
    if (url !== mount.prefix && !url.startsWith(mount.prefix + '/') && !url.startsWith(mount.prefix + '?')) continue;
    const rest = url.slice(mount.prefix.length) || '/';
    const upstreamPath = mount.rewrite ? mount.rewrite(rest) : rest;
    const open = mount.service === 'auth' && OPEN_AUTH_PATHS.test(rest);
    return {
      service: mount.service,
      port: mount.port,
      upstreamPath: upstreamPath.startsWith('/') ? upstreamPath : `/${upstreamPath}`,
      requiresApiKey: mount.requiresApiKey && !open,
      translatesAuthorization: !open,
      timeoutMs: mount.timeoutMs,
      maxBodyBytes: mount.maxBodyBytes,
    };
  }
  return null;
}
