import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { organizationKeys } from './keys.ts';

export async function removeHoliday(id: string) {
  unwrap(await supabase.from('organization_holidays').delete().eq('id', id));
}

export function useRemoveHolidayMutation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeHoliday,
    meta: { successMessage: 'Holiday removed' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.holidays(orgId) }),
  });
}
