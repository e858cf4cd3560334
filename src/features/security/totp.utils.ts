const SVG_PREFIX = 'data:image/svg+xml;utf-8,';

/**
 * supabase-js hands back the server's SVG markup already prefixed with "data:image/svg+xml;utf-8,"
 * but not URL-encoded, so a "#" in a colour would end the URL. Re-encode the markup; it is only ever
 * used as an <img> source (an image cannot run scripts), never inserted as HTML.
 */
export function svgDataUrl(qrCode: string): string {
  const svg = qrCode.startsWith(SVG_PREFIX) ? qrCode.slice(SVG_PREFIX.length) : qrCode;
  return `${SVG_PREFIX}${encodeURIComponent(svg)}`;
}
