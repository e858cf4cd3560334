import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useSearchParams } from 'react-router-dom';
import { PublicPage } from '../../../components/layout/PublicPage.tsx';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Spinner } from '../../../components/ui/Spinner.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useSession } from '../../../hooks/use-session.ts';
import { verifiedTotpFactors, verifyTotp } from '../api/mfa.ts';
import { signOut } from '../api/session.ts';
import { describeAuthError } from '../../../lib/auth-errors.ts';
import { safeNextPath, withNext } from '../auth.utils.ts';
import { totpCodeSchema, type TotpCodeValues } from '../../../lib/totp-code.schema.ts';

/** The second step of signing in when the account has an authenticator app. */
export function MfaChallengePage() {
  const { session, loading, needsMfa } = useSession();
  const next = safeNextPath(useSearchParams()[0].get('next'));
  const [factorId, setFactorId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, setFocus } = useForm<TotpCodeValues>({ resolver: zodResolver(totpCodeSchema) });

  useEffect(() => {
    if (!needsMfa) return;
    verifiedTotpFactors().then(
      (factors) => setFactorId(factors[0]?.id ?? null),
      (error) => setFailure(describeAuthError(error)),
    );
  }, [needsMfa]);
  useEffect(() => {
    if (factorId) setFocus('code');
  }, [factorId, setFocus]);

  if (loading) return <Spinner label="Loading your session" />;
  if (!session) return <Navigate to={withNext('/sign-in', next)} replace />;
  if (!needsMfa) return <Navigate to={next} replace />;

  const onSubmit = handleSubmit(async ({ code }) => {
    if (!factorId) return;
    setFailure(null);
    try {
      await verifyTotp(factorId, code);
    } catch (error) {
      setFailure(describeAuthError(error));
    }
  });

  return (
    <PublicPage title="Two-step verification" description="Enter the 6-digit code your authenticator app shows for Supportdesk.">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <TextField
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          error={formState.errors.code?.message}
          {...register('code')}
        />
        {failure && <Alert>{failure}</Alert>}
        <Button type="submit" className="w-full" disabled={formState.isSubmitting || !factorId}>
          {formState.isSubmitting ? 'Verifying…' : 'Verify'}
        </Button>
      </form>
      <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
        Signed in as {session.user.email}.{' '}
        <button type="button" className="font-medium underline" onClick={() => void signOut()}>
          Use another account
        </button>
      </p>
    </PublicPage>
  );
}
