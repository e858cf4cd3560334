import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { PublicPage } from '../../../components/layout/PublicPage.tsx';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { TextLink } from '../../../components/ui/TextLink.tsx';
import { sendPasswordReset } from '../api/password.ts';
import { describeAuthError } from '../../../lib/auth-errors.ts';
import { emailLinkSchema, type EmailLinkValues } from '../email-link.schema.ts';

/** Sends a password-recovery link (the answer is the same whether or not the account exists). */
export function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<EmailLinkValues>({ resolver: zodResolver(emailLinkSchema) });

  const onSubmit = handleSubmit(async ({ email }) => {
    setFailure(null);
    try {
      await sendPasswordReset(email);
      setSentTo(email);
    } catch (error) {
      setFailure(describeAuthError(error));
    }
  });

  return (
    <PublicPage
      title="Reset your password"
      description="We will email you a link to choose a new password."
      footer={<TextLink to="/sign-in">Back to sign in</TextLink>}
    >
      {sentTo ? (
        <Alert tone="success" title="Check your email">
          If an account uses <strong>{sentTo}</strong>, a reset link is on its way. It works once and expires in an hour.
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <TextField label="Email" type="email" autoComplete="email" error={formState.errors.email?.message} {...register('email')} />
          {failure && <Alert>{failure}</Alert>}
          <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Sending…' : 'Send reset link'}
          </Button>
        </form>
      )}
    </PublicPage>
  );
}
