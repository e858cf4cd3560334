import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

/** What an empty list shows: what would be here, and the next thing to do. */
interface EmptyStateProps {
  icon: LucideIcon;
  title: string;
  /** The title's element: a paragraph inside a section, a heading when the state is the whole page. */
  titleAs?: 'p' | 'h1' | 'h2' | 'h3';
  children?: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ icon: Icon, title, titleAs: Title = 'p', children, action }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center dark:border-slate-700">
      <Icon aria-hidden className="mb-3 h-8 w-8 text-slate-500 dark:text-slate-400" />
      <Title className="font-medium text-slate-900 dark:text-slate-100">{title}</Title>
      {children && <div className="mt-1 max-w-md text-sm text-slate-600 dark:text-slate-400">{children}</div>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}
