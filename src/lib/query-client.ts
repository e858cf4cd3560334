import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { toAppError } from './errors.ts';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** Toast shown when the mutation succeeds. */
      successMessage?: string;
      /** Set when the caller shows the error itself (e.g. inline in a form). */
      silentError?: boolean;
    };
  }
}

/** Mutations toast their outcome by default; callers opt out with `meta.silentError`. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache(),
    mutationCache: new MutationCache({
      onSuccess: (_data, _variables, _context, mutation) => {
        if (mutation.meta?.successMessage) toast.success(mutation.meta.successMessage);
      },
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.silentError) return;
        const described = toAppError(error);
        toast.error(described.message, { description: described.hint });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => failureCount < 2 && !toAppError(error).code,
      },
    },
  });
}
