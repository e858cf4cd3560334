import { LifeBuoy } from 'lucide-react';
import type { ReactNode } from 'react';

/** The frame of signed-out pages: the product mark, a heading and a card. */
export function PublicPage({ title, description, children, footer }: { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-10">
      <main className="w-full max-w-md">
        <div className="mb-6 flex items-center gap-2 text-brand-700 dark:text-brand-300">
          <LifeBuoy aria-hidden className="h-7 w-7" />
          <span className="text-lg font-semibold">Supportdesk</span>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="text-2xl font-semibold text-slate-900 dark:text-slate-50">{title}</h1>
          {description && <div className="mt-2 text-sm text-slate-600 dark:text-slate-400">{description}</div>}
          <div className="mt-6">{children}</div>
        </div>
        {footer && <div className="mt-4 text-center text-sm text-slate-700 dark:text-slate-300">{footer}</div>}
      </main>
    </div>
  );
}
