import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { Spinner } from '../../../components/ui/Spinner.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { toAppError } from '../../../lib/errors.ts';
import { totpCodeSchema, type TotpCodeValues } from '../../../lib/totp-code.schema.ts';
import type { useEnrollTotpMutation } from '../api/totp-enroll-mutation.ts';
import { cancelTotpEnrollment, useVerifyTotpMutation } from '../api/totp-verify-mutation.ts';

interface TotpEnrollDialogProps {
  open: boolean;
  /** The enrolment, started by whoever opened the dialog (once, not on every render). */
  enroll: ReturnType<typeof useEnrollTotpMutation>;
  onClose: () => void;
}

/** Scan the QR code (or type the key), then prove it works with a first code. */
export function TotpEnrollDialog({ open, enroll, onClose }: TotpEnrollDialogProps) {
  const verify = useVerifyTotpMutation();
  const { register, handleSubmit, formState, reset } = useForm<TotpCodeValues>({ resolver: zodResolver(totpCodeSchema) });

  /** Closing before a code was verified drops the half-made factor. */
  const close = (abandon = true) => {
    if (abandon && enroll.data) void cancelTotpEnrollment(enroll.data.factorId);
    enroll.reset();
    verify.reset();
    reset();
    onClose();
  };

  const onSubmit = handleSubmit(async ({ code }) => {
    if (!enroll.data) return;
    await verify.mutateAsync({ factorId: enroll.data.factorId, code }).then(() => close(false), () => undefined);
  });

  return (
    <Dialog open={open} title="Set up an authenticator app" description="Scan the code with your app, then enter the 6-digit code it shows." onClose={() => close()}>
      {enroll.isPending && <Spinner inline label="Preparing your code" />}
      {enroll.isError && <Alert>{toAppError(enroll.error).message}</Alert>}
      {enroll.data && (
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <div className="flex flex-col items-center gap-3 sm:flex-row sm:items-start">
            <img src={enroll.data.qrImage} alt="QR code to scan with your authenticator app" className="h-44 w-44 rounded border border-slate-200 bg-white p-2" />
            <div className="min-w-0 text-sm">
              <p className="text-slate-700 dark:text-slate-300">Can’t scan it? Enter this key in your app:</p>
              <p data-testid="totp-secret" className="mt-1 break-all rounded bg-slate-100 px-2 py-1 font-mono text-slate-900 dark:bg-slate-800 dark:text-slate-100">
                {enroll.data.secret}
              </p>
            </div>
          </div>
          <TextField label="Code from the app" inputMode="numeric" autoComplete="one-time-code" maxLength={6} error={formState.errors.code?.message} {...register('code')} />
          {verify.isError && <Alert>{toAppError(verify.error).message}</Alert>}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => close()}>
              Cancel
            </Button>
            <Button type="submit" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? 'Verifying…' : 'Verify and turn on'}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
