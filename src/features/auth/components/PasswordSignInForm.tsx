import { zodResolver } from '@hookform/resolvers/zod';
import { AuthError } from '@supabase/supabase-js';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { TextLink } from '../../../components/ui/TextLink.tsx';
import { signInWithPassword } from '../api/sign-in.ts';
import { resendConfirmation } from '../api/sign-up.ts';
import { describeAuthError } from '../../../lib/auth-errors.ts';
import { signInSchema, type SignInValues } from '../sign-in.schema.ts';

/** Email and password. On success the session changes and GuestOnly moves the user on. */
export function PasswordSignInForm({ next }: { next: string }) {
  const [failure, setFailure] = useState<{ message: string; unconfirmed: boolean } | null>(null);
  const { register, handleSubmit, formState, getValues } = useForm<SignInValues>({ resolver: zodResolver(signInSchema) });

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setFailure(null);
    try {
      await signInWithPassword(email, password);
    } catch (error) {
      setFailure({ message: describeAuthError(error), unconfirmed: error instanceof AuthError && error.code === 'email_not_confirmed' });
    }
  });

  const resend = async () => {
    try {
      await resendConfirmation(getValues('email'), next);
      toast.success('We sent you a new confirmation email.');
    } catch (error) {
      toast.error(describeAuthError(error));
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField label="Email" type="email" autoComplete="email" error={formState.errors.email?.message} {...register('email')} />
      <TextField label="Password" type="password" autoComplete="current-password" error={formState.errors.password?.message} {...register('password')} />
      <p className="text-right text-sm">
        <TextLink to="/forgot-password">Forgot your password?</TextLink>
      </p>
      {failure && (
        <Alert>
          {failure.message}
          {failure.unconfirmed && (
            <button type="button" onClick={resend} className="ml-1 font-medium underline">
              Send the link again
            </button>
          )}
        </Alert>
      )}
      <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
