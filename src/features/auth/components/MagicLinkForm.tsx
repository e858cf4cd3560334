import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { sendMagicLink } from '../api/sign-in.ts';
import { describeAuthError } from '../../../lib/auth-errors.ts';
import { emailLinkSchema, type EmailLinkValues } from '../email-link.schema.ts';

/** Emails a one-time sign-in link. */
export function MagicLinkForm({ next }: { next: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<EmailLinkValues>({ resolver: zodResolver(emailLinkSchema) });

  const onSubmit = handleSubmit(async ({ email }) => {
    setFailure(null);
    try {
      await sendMagicLink(email, next);
      setSentTo(email);
    } catch (error) {
      setFailure(describeAuthError(error));
    }
  });

  if (sentTo) {
    return (
      <Alert tone="success" title="Check your email">
        We sent a sign-in link to <strong>{sentTo}</strong>. Open it on this device to continue.
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField label="Email" type="email" autoComplete="email" error={formState.errors.email?.message} {...register('email')} />
      {failure && <Alert>{failure}</Alert>}
      <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Sending…' : 'Email me a sign-in link'}
      </Button>
    </form>
  );
}
