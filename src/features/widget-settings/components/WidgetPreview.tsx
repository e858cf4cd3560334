import { MessageCircle, Send, X } from 'lucide-react';
import { useState } from 'react';
import { HEX_COLOR, readableTextOn } from '../../../lib/color.ts';
import type { AppearanceValues } from '../widget.schema.ts';

/**
 * What visitors will see: the open chat panel above the launcher, in the chosen colour, corner, theme
 * and texts. Drawn here rather than embedding the widget, so it follows unsaved edits as they are typed.
 */
export function WidgetPreview({ appearance, orgName }: { appearance: AppearanceValues; orgName: string }) {
  const [away, setAway] = useState(false);
  const [dark, setDark] = useState(appearance.theme === 'dark');
  const color = HEX_COLOR.test(appearance.color ?? '') ? appearance.color : '#2f6fdf';
  const onColor = readableTextOn(color);
  const isDark = appearance.theme === 'dark' || (appearance.theme === 'auto' && dark);
  const left = appearance.launcher_position === 'left';
  const panel = isDark ? 'bg-slate-900 text-slate-100 border-slate-700' : 'bg-white text-slate-900 border-slate-200';
  const bubble = isDark ? 'bg-slate-800 text-slate-100' : 'bg-slate-100 text-slate-900';

  return (
    <figure className="space-y-2">
      <figcaption className="flex flex-wrap items-center justify-between gap-2 text-sm font-medium text-slate-700 dark:text-slate-200">
        Preview
        <span className="flex gap-3 text-xs font-normal">
          <label className="flex items-center gap-1">
            <input type="checkbox" className="accent-brand-600" checked={away} onChange={(event) => setAway(event.target.checked)} /> Away
          </label>
          {appearance.theme === 'auto' && (
            <label className="flex items-center gap-1">
              <input type="checkbox" className="accent-brand-600" checked={dark} onChange={(event) => setDark(event.target.checked)} /> Visitor uses dark mode
            </label>
          )}
        </span>
      </figcaption>
      <div
        data-testid="widget-preview"
        className="relative h-[26rem] overflow-hidden rounded-lg border border-slate-200 bg-slate-100 dark:border-slate-700"
      >
        <div className={`absolute bottom-20 flex w-64 flex-col overflow-hidden rounded-xl border shadow-xl ${panel} ${left ? 'left-4' : 'right-4'}`}>
          <div data-testid="widget-preview-header" className="flex items-start justify-between gap-2 px-3 py-2.5" style={{ backgroundColor: color, color: onColor }}>
            <div className="min-w-0">
              <p className="truncate text-sm font-semibold">{appearance.name || 'Website chat'}</p>
              <p className="truncate text-xs">{away ? 'We are away' : `${orgName} · We typically reply in minutes`}</p>
            </div>
            <X aria-hidden className="h-4 w-4 shrink-0" />
          </div>
          <div className="flex-1 space-y-2 p-3 text-xs">
            <p className={`w-fit max-w-[85%] whitespace-pre-wrap break-words rounded-lg px-2.5 py-1.5 ${bubble}`}>{appearance.greeting || 'Hi there!'}</p>
            {away && <p className={`w-fit max-w-[85%] whitespace-pre-wrap break-words rounded-lg px-2.5 py-1.5 ${bubble}`}>{appearance.away_message}</p>}
            <p className="ml-auto w-fit max-w-[85%] rounded-lg px-2.5 py-1.5" style={{ backgroundColor: color, color: onColor }}>
              I have a question about my order.
            </p>
          </div>
          <div className={`flex items-center gap-2 border-t px-3 py-2 text-xs ${isDark ? 'border-slate-700' : 'border-slate-200'}`}>
            <span className="flex-1 opacity-60">Write a message…</span>
            <Send aria-hidden className="h-4 w-4" style={{ color: isDark ? undefined : color }} />
          </div>
        </div>
        <span
          data-testid="widget-preview-launcher"
          aria-hidden
          className={`absolute bottom-4 flex h-12 w-12 items-center justify-center rounded-full shadow-lg ${left ? 'left-4' : 'right-4'}`}
          style={{ backgroundColor: color, color: onColor }}
        >
          <MessageCircle className="h-6 w-6" />
        </span>
      </div>
    </figure>
  );
}
