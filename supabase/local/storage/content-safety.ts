/**
 * Headers that keep user files from running as active content in the API's origin: types are
 * never sniffed, only a list of passive types renders inline (sandboxed), everything else
 * (HTML, SVG, XML, scripts, unknown types) is a sandboxed attachment.
 */
const INLINE_TYPES = new Set([
  'image/png', 'image/jpeg', 'image/jpg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp',
  'image/x-icon', 'image/vnd.microsoft.icon', 'image/heic', 'image/heif', 'image/tiff',
  'text/plain', 'text/csv', 'application/json', 'application/pdf', 'application/octet-stream',
]);
const INLINE_FAMILIES = ['audio/', 'video/', 'font/'];

function essence(mimeType: string): string {
  return mimeType.split(';')[0].trim().toLowerCase();
}

export function rendersInlineSafely(mimeType: string): boolean {
  const type = essence(mimeType);
  return INLINE_TYPES.has(type) || INLINE_FAMILIES.some((family) => type.startsWith(family));
}

/** RFC 5987 encoding for `filename*`. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Control characters, quotes and path separators never reach a header. */
function isUnsafeInFilename(character: string): boolean {
  const code = character.charCodeAt(0);
  return code < 0x20 || code === 0x7f || character === '"' || character === '\\' || character === '/';
}

/** `attachment` with a filename stripped of quotes, slashes and control characters. */
export function attachmentDisposition(filename: string): string {
  const replaced = [...filename].map((c) => (isUnsafeInFilename(c) ? '_' : c)).join('');
  const cleaned = replaced.slice(0, 200).trim() || 'download';
  const ascii = cleaned.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(cleaned)}`;
}

/**
 * @param download the `?download` query value: null when absent, '' for the object's own name.
 */
export function safeContentHeaders(mimeType: string, key: string, download: string | null): Record<string, string> {
  const headers: Record<string, string> = { 'x-content-type-options': 'nosniff' };
  const inline = rendersInlineSafely(mimeType);
  if (!inline || download !== null) {
    headers['content-disposition'] = attachmentDisposition(download || key.split('/').pop() || key);
  }
  if (!inline) headers['content-security-policy'] = "default-src 'none'; sandbox";
  // Chrome's PDF viewer refuses sandboxed documents; media documents need their own source.
  else if (essence(mimeType) !== 'application/pdf') headers['content-security-policy'] = 'sandbox';
  return headers;
}
