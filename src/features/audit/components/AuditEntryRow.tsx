import { formatDateTime, relativeTime } from '../../../lib/format.ts';
import type { AuditEntry } from '../api/audit-log-query.ts';
import { actionLabel, diffLines } from '../audit.utils.ts';

/** One entry: when, who, what; the before/after difference as plain text on demand. */
export function AuditEntryRow({ entry, actorName }: { entry: AuditEntry; actorName: string }) {
  const lines = diffLines(entry.before, entry.after);
  return (
    <li className="px-4 py-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-slate-900 dark:text-slate-50">
          <span className="font-medium">{actorName}</span> · {actionLabel(entry.action)}
          {entry.target_id && <span className="ml-1 font-mono text-xs text-slate-600 dark:text-slate-400">{entry.target_id}</span>}
        </p>
        <time dateTime={entry.created_at} title={formatDateTime(entry.created_at)} className="text-xs text-slate-600 dark:text-slate-400">
          {relativeTime(entry.created_at)}
        </time>
      </div>
      {lines.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-sm text-brand-700 dark:text-brand-300">
            Show changes ({lines.length})
          </summary>
          <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-3 font-mono text-xs text-slate-800 dark:bg-slate-950 dark:text-slate-200">{lines.join('\n')}</pre>
        </details>
      )}
      {entry.ip && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">From {entry.ip}</p>}
    </li>
  );
}
