import { errors } from './errors.ts';

/** Supabase's S3-safe key characters (so non-ASCII, backslashes and NUL are refused as on Cloud). */
const KEY_CHARACTERS = /^[A-Za-z0-9_/!.*'() &$=@;:+,?-]+$/;
const BUCKET_CHARACTERS = /^[A-Za-z0-9_!.*'() &$=@;:+,?-]+$/;
/** S3's limit on key length, in bytes. */
export const MAX_KEY_BYTES = 1024;
const MAX_BUCKET_NAME_LENGTH = 100;
/** A single media type, optionally with parameters; nothing that could split a header. */
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*([ \t]*;[ \t]*[A-Za-z0-9_.+-]+=("[ !#-[\]-~]*"|[A-Za-z0-9_.+-]+))*$/;
/** What `allowed_mime_types` entries may look like (Supabase's rule). */
const ALLOWED_MIME_ENTRY = /^([a-zA-Z0-9\-+.]+)\/([a-zA-Z0-9\-+.]+|\*)(;\s*charset=[a-zA-Z0-9-]+)?$|^\*$/;

/**
 * Object keys are validated like Supabase's, and stricter where a local disk is involved:
 * no `.`/`..` segments, no empty segments (leading, trailing or doubled slashes), at most 1024 bytes.
 */
export function validateKey(key: string | undefined): string {
  if (!key) throw errors.invalidKey(key ?? '');
  const segments = key.split('/');
  const badSegment = segments.some((segment) => segment === '' || segment === '.' || segment === '..');
  if (!KEY_CHARACTERS.test(key) || badSegment || Buffer.byteLength(key) > MAX_KEY_BYTES) {
    throw errors.invalidKey(key);
  }
  return key;
}

/**
 * Keys that are only looked up (reads, deletes, signing): bytes are addressed by version, so any
 * stored name may be named, but it must fit in a Postgres text value and S3's length limit.
 */
export function readableKey(key: string | undefined): string {
  if (!key || key.includes('\0') || Buffer.byteLength(key) > MAX_KEY_BYTES) throw errors.invalidKey(key ?? '');
  return key;
}

export function validateBucketName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() !== name) throw errors.invalidBucketName();
  if (!name || name.length > MAX_BUCKET_NAME_LENGTH || !BUCKET_CHARACTERS.test(name)) {
    throw errors.invalidBucketName();
  }
  if (name === '.' || name === '..') throw errors.invalidBucketName();
  return name;
}

/** A Content-Type an object may be stored (and later served) with. */
export function validateMediaType(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length > 255 || !MEDIA_TYPE.test(trimmed)) throw errors.invalidMimeType(value.slice(0, 100));
  return trimmed;
}

export function validateAllowedMimeTypes(value: unknown): string[] | null | undefined {
  if (value === undefined || value === null) return value;
  if (!Array.isArray(value)) throw errors.invalidParameter('allowed_mime_types');
  const entries = value.filter((entry) => entry);
  for (const entry of entries) {
    if (typeof entry !== 'string' || entry.length > 1000 || !ALLOWED_MIME_ENTRY.test(entry)) {
      throw errors.invalidMimeType(String(entry).slice(0, 100));
    }
  }
  return entries as string[];
}

/** `image/*` style matching of an object's type against a bucket's allow-list. */
export function mimeTypeAllowed(mimeType: string, allowed: string[] | null): boolean {
  if (!allowed || allowed.length === 0) return true;
  const [type, subtype] = mimeType.split(';')[0].trim().toLowerCase().split('/');
  if (!type || !subtype) return false;
  return allowed.some((entry) => {
    if (entry === '*') return true;
    const [allowedType, allowedSubtype] = entry.split(';')[0].trim().toLowerCase().split('/');
    return allowedType === type && (allowedSubtype === '*' || allowedSubtype === subtype);
  });
}

/** Bucket size limits: a byte count or Supabase's "20GB / 20MB / 30KB / 3B" strings (decimal units). */
export function parseSizeLimit(value: unknown): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) throw errors.invalidParameter('file_size_limit');
    return value;
  }
  const match = typeof value === 'string' ? /^([0-9]+(?:\.[0-9]+)?)(gb|mb|kb|b)$/i.exec(value.trim()) : null;
  if (!match) {
    throw errors.invalidRequest('Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B');
  }
  const units: Record<string, number> = { GB: 1e9, MB: 1e6, KB: 1e3, B: 1 };
  return Math.round(Number(match[1]) * units[match[2].toUpperCase()]);
}

/** Signed URL lifetimes: a positive whole number of seconds. */
export function validateExpiresIn(value: unknown): number {
  const seconds = typeof value === 'string' ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1) {
    throw errors.invalidParameter('expiresIn', 'expiresIn must be a positive integer');
  }
  return seconds;
}

export function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (value === undefined || value === null || value === '') throw errors.missingParameter(field);
  if (typeof value !== 'string') throw errors.invalidParameter(field);
  return value;
}

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw errors.invalidParameter(field);
  return value;
}

export function stringList(body: Record<string, unknown>, field: string, max: number): string[] {
  const value = body[field];
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) {
    throw errors.invalidParameter(field);
  }
  if (value.length > max) throw errors.invalidRequest(`At most ${max} entries are allowed in ${field}.`);
  return value as string[];
}
