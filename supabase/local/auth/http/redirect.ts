import { isIP } from 'node:net';
import type { Context } from 'hono';

export interface RedirectPolicy {
  siteUrl: string;
  additionalRedirectUrls: string[];
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Compiles a redirect pattern the way GoTrue's glob (separators "." and "/") does:
 * `**` spans anything, `*` and `?` stay within one host label or path segment, `{a,b}` alternates.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (char === '*') source += '[^./]*';
    else if (char === '?') source += '[^./]';
    else if (char === '{') {
      const end = pattern.indexOf('}', i);
      if (end === -1) source += '\\{';
      else {
        source += `(?:${pattern.slice(i + 1, end).split(',').map(escapeRegex).join('|')})`;
        i = end;
      }
    } else source += escapeRegex(char);
  }
  return new RegExp(`^${source}$`);
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

const bareHost = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

function isLoopback(hostname: string): boolean {
  const host = bareHost(hostname);
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

const isLocalhost = (hostname: string) => hostname === 'localhost' || isLoopback(hostname);

/** GoTrue's IsRedirectURLValid: same site, a loopback address, or an allow-listed pattern. */
export function isRedirectAllowed(policy: RedirectPolicy, candidate: string): boolean {
  const site = parseUrl(policy.siteUrl);
  const target = parseUrl(candidate);
  if (!candidate || !site || !target) return false;
  const sameOrigin = site.hostname === target.hostname && site.protocol === target.protocol;
  if (sameOrigin && (site.port === target.port || isLocalhost(target.hostname))) return true;
  const host = bareHost(target.hostname);
  if (/^[0-9]+$/.test(host)) return false;
  if (isIP(host)) return isLoopback(host);
  const withoutFragment = candidate.split('#')[0];
  return policy.additionalRedirectUrls.some((pattern) => globToRegExp(pattern).test(withoutFragment));
}

/** The requested redirect when allowed, else the site URL. */
export function resolveRedirect(policy: RedirectPolicy, candidate: string | undefined | null): string {
  return candidate && isRedirectAllowed(policy, candidate) ? candidate : policy.siteUrl;
}

/**
 * GoTrue's GetReferrer: the `redirect_to` query parameter (or header) when allowed, else an
 * allowed Referer, else the site URL.
 */
export function requestRedirect(c: Context, policy: RedirectPolicy, bodyValue?: string): string {
  const requested = bodyValue || c.req.header('redirect_to') || c.req.query('redirect_to');
  if (requested && isRedirectAllowed(policy, requested)) return requested;
  return resolveRedirect(policy, c.req.header('referer'));
}
