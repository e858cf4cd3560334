import { Dialog } from './Dialog.tsx';

/** A page's keyboard shortcuts: [key, what it does] pairs, in a dialog opened with "?". */
export function ShortcutsDialog({ open, onClose, shortcuts }: { open: boolean; onClose: () => void; shortcuts: readonly (readonly [string, string])[] }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" description="They work whenever you are not typing in a field." onClose={onClose}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {shortcuts.map(([key, action]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">{key}</kbd>
            </dt>
            <dd className="text-slate-700 dark:text-slate-300">{action}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
