/** @jsxImportSource preact */
import type { WidgetConfig } from '../api.ts';
import { isAway } from '../chat.utils.ts';
import type { Strings } from '../i18n.ts';
import { Icon } from './Icons.tsx';

export function Header({ config, strings, onClose }: { config: WidgetConfig; strings: Strings; onClose: () => void }) {
  const away = isAway(config);
  return (
    <header class="header">
      <div>
        <h1>{config.org_name}</h1>
        <p class="presence">
          <span class={away ? 'dot away' : 'dot'} aria-hidden="true" />
          {away ? strings.away : strings.online}
        </p>
      </div>
      <button type="button" class="icon-button" onClick={onClose} aria-label={strings.closeChat}>
        <Icon name="close" />
      </button>
    </header>
  );
}
