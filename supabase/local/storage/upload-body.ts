import type { IncomingMessage } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import busboy from 'busboy';
import type { BlobStore, StagedBlob } from './blobs.ts';
import { errors } from './errors.ts';
import { headerValue } from './http.ts';
import { mimeTypeAllowed, validateMediaType } from './validate.ts';

/** What a bucket accepts. */
export interface UploadPolicy {
  /** Bytes: the bucket's limit capped by the global one. */
  limit: number;
  allowedMimeTypes: string[] | null;
}

/** Everything known about an upload before its bytes are read. */
export interface UploadDescription {
  mimeType: string;
  cacheControl: string;
  userMetadata: Record<string, unknown> | null;
  /** Declared size, when the client sent Content-Length for a raw body. */
  contentLength?: number;
}

export interface ReceivedUpload {
  description: UploadDescription;
  blob: StagedBlob;
}

/** Checks run once the upload is described and before any byte is stored (the RLS pre-check). */
export type BeforeBytes = (description: UploadDescription) => Promise<void>;

const MAX_USER_METADATA_BYTES = 1024 * 1024;
/** The text fields that precede the file part. */
interface FormFields {
  values: Record<string, string>;
  /** A field longer than MAX_USER_METADATA_BYTES (busboy cuts it): oversized metadata. */
  oversized: boolean;
}

/**
 * Receives an upload in either format supabase-js sends (protocols §7.5) straight to a temp
 * file: multipart/form-data (fields first, then one file part) or a raw body.
 */
export function receiveUpload(
  req: IncomingMessage,
  policy: UploadPolicy,
  blobs: BlobStore,
  beforeBytes: BeforeBytes,
): Promise<ReceivedUpload> {
  const contentType = headerValue(req, 'content-type') ?? '';
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    return receiveMultipart(req, policy, blobs, beforeBytes);
  }
  return receiveRaw(req, policy, blobs, beforeBytes);
}

async function receiveRaw(req: IncomingMessage, policy: UploadPolicy, blobs: BlobStore, beforeBytes: BeforeBytes) {
  const declared = headerValue(req, 'content-length');
  const contentLength = declared === undefined ? undefined : Number(declared);
  if (contentLength !== undefined && contentLength > policy.limit) throw errors.entityTooLarge();
  const description = describe(
    headerValue(req, 'content-type') || 'application/octet-stream',
    headerValue(req, 'cache-control') ?? 'no-cache',
    decodeUserMetadata(headerValue(req, 'x-metadata')),
    policy,
  );
  description.contentLength = contentLength;
  await beforeBytes(description);
  return { description, blob: await blobs.stage(requestBody(req), policy.limit) };
}

/**
 * The body as a stream that staging may destroy (a size refusal) without destroying the request:
 * a destroyed request stops reading its socket mid-body, so the refusal could not drain the rest
 * (sendError) and the keep-alive connection would hang on the next request sent over it.
 */
function requestBody(req: IncomingMessage): Readable {
  const body = new PassThrough();
  req.on('error', (error) => body.destroy(error));
  return req.pipe(body);
}

function receiveMultipart(
  req: IncomingMessage,
  policy: UploadPolicy,
  blobs: BlobStore,
  beforeBytes: BeforeBytes,
): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fields: 10, fieldSize: MAX_USER_METADATA_BYTES, fileSize: policy.limit + 1 },
      });
    } catch {
      reject(errors.invalidRequest('Malformed multipart/form-data request'));
      return;
    }
    const fields: FormFields = { values: {}, oversized: false };
    let fileSeen = false;
    parser.on('field', (name, value, info) => {
      fields.values[name] = value;
      fields.oversized ||= info.valueTruncated;
    });
    parser.on('file', (_name, file, info) => {
      if (fileSeen) return void file.resume();
      fileSeen = true;
      stageFilePart(file, info.mimeType, fields, policy, blobs, beforeBytes).then(resolve, (error) => {
        req.unpipe(parser);
        file.resume();
        reject(error);
      });
    });
    parser.on('error', () => {
      req.unpipe(parser);
      reject(errors.invalidRequest('Malformed multipart/form-data request'));
    });
    parser.on('close', () => fileSeen || reject(errors.noContent()));
    req.pipe(parser);
  });
}

async function stageFilePart(
  file: Readable,
  partType: string,
  fields: FormFields,
  policy: UploadPolicy,
  blobs: BlobStore,
  beforeBytes: BeforeBytes,
): Promise<ReceivedUpload> {
  if (fields.oversized) throw errors.entityTooLarge('user_metadata');
  const { contentType, cacheControl, metadata, userMetadata } = fields.values;
  const description = describe(
    contentType || partType || 'application/octet-stream',
    cacheControl ? `max-age=${cacheControl}` : 'no-cache',
    parseJsonObject(metadata ?? userMetadata),
    policy,
  );
  await beforeBytes(description);
  return { description, blob: await blobs.stage(file, policy.limit) };
}

function describe(
  mimeType: string,
  cacheControl: string,
  userMetadata: Record<string, unknown> | null,
  policy: UploadPolicy,
): UploadDescription {
  const validType = validateMediaType(mimeType);
  if (!mimeTypeAllowed(validType, policy.allowedMimeTypes)) throw errors.invalidMimeType(validType);
  if (cacheControl.length > 1000 || !/^[\x20-\x7e]*$/.test(cacheControl)) {
    throw errors.invalidRequest('Invalid Cache-Control value');
  }
  return { mimeType: validType, cacheControl, userMetadata };
}

/** `x-metadata` is base64 JSON; like Supabase, unreadable metadata is ignored. */
function decodeUserMetadata(header: string | undefined): Record<string, unknown> | null {
  if (!header) return null;
  if (header.length > (MAX_USER_METADATA_BYTES * 4) / 3) throw errors.entityTooLarge('user_metadata');
  return parseJsonObject(Buffer.from(header, 'base64').toString('utf8'));
}

function parseJsonObject(text: string | undefined): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
