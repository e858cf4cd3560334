import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Toaster } from 'sonner';
import { SessionProvider } from '../features/auth/SessionProvider.tsx';
import { useSession } from '../hooks/use-session.ts';
import { useTheme } from '../hooks/use-theme.ts';
import { createQueryClient } from '../lib/query-client.ts';

/** Server state, the session, and toasts (themed like the page). */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { dark } = useTheme();
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <ForgetOtherUsersData />
        {children}
        <Toaster theme={dark ? 'dark' : 'light'} closeButton position="top-right" />
      </SessionProvider>
    </QueryClientProvider>
  );
}

/** Cached server data belongs to one user: drop it whenever the signed-in user changes. */
function ForgetOtherUsersData() {
  const queryClient = useQueryClient();
  const userId = useSession().session?.user.id ?? null;
  const previous = useRef(userId);
  useEffect(() => {
    if (previous.current !== userId) queryClient.clear();
    previous.current = userId;
  }, [userId, queryClient]);
  return null;
}
