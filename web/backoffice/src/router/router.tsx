import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** Where the app is served; every client-side route lives below it. */
export const BASE = '/backoffice';
const CHANGE = 'openkyb:navigate';

export type Route =
  | { name: 'home' }
  | { name: 'signIn' }
  | { name: 'setPassword' }
  | { name: 'queue' }
  | { name: 'case'; id: string }
  | { name: 'managers' }
  | { name: 'settings'; section: string }
  | { name: 'account' }
  | { name: 'notFound' };

/** The route of a path under BASE (trailing slashes ignored). */
export function parseRoute(pathname: string): Route {
  if (pathname !== BASE && !pathname.startsWith(`${BASE}/`)) return { name: 'notFound' };
  const rest = pathname.slice(BASE.length).replace(/\/+$/, '');
  if (rest === '') return { name: 'home' };
  if (rest === '/sign-in') return { name: 'signIn' };
  if (rest === '/set-password') return { name: 'setPassword' };
  if (rest === '/cases') return { name: 'queue' };
  if (rest === '/managers') return { name: 'managers' };
  if (rest === '/account') return { name: 'account' };
  if (rest === '/settings') return { name: 'settings', section: '' };
  const settings = /^\/settings\/([a-z-]+)$/.exec(rest);
  if (settings) return { name: 'settings', section: settings[1]! };
  const match = /^\/cases\/([^/]+)$/.exec(rest);
  if (match) {
    try {
      return { name: 'case', id: decodeURIComponent(match[1]!) };
    } catch {
      return { name: 'notFound' };
    }
  }
  return { name: 'notFound' };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path and query; re-renders on navigation (links, back and forward). */
export function useLocation(): { pathname: string; search: string } {
  const current = useSyncExternalStore(subscribe, snapshot);
  const queryAt = current.indexOf('?');
  return queryAt < 0 ? { pathname: current, search: '' } : { pathname: current.slice(0, queryAt), search: current.slice(queryAt) };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
}

/** A real link (open in a new tab works) that navigates in place on a plain click. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
