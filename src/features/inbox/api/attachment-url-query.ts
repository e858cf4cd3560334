import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { inboxKeys } from './keys.ts';

const TEN_MINUTES = 600;

/** A short-lived signed URL for a chat file (the bucket is private; Storage RLS decides who may sign). */
export async function fetchAttachmentUrl(path: string): Promise<string> {
  return unwrap(await supabase.storage.from('chat-attachments').createSignedUrl(path, TEN_MINUTES)).signedUrl;
}

export function useAttachmentUrlQuery(path: string) {
  return useQuery({ queryKey: inboxKeys.attachmentUrl(path), queryFn: () => fetchAttachmentUrl(path), staleTime: (TEN_MINUTES - 60) * 1000 });
}
