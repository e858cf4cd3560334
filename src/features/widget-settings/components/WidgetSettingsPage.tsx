import { MessageCircle, Plus } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { PageHeader } from '../../../components/ui/Card.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { toAppError } from '../../../lib/errors.ts';
import { useCreateWidgetMutation } from '../api/widget-mutations.ts';
import { useWidgetsQuery } from '../api/widgets-query.ts';
import { WidgetSettings } from './WidgetSettings.tsx';

/** The organization's chat widgets (widget.manage): appearance, where they may run, identity, snippet. */
export function WidgetSettingsPage() {
  const { org } = useCurrentOrg();
  const widgets = useWidgetsQuery(org.id);
  const create = useCreateWidgetMutation(org.id);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const list = widgets.data ?? [];
  const selected = list.find((widget) => widget.id === chosenId) ?? list[0];

  const createWidget = () =>
    create.mutate({ orgId: org.id, name: list.length ? `Website chat ${list.length + 1}` : 'Website chat' }, { onSuccess: (widget) => setChosenId(widget.id) });

  return (
    <>
      <PageHeader
        title="Chat widget"
        description="How the chat looks on your website, where it may appear, and who may use it."
        actions={
          list.length > 0 && (
            <Button variant="secondary" onClick={createWidget} disabled={create.isPending}>
              <Plus aria-hidden className="h-4 w-4" /> New widget
            </Button>
          )
        }
      />
      {widgets.isPending && <SkeletonRows rows={3} label="widgets" />}
      {widgets.isError && <Alert title="The widgets could not be loaded">{toAppError(widgets.error).message}</Alert>}
      {widgets.data && !list.length && (
        <EmptyState
          icon={MessageCircle}
          title="No chat widget yet"
          titleAs="h2"
          action={
            <Button onClick={createWidget} disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create a widget'}
            </Button>
          }
        >
          Create a widget, choose its look, allow your website's domain and paste the snippet into your pages.
        </EmptyState>
      )}
      {selected && (
        <div className="space-y-6">
          {list.length > 1 && (
            <SelectField label="Widget" className="max-w-xs" value={selected.id} onChange={(event) => setChosenId(event.target.value)}>
              {list.map((widget) => (
                <option key={widget.id} value={widget.id}>
                  {widget.name}
                </option>
              ))}
            </SelectField>
          )}
          <WidgetSettings key={selected.id} widget={selected} onDeleted={() => setChosenId(null)} />
        </div>
      )}
    </>
  );
}
