import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, toAppError } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { organizationKeys } from './keys.ts';

export async function addHoliday({ orgId, day, name }: { orgId: string; day: string; name: string }) {
  const { error } = await supabase.from('organization_holidays').insert({ org_id: orgId, day, name });
  if (error?.code === '23505') throw new AppError('That day is already a holiday.');
  if (error) throw toAppError(error);
}

export function useAddHolidayMutation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { day: string; name: string }) => addHoliday({ orgId, ...input }),
    meta: { successMessage: 'Holiday added' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.holidays(orgId) }),
  });
}
