/**
 * Whether a host page's origin matches one of the widget's allowed host patterns:
 * "example.com" (that host, any port), "*.example.com" (its subdomains, not the apex),
 * "localhost:3000" (that host and port). Only http(s) origins without a path qualify.
 */
export function originAllowed(origin: string, patterns: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin.replace(/\/$/, '')) return false;
  const host = url.hostname.toLowerCase();
  return patterns.some((pattern) => {
    const [hostPattern, port] = pattern.toLowerCase().split(':');
    if (port !== undefined && port !== (url.port || (url.protocol === 'https:' ? '443' : '80'))) return false;
    return hostPattern.startsWith('*.') ? host.endsWith(hostPattern.slice(1)) : host === hostPattern;
  });
}
