import type { Widget } from '../api/widgets-query.ts';
import { AppearanceCard } from './AppearanceCard.tsx';
import { BehaviourCard } from './BehaviourCard.tsx';
import { DeleteWidgetCard } from './DeleteWidgetCard.tsx';
import { DomainsCard } from './DomainsCard.tsx';
import { IdentityCard } from './IdentityCard.tsx';
import { PrechatCard } from './PrechatCard.tsx';
import { SnippetCard } from './SnippetCard.tsx';

/**
 * Every setting of one widget, each card saved on its own. A form starts over from the saved values
 * when they change (its key), without losing unsaved edits in the other cards.
 */
export function WidgetSettings({ widget, onDeleted }: { widget: Widget; onDeleted: () => void }) {
  const appearance = [widget.name, widget.color, widget.launcher_position, widget.greeting, widget.away_message, widget.locale, widget.theme];
  return (
    <>
      <AppearanceCard key={JSON.stringify(appearance)} widget={widget} />
      <SnippetCard widget={widget} />
      <DomainsCard key={widget.allowed_domains.join('\n')} widget={widget} />
      <PrechatCard key={JSON.stringify(widget.prechat_fields)} widget={widget} />
      <BehaviourCard widget={widget} />
      <IdentityCard widget={widget} />
      <DeleteWidgetCard widget={widget} onDeleted={onDeleted} />
    </>
  );
}
