import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, toAppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { TablesUpdate } from '../../../types/database.ts';
import { widgetKeys } from './keys.ts';

export type WidgetChanges = Omit<TablesUpdate<'widgets'>, 'id' | 'org_id' | 'widget_key' | 'created_at' | 'updated_at' | 'identity_secret_rotated_at'>;

/** Creates a widget with the defaults (widget.manage). */
export async function createWidget({ orgId, name }: { orgId: string; name: string }) {
  return unwrap(await supabase.from('widgets').insert({ org_id: orgId, name }).select().single());
}

/** Saves widget settings; the database normalizes domains and validates the pre-chat form. */
export async function updateWidget({ widgetId, changes }: { widgetId: string; changes: WidgetChanges }) {
  const { data, error } = await supabase.from('widgets').update(changes).eq('id', widgetId).select().maybeSingle();
  if (error) throw toAppError(error);
  if (!data) throw new AppError('You cannot change this widget.');
  return data;
}

export async function deleteWidget(widgetId: string) {
  const { data, error } = await supabase.from('widgets').delete().eq('id', widgetId).select('id');
  if (error) throw toAppError(error);
  if (!data.length) throw new AppError('You cannot delete this widget.');
}

/** Replaces the identity secret and returns the new one: shown once, never readable again. */
export async function rotateWidgetSecret(widgetId: string): Promise<string> {
  return unwrap(await supabase.rpc('rotate_widget_secret', { widget_id: widgetId }));
}

function useWidgetMutation<TVariables, TData>(orgId: string, mutationFn: (variables: TVariables) => Promise<TData>, successMessage?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { successMessage },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: widgetKeys.list(orgId) }),
  });
}

export const useCreateWidgetMutation = (orgId: string) => useWidgetMutation(orgId, createWidget, 'Widget created');
export const useUpdateWidgetMutation = (orgId: string, successMessage = 'Widget saved') => useWidgetMutation(orgId, updateWidget, successMessage);
export const useDeleteWidgetMutation = (orgId: string) => useWidgetMutation(orgId, deleteWidget, 'Widget deleted');
export const useRotateSecretMutation = (orgId: string) => useWidgetMutation(orgId, rotateWidgetSecret);
