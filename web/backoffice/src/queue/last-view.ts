const KEY = 'openkyb.backoffice.view';

/** The queue view last shown in this tab, so "next case" on a case page follows the same filters. */
export function rememberView(search: string): void {
  try {
    sessionStorage.setItem(KEY, search);
  } catch {
    /* private mode: next case uses every case waiting for review */
  }
}

export function lastView(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}
