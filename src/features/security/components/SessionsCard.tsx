import { LogOut, Monitor, MonitorSmartphone, Smartphone } from 'lucide-react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { Alert } from '../../../components/ui/Alert.tsx';
import { useUserId } from '../../../hooks/use-session.ts';
import { formatDateTime, relativeTime } from '../../../lib/format.ts';
import { useRevokeSessionMutation } from '../api/session-revoke-mutation.ts';
import { useSessionsQuery, type UserSession } from '../api/sessions-query.ts';
import { useSignOutOthersMutation } from '../api/sign-out-others-mutation.ts';
import { parseUserAgent } from '../user-agent.utils.ts';

/** Where the user is signed in; any other device can be signed out. */
export function SessionsCard() {
  const userId = useUserId();
  const sessions = useSessionsQuery(userId);
  const signOutOthers = useSignOutOthersMutation(userId);
  const others = sessions.data?.filter((session) => !session.is_current).length ?? 0;
  return (
    <Card
      title="Where you’re signed in"
      actions={
        <Button variant="secondary" size="sm" onClick={() => signOutOthers.mutate()} disabled={!others || signOutOthers.isPending}>
          <LogOut aria-hidden className="h-4 w-4" />
          Sign out everywhere else
        </Button>
      }
    >
      {sessions.isPending && <SkeletonRows rows={2} label="your sessions" />}
      {sessions.isError && <Alert>{sessions.error.message}</Alert>}
      {sessions.data?.length === 0 && (
        <EmptyState icon={MonitorSmartphone} title="No active sessions">
          Sessions appear here when you sign in on a device.
        </EmptyState>
      )}
      {!!sessions.data?.length && (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {sessions.data.map((session) => (
            <SessionRow key={session.id} session={session} userId={userId} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function SessionRow({ session, userId }: { session: UserSession; userId: string }) {
  const revoke = useRevokeSessionMutation(userId);
  const device = parseUserAgent(session.user_agent);
  const Icon = device.mobile ? Smartphone : Monitor;
  return (
    <li className="flex flex-wrap items-center gap-3 py-3">
      <Icon aria-hidden className="h-5 w-5 shrink-0 text-slate-600 dark:text-slate-400" />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900 dark:text-slate-50">
          {device.label}
          {session.is_current && <Badge tone="success">This device</Badge>}
          {session.aal === 'aal2' && <Badge tone="brand">Two-step verified</Badge>}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {session.ip ? `${session.ip} · ` : ''}
          <span title={formatDateTime(session.last_active_at)}>Active {relativeTime(session.last_active_at)}</span> · Signed in {formatDateTime(session.created_at)}
        </p>
      </div>
      {!session.is_current && (
        <Button variant="secondary" size="sm" onClick={() => revoke.mutate(session.id)} disabled={revoke.isPending}>
          Sign out<span className="sr-only"> {device.label}</span>
        </Button>
      )}
    </li>
  );
}
