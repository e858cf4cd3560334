import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useUserId } from '../../../hooks/use-session.ts';
import { toAppError } from '../../../lib/errors.ts';
import { newPasswordSchema, PASSWORD_HINT, type NewPasswordValues } from '../../../lib/password-rules.ts';
import { useChangePasswordMutation } from '../api/password-change-mutation.ts';

export function ChangePasswordCard() {
  const change = useChangePasswordMutation(useUserId());
  const { register, handleSubmit, formState, reset } = useForm<NewPasswordValues>({ resolver: zodResolver(newPasswordSchema) });
  const onSubmit = handleSubmit(async ({ password }) => {
    await change.mutateAsync(password).then(() => reset(), () => undefined);
  });
  return (
    <Card title="Password" description="Changing it signs you out on every other device.">
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        <TextField label="New password" type="password" autoComplete="new-password" hint={PASSWORD_HINT} error={formState.errors.password?.message} {...register('password')} />
        <TextField label="Repeat the new password" type="password" autoComplete="new-password" error={formState.errors.confirm?.message} {...register('confirm')} />
        {change.isError && (
          <div className="sm:col-span-2">
            <Alert>{toAppError(change.error).message}</Alert>
          </div>
        )}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Changing…' : 'Change password'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
