/** A loading indicator announced to screen readers; `inline` keeps it small and in the flow. */
export function Spinner({ label, inline = false }: { label: string; inline?: boolean }) {
  return (
    <div role="status" aria-live="polite" className={inline ? 'inline-flex items-center gap-2' : 'flex min-h-[40vh] items-center justify-center gap-3'}>
      <span className="h-5 w-5 animate-spin rounded-full border-2 border-brand-500 border-t-transparent" aria-hidden />
      <span className="text-sm text-slate-600 dark:text-slate-300">{label}…</span>
    </div>
  );
}
