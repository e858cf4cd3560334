/**
 * Where to go after signing in. Only same-site paths are accepted ("/o/acme"), never another origin
 * ("//evil.test", "https://…", "/\\evil.test"): the value comes from the URL and could be forged.
 */
export function safeNextPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if ([...value].some((char) => char.charCodeAt(0) < 32)) return fallback;
  return value;
}

/** An absolute URL of this app, for links in emails (`emailRedirectTo`). */
export function appUrl(path: string, origin = window.location.origin): string {
  return new URL(path, origin).toString();
}

/** A link to an auth page that keeps the `next` destination. */
export function withNext(path: string, next: string | null | undefined): string {
  const safe = safeNextPath(next, '');
  return safe && safe !== '/' ? `${path}?next=${encodeURIComponent(safe)}` : path;
}
