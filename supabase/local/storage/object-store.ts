import { ownerUuid } from './bucket-store.ts';
import type { Queryable } from './db.ts';
import { errors, onDuplicate } from './errors.ts';

/** What `metadata` holds for every object written through the API (protocols §7.5). */
export interface ObjectMetadata {
  eTag: string;
  size: number;
  mimetype: string;
  cacheControl: string;
  lastModified: string;
  contentLength: number;
  httpStatusCode: number;
}

export interface ObjectRow {
  id: string;
  name: string;
  bucket_id: string;
  version: string | null;
  owner_id: string | null;
  metadata: Partial<ObjectMetadata> | null;
  user_metadata: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
  last_accessed_at: Date;
}

export interface NewObject {
  bucketId: string;
  name: string;
  owner?: string;
  metadata: Record<string, unknown>;
  userMetadata?: Record<string, unknown> | null;
  version: string;
}

export interface SearchOptions {
  limit: number;
  offset: number;
  search: string;
  sortColumn: string;
  sortOrder: string;
}

const OBJECT_COLUMNS =
  'id, name, bucket_id, version, owner_id, metadata, user_metadata, created_at, updated_at, last_accessed_at';

/** The object, or NoSuchKey: a row hidden by RLS looks exactly like a missing one. */
export async function findObject(db: Queryable, bucketId: string, name: string): Promise<ObjectRow> {
  const { rows } = await db.query<ObjectRow>(
    `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
    [bucketId, name],
  );
  if (!rows[0]) throw errors.noSuchKey();
  return rows[0];
}

export async function visibleNames(db: Queryable, bucketId: string, names: string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ name: string }>(
    'select name from storage.objects where bucket_id = $1 and name = any($2::text[])',
    [bucketId, names],
  );
  return new Set(rows.map((row) => row.name));
}

/**
 * Inserts the object row, or with `upsert` replaces the existing one (which then needs the
 * caller's SELECT and UPDATE rights too). Returns the id and the version it replaced, if any.
 */
export async function writeObject(
  db: Queryable,
  object: NewObject,
  upsert: boolean,
): Promise<{ id: string; previousVersion: string | null }> {
  const onConflict = upsert
    ? `on conflict (bucket_id, name) do update set owner = excluded.owner, owner_id = excluded.owner_id,
         metadata = excluded.metadata, user_metadata = excluded.user_metadata, version = excluded.version,
         last_accessed_at = now()`
    : '';
  const { rows } = await onDuplicate(
    () =>
      db.query<{ id: string; previous_version: string | null }>(
        `insert into storage.objects as target (bucket_id, name, owner, owner_id, metadata, user_metadata, version)
         values ($1, $2, $3, $4, $5, $6, $7) ${onConflict}
         returning target.id, old.version as previous_version`,
        [
          object.bucketId,
          object.name,
          ownerUuid(object.owner),
          object.owner ?? null,
          JSON.stringify(object.metadata),
          object.userMetadata ? JSON.stringify(object.userMetadata) : null,
          object.version,
        ],
      ),
    errors.keyAlreadyExists,
  );
  return { id: rows[0].id, previousVersion: rows[0].previous_version };
}

/** Deletes the named objects the caller may delete; returns the deleted rows. */
export async function deleteObjects(db: Queryable, bucketId: string, names: string[]) {
  const { rows } = await db.query<ObjectRow & Record<string, unknown>>(
    `delete from storage.objects where bucket_id = $1 and name = any($2::text[])
     returning id, name, bucket_id, owner, owner_id, version, metadata, user_metadata,
               created_at, updated_at, last_accessed_at`,
    [bucketId, names],
  );
  return rows;
}

/** Deletes every object of a bucket the caller may delete; returns their versions. */
export async function deleteBucketObjects(db: Queryable, bucketId: string) {
  const { rows } = await db.query<{ version: string | null }>(
    'delete from storage.objects where bucket_id = $1 returning version',
    [bucketId],
  );
  return rows.map((row) => row.version);
}

/** Renames an object (possibly into another bucket); NoSuchKey when the caller cannot see/update it. */
export async function renameObject(
  db: Queryable,
  source: { bucketId: string; name: string },
  destination: { bucketId: string; name: string },
  owner: string | undefined,
): Promise<void> {
  const { rowCount } = await db.query(
    `update storage.objects set bucket_id = $3, name = $4, owner = $5, owner_id = $6
      where bucket_id = $1 and name = $2`,
    [source.bucketId, source.name, destination.bucketId, destination.name, ownerUuid(owner), owner ?? null],
  );
  if (!rowCount) throw errors.noSuchKey();
}

/** One level of a bucket's tree under `prefix`, folders included (storage.search, RLS applies). */
export async function searchObjects(db: Queryable, bucketId: string, prefix: string, options: SearchOptions) {
  const { rows } = await db.query(
    'select * from storage.search($1, $2, $3, $4, $5, $6, $7, $8)',
    [prefix, bucketId, options.limit, 1, options.offset, options.search, options.sortColumn, options.sortOrder],
  );
  return rows;
}
