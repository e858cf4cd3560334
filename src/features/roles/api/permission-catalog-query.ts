import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { roleKeys } from './keys.ts';

/** Every permission a role can hold, with what it allows. */
export async function fetchPermissionCatalog(signal: AbortSignal) {
  return unwrap(await supabase.from('permissions').select('key, description').order('key').abortSignal(signal));
}

export function usePermissionCatalogQuery() {
  return useQuery({ queryKey: roleKeys.catalog(), queryFn: ({ signal }) => fetchPermissionCatalog(signal), staleTime: Infinity });
}
