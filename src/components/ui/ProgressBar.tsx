/** A determinate progress bar (0…1) with an accessible name. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700">
      <div className="h-full bg-brand-600 transition-[width] dark:bg-brand-400" style={{ width: `${percent}%` }} />
    </div>
  );
}
