import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, toAppError } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { TablesUpdate } from '../../../types/database.ts';
import { organizationKeys } from './keys.ts';

export type OrganizationChanges = Pick<TablesUpdate<'organizations'>, 'name' | 'slug' | 'brand_color' | 'time_zone' | 'business_hours'>;

/** Saves organization settings (org.manage); the database validates the time zone and hours. */
export async function updateOrganization({ orgId, changes }: { orgId: string; changes: OrganizationChanges }) {
  const { data, error } = await supabase.from('organizations').update(changes).eq('id', orgId).select().maybeSingle();
  if (error?.code === '23505') throw new AppError('That address is taken.', 'Choose another address for your organization.', '23505');
  if (error) throw toAppError(error);
  if (!data) throw new AppError('You cannot change this organization.');
  return data;
}

export function useUpdateOrganizationMutation(successMessage = 'Organization saved') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganization,
    meta: { successMessage },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.all }),
  });
}
