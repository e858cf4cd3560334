import { Card } from '../../../components/ui/Card.tsx';
import type { Widget } from '../api/widgets-query.ts';
import { embedSnippet } from '../widget.schema.ts';
import { CopyButton } from './CopyButton.tsx';

/** The snippet to paste before </body> on every page that should show the chat. */
export function SnippetCard({ widget }: { widget: Widget }) {
  const snippet = embedSnippet(widget.widget_key, widget.launcher_position, window.location.origin);
  return (
    <Card
      title="Install on your website"
      description="Paste this before the closing </body> tag of every page that should show the chat."
      actions={<CopyButton text={snippet} label="Copy snippet" />}
    >
      <pre aria-label="Embed snippet" tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
        {snippet}
      </pre>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Widget key: <code className="font-mono">{widget.widget_key}</code>. The key is public; the allowed domains below decide where it works. Colour, texts and theme apply without changing the snippet; copy it again after moving the launcher.
      </p>
    </Card>
  );
}
