import { AppError, toAppError } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { trackUploadProgress } from '../../../lib/upload-progress-fetch.ts';
import { storageSafeName } from '../portal.utils.ts';

export const ATTACHMENTS_BUCKET = 'ticket-attachments';

export interface UploadTarget {
  orgId: string;
  ticketId: string;
  /** The reply the files belong to; the ticket itself when absent. */
  commentId?: string;
}

/**
 * Uploads files one after the other under the ticket's (or reply's) folder, reporting each file's
 * progress; the display name travels as metadata. Stops at the first refusal.
 */
export async function uploadAttachments(target: UploadTarget, files: File[], onProgress: (index: number, fraction: number) => void) {
  for (const [index, file] of files.entries()) {
    const path = `${target.orgId}/${target.ticketId}/${target.commentId ?? 'ticket'}/${crypto.randomUUID()}-${storageSafeName(file.name)}`;
    const stopTracking = trackUploadProgress(`/object/${ATTACHMENTS_BUCKET}/${path}`, (fraction) => onProgress(index, fraction));
    try {
      const { error } = await supabase.storage.from(ATTACHMENTS_BUCKET).upload(path, file, { contentType: file.type, metadata: { filename: file.name } });
      if (error) throw new AppError(`${file.name} could not be attached: ${toAppError(error).message}`);
    } finally {
      stopTracking();
    }
  }
}

/**
 * Uploads the files of something already saved (a ticket, a reply): a refused file is returned as a
 * message rather than thrown, so that the saved part is not sent again.
 */
export async function attachAfterSaving(target: UploadTarget, files: File[], onProgress: (index: number, fraction: number) => void) {
  try {
    await uploadAttachments(target, files, onProgress);
    return null;
  } catch (error) {
    return toAppError(error).message;
  }
}

/** A short-lived link to download an attachment the caller may read. */
export async function attachmentUrl(storagePath: string): Promise<string> {
  const { data, error } = await supabase.storage.from(ATTACHMENTS_BUCKET).createSignedUrl(storagePath, 60, { download: true });
  if (error) throw toAppError(error);
  return data.signedUrl;
}
