import { initials, readableTextOn } from '../../lib/color.ts';

const SIZES = { sm: 'h-7 w-7 text-xs', md: 'h-9 w-9 text-sm', lg: 'h-16 w-16 text-lg' } as const;

/** A person's picture, or their initials when they have none. Decorative: the name is shown beside it. */
export function Avatar({ name, url, size = 'md' }: { name: string; url?: string | null; size?: keyof typeof SIZES }) {
  if (url) return <img src={url} alt="" className={`${SIZES[size]} shrink-0 rounded-full object-cover`} />;
  return (
    <span aria-hidden className={`${SIZES[size]} inline-flex shrink-0 items-center justify-center rounded-full bg-slate-200 font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-100`}>
      {initials(name)}
    </span>
  );
}

/** An organization's mark: its initials on its brand colour, in whichever of black or white reads best. */
export function OrgMark({ name, color, size = 'md' }: { name: string; color: string; size?: keyof typeof SIZES }) {
  return (
    <span aria-hidden className={`${SIZES[size]} inline-flex shrink-0 items-center justify-center rounded-md font-semibold`} style={{ backgroundColor: color, color: readableTextOn(color) }}>
      {initials(name)}
    </span>
  );
}
