import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { useUserId } from '../../../hooks/use-session.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useTotpFactorsQuery } from '../api/factors-query.ts';
import { useRemoveFactorMutation } from '../api/factor-remove-mutation.ts';
import { useEnrollTotpMutation } from '../api/totp-enroll-mutation.ts';
import { TotpEnrollDialog } from './TotpEnrollDialog.tsx';

/** Two-step verification with an authenticator app (TOTP). */
export function TwoFactorCard() {
  const userId = useUserId();
  const factors = useTotpFactorsQuery(userId);
  const remove = useRemoveFactorMutation(userId);
  const enroll = useEnrollTotpMutation();
  const [enrolling, setEnrolling] = useState(false);
  const startEnrolling = () => {
    enroll.mutate();
    setEnrolling(true);
  };
  const [removing, setRemoving] = useState<string | null>(null);
  const verified = factors.data?.filter((factor) => factor.status === 'verified') ?? [];

  return (
    <Card
      title="Two-step verification"
      description="Ask for a code from an authenticator app each time you sign in."
      actions={factors.data && <Badge tone={verified.length ? 'success' : 'neutral'}>{verified.length ? 'On' : 'Off'}</Badge>}
    >
      {factors.isPending && <SkeletonRows rows={1} label="authenticator apps" />}
      {factors.data && verified.length === 0 && (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-700 dark:text-slate-300">Use an app such as 1Password, Authy or Google Authenticator.</p>
          <Button onClick={startEnrolling}>
            <ShieldCheck aria-hidden className="h-4 w-4" />
            Set up an authenticator app
          </Button>
        </div>
      )}
      {verified.length > 0 && (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {verified.map((factor) => (
            <li key={factor.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
              <span>
                <span className="font-medium text-slate-900 dark:text-slate-50">{factor.friendly_name || 'Authenticator app'}</span>
                <span className="block text-sm text-slate-600 dark:text-slate-400">Added {formatDateTime(factor.created_at)}</span>
              </span>
              <Button variant="secondary" size="sm" onClick={() => setRemoving(factor.id)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <TotpEnrollDialog open={enrolling} enroll={enroll} onClose={() => setEnrolling(false)} />
      <ConfirmDialog
        open={removing !== null}
        title="Turn off two-step verification?"
        confirmLabel="Remove authenticator"
        busy={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing, { onSettled: () => setRemoving(null) })}
      >
        Signing in will only need your password. You can set it up again at any time.
      </ConfirmDialog>
    </Card>
  );
}
