import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router-dom';
import { PublicPage } from '../../../components/layout/PublicPage.tsx';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { TextLink } from '../../../components/ui/TextLink.tsx';
import { PASSWORD_HINT } from '../../../lib/password-rules.ts';
import { signUp } from '../api/sign-up.ts';
import { describeAuthError } from '../../../lib/auth-errors.ts';
import { safeNextPath, withNext } from '../auth.utils.ts';
import { signUpSchema, type SignUpValues } from '../sign-up.schema.ts';
import { CheckEmailNotice } from './CheckEmailNotice.tsx';

/** Creates an account; the confirmation email brings the user back signed in, to `next`. */
export function SignUpPage() {
  const params = useSearchParams()[0];
  const next = safeNextPath(params.get('next'));
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<SignUpValues>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { email: params.get('email') ?? '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const { signedIn } = await signUp({ ...values, next });
      if (!signedIn) setSentTo(values.email);
    } catch (error) {
      setFailure(describeAuthError(error));
    }
  });

  if (sentTo) return <CheckEmailNotice email={sentTo} next={next} />;
  return (
    <PublicPage
      title="Create your account"
      description="Set up your support desk in a minute."
      footer={
        <>
          Already have an account? <TextLink to={withNext('/sign-in', next)}>Sign in</TextLink>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <TextField label="Your name" autoComplete="name" error={formState.errors.displayName?.message} {...register('displayName')} />
        <TextField label="Work email" type="email" autoComplete="email" error={formState.errors.email?.message} {...register('email')} />
        <TextField label="Password" type="password" autoComplete="new-password" hint={PASSWORD_HINT} error={formState.errors.password?.message} {...register('password')} />
        {failure && <Alert>{failure}</Alert>}
        <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Creating your account…' : 'Create account'}
        </Button>
      </form>
    </PublicPage>
  );
}
