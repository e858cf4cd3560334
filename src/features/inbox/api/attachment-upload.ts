import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { Attachment } from './messages-query.ts';

/** What the chat-attachments bucket accepts (see the chat-attachments migration). */
export const CHAT_FILE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain', 'text/csv'];
export const CHAT_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const CHAT_FILES_PER_MESSAGE = 5;

/** A storage-safe object name that keeps the file's extension; the display name travels separately. */
function objectName(file: File): string {
  const extension = /\.[a-z0-9]{1,8}$/i.exec(file.name)?.[0].toLowerCase() ?? '';
  return `${crypto.randomUUID()}${extension}`;
}

/** Uploads a file into the conversation's folder (<org_id>/<conversation_id>/…), for a message to attach. */
export async function uploadChatAttachment(orgId: string, conversationId: string, file: File): Promise<Pick<Attachment, 'path' | 'name'>> {
  const path = `${orgId}/${conversationId}/${objectName(file)}`;
  unwrap(await supabase.storage.from('chat-attachments').upload(path, file, { contentType: file.type }));
  return { path, name: file.name.slice(0, 200) };
}
