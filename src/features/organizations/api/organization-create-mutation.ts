import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, toAppError } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { organizationKeys } from './keys.ts';

export interface CreateOrganizationInput {
  name: string;
  slug: string;
}

/** Creates an organization with the caller as owner. A taken slug fails with code 23505. */
export async function createOrganization({ name, slug }: CreateOrganizationInput) {
  const { data, error } = await supabase.rpc('create_organization', { name, slug });
  if (error) {
    if (error.code === '23505') throw new AppError('That address is taken.', 'Choose another address for your organization.', '23505');
    throw toAppError(error);
  }
  return data;
}

export function useCreateOrganizationMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganization,
    meta: { silentError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.all }),
  });
}
