/** "Firefox 133 on Windows", from a user agent; null when nothing is recognisable. */
export function describeBrowser(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browsers: [string, RegExp][] = [
    ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
    ['Opera', /OPR\/(\d+)/],
    ['Samsung Internet', /SamsungBrowser\/(\d+)/],
    ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
    ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
    ['Safari', /Version\/(\d+).*Safari\//],
  ];
  const systems: [string, RegExp][] = [
    ['Android', /Android/],
    ['iOS', /iPhone|iPad|iPod/],
    ['Windows', /Windows/],
    ['macOS', /Mac OS X|Macintosh/],
    ['ChromeOS', /CrOS/],
    ['Linux', /Linux/],
  ];
  const browser = browsers.map(([name, pattern]) => [name, pattern.exec(userAgent)?.[1]] as const).find(([, version]) => version);
  const system = systems.find(([, pattern]) => pattern.test(userAgent))?.[0];
  const description = [browser ? `${browser[0]} ${browser[1]}` : null, system].filter(Boolean).join(' on ');
  return description ? description.slice(0, 200) : null;
}

/** "Lyon, FR" from the edge's geo headers (Cloudflare's names), when present. */
export function describeLocation(headers: Headers): string | null {
  const parts = [headers.get('cf-ipcity'), headers.get('cf-ipcountry')].filter((part) => part && part !== 'XX');
  return parts.length ? parts.join(', ').slice(0, 200) : null;
}
