import { Table2, BarChart3 } from 'lucide-react';
import { useId, useState, type ReactNode } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';

export interface DataTable {
  /** Column headings; the first column heads the rows. */
  columns: string[];
  rows: (string | number)[][];
}

interface ChartCardProps {
  title: string;
  description?: string;
  table: DataTable;
  /** Shown instead of the chart and table when there is nothing to draw. */
  empty?: string;
  children: ReactNode;
}

/**
 * A chart with its numbers: the table is always in the page for screen readers (the drawing is
 * hidden from them) and becomes visible, in place of the chart, with "View as table".
 */
export function ChartCard({ title, description, table, empty, children }: ChartCardProps) {
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="mb-3 flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="text-base font-semibold text-slate-900 dark:text-slate-50">{title}</h2>
          {description && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</p>}
        </div>
        {!empty && (
          <Button variant="ghost" size="sm" className="shrink-0" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {asTable ? <BarChart3 aria-hidden className="h-4 w-4" /> : <Table2 aria-hidden className="h-4 w-4" />}
            {asTable ? 'View as chart' : 'View as table'}
            <span className="sr-only">: {title}</span>
          </Button>
        )}
      </div>
      {empty ? (
        <EmptyState icon={BarChart3} title={empty} />
      ) : (
        <>
          {/* inert: recharts' drawing is neither focusable nor read; the table below carries the numbers */}
          {!asTable && <div aria-hidden inert className="h-64 w-full">{children}</div>}
          <MetricTable caption={title} table={table} visible={asTable} />
        </>
      )}
    </section>
  );
}

function MetricTable({ caption, table, visible }: { caption: string; table: DataTable; visible: boolean }) {
  return (
    <div className={visible ? 'max-h-64 overflow-auto' : 'sr-only'}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-400">
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col" className="py-1.5 pr-3 font-medium">{column}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {table.rows.map(([head, ...cells], index) => (
            <tr key={index}>
              <th scope="row" className="py-1.5 pr-3 font-medium text-slate-900 dark:text-slate-100">{head}</th>
              {cells.map((cell, column) => (
                <td key={column} className="py-1.5 pr-3 tabular-nums text-slate-700 dark:text-slate-300">{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
