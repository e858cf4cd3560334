import type { SupabaseClient } from '@supabase/supabase-js';
import { HttpError } from '../_shared/http.ts';

interface QueuedDeletion {
  id: number;
  bucket_id: string;
  object_name: string;
}

function groupByBucket(deletions: QueuedDeletion[]): Map<string, QueuedDeletion[]> {
  const buckets = new Map<string, QueuedDeletion[]>();
  for (const deletion of deletions) {
    const group = buckets.get(deletion.bucket_id) ?? [];
    group.push(deletion);
    buckets.set(deletion.bucket_id, group);
  }
  return buckets;
}

/**
 * Removes one batch of queued objects through the Storage API, one request per bucket. The queue RPCs
 * are executable by the service role only, so any other caller is refused by the database itself.
 */
export async function purgeQueuedFiles(supabase: SupabaseClient, batchSize: number) {
  const { data, error } = await supabase.rpc('service_role_claim_storage_deletions', { batch_size: batchSize });
  if (error) {
    if (error.code === '42501') throw new HttpError(403, 'forbidden', 'Only the service role purges deleted files.');
    throw new Error(`claiming deletions failed: ${error.message}`);
  }
  let removed = 0;
  let failed = 0;
  for (const [bucket, deletions] of groupByBucket((data ?? []) as QueuedDeletion[])) {
    const removal = await supabase.storage.from(bucket).remove(deletions.map((d) => d.object_name));
    const failure = removal.error ? removal.error.message : null;
    if (failure) failed += deletions.length;
    else removed += deletions.length;
    for (const deletion of deletions) {
      const finish = await supabase.rpc('service_role_finish_storage_deletion', { deletion_id: deletion.id, error: failure });
      if (finish.error) console.error('recording a file removal failed', { id: deletion.id, error: finish.error.message });
    }
  }
  return { removed, failed };
}
