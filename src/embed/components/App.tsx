/** @jsxImportSource preact */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { originAllowed } from '../../../supabase/functions/widget-session/origin.ts';
import { widgetConfig, type WidgetConfig } from '../api.ts';
import { createBridge, detectParentOrigin } from '../bridge.ts';
import { readHostInput } from '../chat.utils.ts';
import { defaultStrings, fill, isRightToLeft, loadStrings, pickLocale, type Locale, type Strings } from '../i18n.ts';
import type { HostMessage, InitPayload } from '../messages.ts';
import { scopeSessionTo } from '../session.ts';
import { ChatPanel } from './ChatPanel.tsx';
import { Notice } from './Notice.tsx';

type Phase =
  | { name: 'connecting' }
  | { name: 'refused'; title: string; hint?: string }
  | { name: 'ready'; config: WidgetConfig };

function applyLanguage(locale: Locale) {
  document.documentElement.lang = locale;
  document.documentElement.dir = isRightToLeft(locale) ? 'rtl' : 'ltr';
}

function applyTheme(requested: InitPayload['theme'], config: WidgetConfig | null) {
  // the snippet's choice, else the widget's setting (not in every schema version yet), else the visitor's system
  const widgetTheme = (config as { theme?: string } | null)?.theme;
  const theme = requested ?? (widgetTheme === 'dark' || widgetTheme === 'light' ? widgetTheme : 'auto');
  const dark = theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  if (config) {
    document.documentElement.style.setProperty('--brand', config.color);
    document.documentElement.style.setProperty('--on-brand', readableOn(config.color));
  }
}

/** White or near-black text, whichever reads better on the widget's colour. */
export function readableOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.18 ? '#0f172a' : '#ffffff';
}

/**
 * The chat frame: learns its host's origin from the browser, handshakes with the loader, refuses hosts
 * the widget does not allow (readably, in the frame), then shows the chat.
 */
export function App() {
  const parentOrigin = useMemo(detectParentOrigin, []);
  const bridge = useMemo(() => parentOrigin && createBridge(parentOrigin), [parentOrigin]);
  const [phase, setPhase] = useState<Phase>({ name: 'connecting' });
  const [host, setHost] = useState<InitPayload | null>(null);
  const [strings, setStrings] = useState<Strings>(defaultStrings);
  const [opened, setOpened] = useState(false);
  const [resets, setResets] = useState(0);

  useEffect(() => {
    if (!bridge) return;
    const stop = bridge.listen((message: HostMessage) => {
      if (message.type === 'init') {
        const init = readHostInput.init(message.payload);
        setHost(init);
        setOpened(init.opened); // here, in message order: a 'visibility' may follow before any effect runs
      } else if (message.type === 'visibility') setOpened(message.payload.opened === true);
      else if (message.type === 'page') setHost((current) => current && { ...current, page: readHostInput.page(message.payload) });
      else if (message.type === 'set-user') setHost((current) => current && { ...current, user: readHostInput.user(message.payload.user) });
      else if (message.type === 'set-attributes') setHost((current) => current && { ...current, attributes: readHostInput.attributes(message.payload.attributes) });
      else if (message.type === 'set-locale') setHost((current) => current && { ...current, locale: String(message.payload.locale).slice(0, 20) });
      else if (message.type === 'reset') setResets((count) => count + 1);
    });
    bridge.post({ type: 'handshake', payload: {} });
    return stop;
  }, [bridge]);

  useEffect(() => {
    if (!host || !bridge || !parentOrigin || phase.name !== 'connecting') return;
    void boot(host, parentOrigin).then((next) => {
      setStrings(next.strings);
      setPhase(next.phase);
      if (next.phase.name === 'refused') bridge.post({ type: 'refused', payload: { code: 'refused', message: next.phase.title } });
      else if (next.phase.name === 'ready') {
        bridge.post({ type: 'ready', payload: { color: next.phase.config.color, position: next.phase.config.launcher_position, labels: { open: next.strings.openChat, close: next.strings.closeChat, unread: next.strings.unread } } });
      }
    });
  }, [host, bridge, parentOrigin, phase.name]);

  const configLocale = phase.name === 'ready' ? phase.config.locale : 'en';
  useEffect(() => {
    if (!host || phase.name === 'connecting') return;
    const locale = pickLocale(host.locale, navigator.languages, configLocale);
    applyLanguage(locale);
    void loadStrings(locale).then(setStrings);
  }, [host?.locale, configLocale, phase.name]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!parentOrigin || !bridge) return <Notice title={strings.notFramed} />;
  if (phase.name === 'connecting' || !host) return <Notice title={strings.loading} busy />;
  if (phase.name === 'refused') return <Notice title={phase.title} hint={phase.hint} onClose={() => bridge.post({ type: 'close', payload: {} })} closeLabel={strings.closeChat} />;
  return <ChatPanel config={phase.config} host={host} parentOrigin={parentOrigin} strings={strings} bridge={bridge} opened={opened} resets={resets} />;
}

async function boot(host: InitPayload, parentOrigin: string): Promise<{ phase: Phase; strings: Strings }> {
  const widgetKey = host.widgetKey || new URLSearchParams(location.search).get('key') || '';
  const config = widgetKey ? await widgetConfig(widgetKey).catch(() => null) : null;
  const locale = pickLocale(host.locale, navigator.languages, config?.locale ?? 'en');
  applyLanguage(locale);
  applyTheme(host.theme, config);
  const strings = await loadStrings(locale);
  if (!config) return { strings, phase: { name: 'refused', title: strings.unknownWidget } };
  if (!originAllowed(parentOrigin, config.allowed_domains)) {
    return { strings, phase: { name: 'refused', title: fill(strings.refused, { origin: parentOrigin }), hint: strings.refusedHint } };
  }
  scopeSessionTo(config.widget_key);
  return { strings, phase: { name: 'ready', config } };
}
