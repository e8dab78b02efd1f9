const KEY = 'openkyb.token';

/**
 * Takes the token from `?authToken=` and removes it from the address bar at once, so it does
 * not end up in history, bookmarks or screenshots. It is kept in sessionStorage (this tab
 * only) so that a reload resumes the session.
 */
export function takeToken(location: Location = window.location, storage: Storage = window.sessionStorage, history: History = window.history): string | null {
  const url = new URL(location.href);
  const given = url.searchParams.get('authToken');
  if (given) {
    try {
      storage.setItem(KEY, given);
    } catch {
      /* storage disabled: the token lives in memory only */
    }
    url.searchParams.delete('authToken');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return given;
  }
  try {
    return storage.getItem(KEY);
  } catch {
    return null;
  }
}
