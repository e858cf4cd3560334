/** Light, dark or the system's choice; stored per browser and applied as the `dark` class on <html>. */
export type Theme = 'light' | 'dark' | 'system';

export const THEMES: readonly Theme[] = ['light', 'dark', 'system'];
const STORAGE_KEY = 'supportdesk.theme';
const listeners = new Set<() => void>();
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function isTheme(value: unknown): value is Theme {
  return THEMES.includes(value as Theme);
}

/** Whether the page should be dark for a theme and the system preference. */
export function resolvesToDark(theme: Theme, systemPrefersDark: boolean): boolean {
  return theme === 'dark' || (theme === 'system' && systemPrefersDark);
}

export function storedTheme(): Theme {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isTheme(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

function apply(theme: Theme) {
  const dark = resolvesToDark(theme, darkQuery().matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}

export function setTheme(theme: Theme) {
  try {
    window.localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  apply(theme);
  listeners.forEach((listener) => listener());
}

/** Applies the stored theme now and follows system changes while the theme is "system". */
export function startTheme(): void {
  apply(storedTheme());
  darkQuery().addEventListener('change', () => {
    apply(storedTheme());
    listeners.forEach((listener) => listener());
  });
}

export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentlyDark(): boolean {
  return document.documentElement.classList.contains('dark');
}
