import { useEffect, useState } from 'react';
import { Button } from '../components/ui/Button.tsx';
import { Spinner } from '../components/ui/Spinner.tsx';
import { fetchDatabaseIdentity, signOut } from '../features/auth/api/session.ts';

type Identity = Awaited<ReturnType<typeof fetchDatabaseIdentity>>;

/** Signed-in landing page: confirms who the database thinks you are. */
export function HomePage() {
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    fetchDatabaseIdentity().then(setIdentity, (error: Error) => setFailure(error.message));
  }, []);
  return (
    <main className="mx-auto max-w-2xl px-6 py-12">
      <header className="mb-8 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Supportdesk</h1>
        <Button variant="secondary" onClick={() => signOut()}>
          Sign out
        </Button>
      </header>
      {failure && <p role="alert">{failure}</p>}
      {!identity && !failure && <Spinner label="Loading your account" />}
      {identity && (
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 rounded-lg border border-slate-200 bg-white p-6 text-sm dark:border-slate-800 dark:bg-slate-900">
          <dt className="font-medium">Signed in as</dt>
          <dd>{identity.email}</dd>
          <dt className="font-medium">Database role</dt>
          <dd>{identity.role}</dd>
          <dt className="font-medium">User id</dt>
          <dd className="font-mono">{identity.uid}</dd>
        </dl>
      )}
    </main>
  );
}
