import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { toast } from 'sonner';
import { PublicPage } from '../../../components/layout/PublicPage.tsx';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Spinner } from '../../../components/ui/Spinner.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { TextLink } from '../../../components/ui/TextLink.tsx';
import { useSession } from '../../../hooks/use-session.ts';
import { newPasswordSchema, PASSWORD_HINT, type NewPasswordValues } from '../../../lib/password-rules.ts';
import { setNewPassword } from '../api/password.ts';
import { describeAuthError } from '../../../lib/auth-errors.ts';

/** Where the recovery link lands (signed in by the link, event PASSWORD_RECOVERY): choose a new password. */
export function ResetPasswordPage() {
  const { session, loading, linkError, finishRecovery } = useSession();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<NewPasswordValues>({ resolver: zodResolver(newPasswordSchema) });

  if (loading) return <Spinner label="Checking your link" />;
  if (!session) {
    return (
      <PublicPage title="This link does not work">
        <Alert>{linkError ?? 'Open the reset link from your latest email, or ask for a new one.'}</Alert>
        <p className="mt-4 text-sm">
          <TextLink to="/forgot-password">Send me a new reset link</TextLink>
        </p>
      </PublicPage>
    );
  }

  const onSubmit = handleSubmit(async ({ password }) => {
    setFailure(null);
    try {
      await setNewPassword(password);
      finishRecovery();
      toast.success('Your password was changed.');
      navigate('/', { replace: true });
    } catch (error) {
      setFailure(describeAuthError(error));
    }
  });

  return (
    <PublicPage title="Choose a new password" description={<>For {session.user.email}.</>}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <TextField label="New password" type="password" autoComplete="new-password" hint={PASSWORD_HINT} error={formState.errors.password?.message} {...register('password')} />
        <TextField label="Repeat the new password" type="password" autoComplete="new-password" error={formState.errors.confirm?.message} {...register('confirm')} />
        {failure && <Alert>{failure}</Alert>}
        <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Saving…' : 'Save new password'}
        </Button>
      </form>
    </PublicPage>
  );
}
