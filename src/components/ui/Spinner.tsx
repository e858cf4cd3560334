/** A centred loading indicator announced to screen readers. */
export function Spinner({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="flex min-h-[40vh] items-center justify-center gap-3">
      <span className="h-5 w-5 animate-spin rounded-full border-2 border-brand-500 border-t-transparent" aria-hidden />
      <span className="text-sm text-slate-600 dark:text-slate-300">{label}…</span>
    </div>
  );
}
