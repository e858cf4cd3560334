import { toAppError } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { trackUploadProgress } from '../../../lib/upload-progress-fetch.ts';
import { sanitizeFileName } from '../ticket-detail.utils.ts';

/**
 * Stores a file of a comment at <org>/<ticket>/<comment>/<uuid>-<sanitized name> (the path the
 * bucket's policies expect), reporting progress 0…1. The database records it as an attachment.
 */
export async function uploadCommentFile(
  target: { orgId: string; ticketId: string; commentId: string },
  file: File,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const name = sanitizeFileName(file.name);
  const path = `${target.orgId}/${target.ticketId}/${target.commentId}/${crypto.randomUUID()}-${name}`;
  const stop = trackUploadProgress(path, onProgress);
  try {
    const { error } = await supabase.storage.from('ticket-attachments').upload(path, file, { contentType: file.type, metadata: { filename: name } });
    if (error) throw toAppError(error);
  } finally {
    stop();
  }
}
