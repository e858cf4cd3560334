/** The organization the user last opened in this browser, to return to it after signing in. */
const KEY = 'supportdesk.last-org';

export function rememberOrg(slug: string) {
  try {
    window.localStorage.setItem(KEY, slug);
  } catch {
    // Private mode: nothing to remember.
  }
}

export function lastOrg(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}
