import { Card } from '../../../components/ui/Card.tsx';
import { Checkbox } from '../../../components/ui/Checkbox.tsx';
import { TextLink } from '../../../components/ui/TextLink.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useUpdateWidgetMutation } from '../api/widget-mutations.ts';
import type { Widget } from '../api/widgets-query.ts';

const TOGGLES = [
  { column: 'offline_mode', label: 'Continue by email', description: 'Visitors leave their email; agents’ replies are emailed to them.' },
  { column: 'csat_enabled', label: 'Ask for a rating', description: 'When a conversation is resolved, visitors may rate it from 1 to 5.' },
] as const;

/** Offline mode and satisfaction ratings; business hours live with the organization's settings. */
export function BehaviourCard({ widget }: { widget: Widget }) {
  const { org } = useCurrentOrg();
  const canEditHours = useCan('org.manage');
  const update = useUpdateWidgetMutation(org.id, 'Widget saved');
  return (
    <Card title="When nobody can answer" description="Outside business hours, or when no agent is online.">
      <div className="space-y-4">
        {TOGGLES.map((toggle) => (
          <Checkbox
            key={toggle.column}
            label={toggle.label}
            description={toggle.description}
            checked={widget[toggle.column]}
            disabled={update.isPending}
            onChange={(event) => update.mutate({ widgetId: widget.id, changes: { [toggle.column]: event.target.checked } })}
          />
        ))}
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {canEditHours ? (
            <>
              Business hours and holidays are set in <TextLink to={`/o/${org.slug}/settings/organization`}>organization settings</TextLink>.
            </>
          ) : (
            'Business hours and holidays are set by your organization’s administrators.'
          )}
        </p>
      </div>
    </Card>
  );
}
