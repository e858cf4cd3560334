import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, toAppError, unwrap } from '../../../lib/errors.ts';
import { invalidateOrgQueries } from '../../../lib/org-queries.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { SavedReplyValues } from '../saved-reply.schema.ts';

/** Creates a personal reply (owner: the caller) or a shared one (replies.manage; RLS refuses otherwise). */
export async function createSavedReply({ orgId, userId, values }: { orgId: string; userId: string; values: SavedReplyValues }): Promise<void> {
  const { title, body, scope } = values;
  const { error } = await supabase.from('saved_replies').insert({ org_id: orgId, owner_id: scope === 'personal' ? userId : null, title, body });
  if (error?.code === '42501') throw new AppError('You cannot create shared replies.', 'Save it as a personal reply, or ask someone who manages saved replies.', '42501');
  if (error) throw toAppError(error);
}

/** Edits a reply's title and text (whether it is shared is fixed when it is created). */
export async function updateSavedReply({ id, values }: { id: string; values: Pick<SavedReplyValues, 'title' | 'body'> }): Promise<void> {
  const updated = unwrap(await supabase.from('saved_replies').update({ title: values.title, body: values.body }).eq('id', id).select('id'));
  if (!updated.length) throw new AppError('You cannot change this reply.', 'It may have been deleted: reload the page.');
}

export async function deleteSavedReply(id: string): Promise<void> {
  const deleted = unwrap(await supabase.from('saved_replies').delete().eq('id', id).select('id'));
  if (!deleted.length) throw new AppError('You cannot delete this reply.', 'It may have been deleted already: reload the page.');
}

/** A change to the replies, then a refresh of every copy (this page and both composers' pickers). */
function useSavedReplyMutation<T>(orgId: string, mutationFn: (input: T) => Promise<void>, successMessage: string, silentError = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { successMessage, silentError },
    onSettled: () => invalidateOrgQueries(queryClient, orgId, 'saved-replies'),
  });
}

export const useCreateSavedReplyMutation = (orgId: string) => useSavedReplyMutation(orgId, createSavedReply, 'Saved reply created', true);
export const useUpdateSavedReplyMutation = (orgId: string) => useSavedReplyMutation(orgId, updateSavedReply, 'Saved reply saved', true);
export const useDeleteSavedReplyMutation = (orgId: string) => useSavedReplyMutation(orgId, deleteSavedReply, 'Saved reply deleted');
