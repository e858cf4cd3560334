import { MailCheck } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { PublicPage } from '../../../components/layout/PublicPage.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { TextLink } from '../../../components/ui/TextLink.tsx';
import { resendConfirmation } from '../api/sign-up.ts';
import { describeAuthError } from '../../../lib/auth-errors.ts';

/** After sign-up: the account exists but must be confirmed from the email. */
export function CheckEmailNotice({ email, next }: { email: string; next: string }) {
  const [sending, setSending] = useState(false);
  const resend = async () => {
    setSending(true);
    try {
      await resendConfirmation(email, next);
      toast.success('We sent the confirmation email again.');
    } catch (error) {
      toast.error(describeAuthError(error));
    } finally {
      setSending(false);
    }
  };
  return (
    <PublicPage title="Check your email">
      <div className="flex gap-3">
        <MailCheck aria-hidden className="h-6 w-6 shrink-0 text-emerald-700 dark:text-emerald-400" />
        <div className="space-y-3 text-sm text-slate-700 dark:text-slate-300" role="status">
          <p>
            We sent a confirmation link to <strong className="text-slate-900 dark:text-slate-50">{email}</strong>. Open it to finish creating your account.
          </p>
          <p>Nothing there? Check your spam folder, or send it again.</p>
        </div>
      </div>
      <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
        <Button variant="secondary" onClick={resend} disabled={sending}>
          {sending ? 'Sending…' : 'Send it again'}
        </Button>
        <TextLink to="/sign-in">Back to sign in</TextLink>
      </div>
    </PublicPage>
  );
}
