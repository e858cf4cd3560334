import { useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import { TextArea } from '../../../components/ui/TextArea.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useUpdateWidgetMutation } from '../api/widget-mutations.ts';
import type { Widget } from '../api/widgets-query.ts';
import { parseDomains } from '../widget.schema.ts';

const MAX_DOMAINS = 50;

/** The sites that may embed the widget; with none, it runs nowhere. */
export function DomainsCard({ widget }: { widget: Widget }) {
  const { org } = useCurrentOrg();
  const update = useUpdateWidgetMutation(org.id, 'Allowed domains saved');
  const [text, setText] = useState(widget.allowed_domains.join('\n'));
  const [error, setError] = useState<string | undefined>();

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const { domains, invalid } = parseDomains(text);
    if (invalid.length) return setError(`Not a host: ${invalid.slice(0, 3).join(', ')}. Use example.com, *.example.com or localhost:3000, without https:// or a path.`);
    if (domains.length > MAX_DOMAINS) return setError(`List at most ${MAX_DOMAINS} domains.`);
    setError(undefined);
    update.mutate({ widgetId: widget.id, changes: { allowed_domains: domains } });
  };

  return (
    <Card title="Allowed domains" description="The chat only opens on these sites. Until you add one, it opens nowhere.">
      <form onSubmit={save} noValidate className="space-y-3">
        <TextArea
          label="Domains"
          hint="One per line. *.example.com covers every subdomain; add a port for local development (localhost:3000)."
          rows={4}
          spellCheck={false}
          autoCapitalize="none"
          value={text}
          error={error}
          onChange={(event) => setText(event.target.value)}
        />
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save domains'}
        </Button>
      </form>
    </Card>
  );
}
