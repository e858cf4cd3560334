/** Look of a control without its width, for compact inputs such as times. */
export const CONTROL_BASE =
  'rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 disabled:bg-slate-100 aria-[invalid=true]:border-red-600 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400 dark:disabled:bg-slate-800';

/** Shared look of text inputs, selects and text areas. */
export const CONTROL_CLASSES = `block w-full ${CONTROL_BASE}`;

export const LABEL_CLASSES = 'block text-sm font-medium text-slate-700 dark:text-slate-200';
export const HINT_CLASSES = 'text-xs text-slate-600 dark:text-slate-400';
export const ERROR_CLASSES = 'text-sm text-red-700 dark:text-red-400';

/** Ids of the hint and error paragraphs that describe a control. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
