import { KeyRound } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import { Checkbox } from '../../../components/ui/Checkbox.tsx';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useRotateSecretMutation, useUpdateWidgetMutation } from '../api/widget-mutations.ts';
import type { Widget } from '../api/widgets-query.ts';
import { CopyButton } from './CopyButton.tsx';

/**
 * Identity verification: the host site's server signs each signed-in user's id with this secret
 * (HMAC-SHA256), so nobody can chat as someone else. The secret is shown once, right after rotating.
 */
export function IdentityCard({ widget }: { widget: Widget }) {
  const { org } = useCurrentOrg();
  const update = useUpdateWidgetMutation(org.id, 'Identity setting saved');
  const rotate = useRotateSecretMutation(org.id);
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const hasSecret = Boolean(widget.identity_secret_rotated_at);

  const doRotate = () =>
    rotate.mutate(widget.id, {
      onSuccess: (fresh) => {
        setSecret(fresh);
        setConfirming(false);
      },
    });

  return (
    <Card
      title="Identity verification"
      description={hasSecret ? `Secret last rotated ${formatDateTime(widget.identity_secret_rotated_at!)}.` : 'No identity secret yet.'}
      actions={
        <Button variant="secondary" onClick={() => (hasSecret ? setConfirming(true) : doRotate())} disabled={rotate.isPending}>
          <KeyRound aria-hidden className="h-4 w-4" /> {hasSecret ? 'Rotate secret' : 'Create secret'}
        </Button>
      }
    >
      <div className="space-y-4">
        {secret && (
          <Alert tone="warning" title="Copy the new secret now: it is not shown again">
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code aria-label="Identity secret" className="break-all rounded bg-white/70 px-2 py-1 font-mono text-xs text-slate-900">
                {secret}
              </code>
              <CopyButton text={secret} label="Copy secret" />
            </div>
            <p className="mt-2">Set it on your server and compute hex(HMAC-SHA256(secret, user id)) for each signed-in user.</p>
          </Alert>
        )}
        <Checkbox
          label="Require verified identity"
          description={hasSecret ? 'Only signed-in users of your site, with a valid hash, can chat.' : 'Create a secret and set it on your server first.'}
          checked={widget.require_verified_identity}
          disabled={!hasSecret || update.isPending}
          onChange={(event) => update.mutate({ widgetId: widget.id, changes: { require_verified_identity: event.target.checked } })}
        />
      </div>
      <ConfirmDialog open={confirming} title="Rotate the identity secret?" confirmLabel="Rotate secret" busy={rotate.isPending} onConfirm={doRotate} onClose={() => setConfirming(false)}>
        The current secret stops working at once: signed-in visitors cannot chat until your server uses the new one.
      </ConfirmDialog>
    </Card>
  );
}
