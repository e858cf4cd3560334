import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PublicPage } from '../../../components/layout/PublicPage.tsx';
import { Alert } from '../../../components/ui/Alert.tsx';
import { TextLink } from '../../../components/ui/TextLink.tsx';
import { useSession } from '../../../hooks/use-session.ts';
import { safeNextPath, withNext } from '../auth.utils.ts';
import { MagicLinkForm } from './MagicLinkForm.tsx';
import { PasswordSignInForm } from './PasswordSignInForm.tsx';

type Method = 'password' | 'link';

const METHODS: { id: Method; label: string }[] = [
  { id: 'password', label: 'Password' },
  { id: 'link', label: 'Email me a link' },
];

/** Sign in with a password or a one-time email link. */
export function SignInPage() {
  const [method, setMethod] = useState<Method>('password');
  const { linkError } = useSession();
  const next = safeNextPath(useSearchParams()[0].get('next'));
  return (
    <PublicPage
      title="Sign in to Supportdesk"
      footer={
        <>
          New here? <TextLink to={withNext('/sign-up', next)}>Create an account</TextLink>
        </>
      }
    >
      {linkError && (
        <div className="mb-4">
          <Alert>{linkError}</Alert>
        </div>
      )}
      <div role="group" aria-label="How to sign in" className="mb-5 grid grid-cols-2 gap-1 rounded-md bg-slate-100 p-1 dark:bg-slate-800">
        {METHODS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            aria-pressed={method === id}
            onClick={() => setMethod(id)}
            className={`rounded px-3 py-1.5 text-sm font-medium ${method === id ? 'bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-slate-50' : 'text-slate-700 dark:text-slate-300'}`}
          >
            {label}
          </button>
        ))}
      </div>
      {method === 'password' ? <PasswordSignInForm next={next} /> : <MagicLinkForm next={next} />}
    </PublicPage>
  );
}
