import type { Queryable } from './db.ts';
import { errors, onDuplicate } from './errors.ts';

export interface Bucket {
  id: string;
  name: string;
  owner: string | null;
  public: boolean;
  type: string;
  file_size_limit: number | null;
  allowed_mime_types: string[] | null;
  created_at: Date;
  updated_at: Date;
}

export interface BucketSettings {
  public?: boolean;
  file_size_limit?: number | null;
  allowed_mime_types?: string[] | null;
}

export interface BucketListOptions {
  limit?: number;
  offset?: number;
  sortColumn: 'id' | 'name' | 'created_at' | 'updated_at';
  sortOrder: 'asc' | 'desc';
  search?: string;
}

const BUCKET_COLUMNS =
  'id, name, owner, public, type, file_size_limit, allowed_mime_types, created_at, updated_at';

/** The bucket, or NoSuchBucket. With the admin client this ignores RLS (object routes' lookups). */
export async function findBucket(db: Queryable, id: string): Promise<Bucket> {
  const { rows } = await db.query<Bucket>(`select ${BUCKET_COLUMNS} from storage.buckets where id = $1`, [id]);
  if (!rows[0]) throw errors.noSuchBucket();
  return rows[0];
}

export async function listBuckets(db: Queryable, options: BucketListOptions): Promise<Bucket[]> {
  const { rows } = await db.query<Bucket>(
    `select ${BUCKET_COLUMNS} from storage.buckets
      where $1::text is null or name ilike '%' || $1 || '%'
      order by ${options.sortColumn} ${options.sortOrder}
      limit $2 offset $3`,
    [options.search ?? null, options.limit ?? null, options.offset ?? 0],
  );
  return rows;
}

export async function insertBucket(
  db: Queryable,
  bucket: { id: string; name: string; owner?: string } & BucketSettings,
): Promise<void> {
  await onDuplicate(
    () =>
      db.query(
        `insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          bucket.id,
          bucket.name,
          ownerUuid(bucket.owner),
          bucket.owner ?? null,
          bucket.public ?? false,
          bucket.file_size_limit ?? null,
          bucket.allowed_mime_types ?? null,
        ],
      ),
    errors.bucketAlreadyExists,
  );
}

/** Updates only the settings present; NoSuchBucket when no visible row matched. */
export async function updateBucket(db: Queryable, id: string, settings: BucketSettings): Promise<void> {
  const { rowCount } = await db.query(
    `update storage.buckets set
       public = case when $2 then $3 else public end,
       file_size_limit = case when $4 then $5 else file_size_limit end,
       allowed_mime_types = case when $6 then $7::text[] else allowed_mime_types end,
       updated_at = now()
     where id = $1`,
    [
      id,
      settings.public !== undefined,
      settings.public ?? null,
      settings.file_size_limit !== undefined,
      settings.file_size_limit ?? null,
      settings.allowed_mime_types !== undefined,
      settings.allowed_mime_types ?? null,
    ],
  );
  if (!rowCount) throw errors.noSuchBucket();
}

export async function deleteBucketRow(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from storage.buckets where id = $1', [id]);
  return Boolean(rowCount);
}

export async function bucketHasObjects(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from storage.objects where bucket_id = $1 limit 1', [id]);
  return rows.length > 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The deprecated uuid `owner` column only takes uuids; `owner_id` keeps any subject. */
export function ownerUuid(owner: string | undefined): string | null {
  return owner && UUID.test(owner) ? owner : null;
}
