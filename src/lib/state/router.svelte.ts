/**
 * Hash routing (`#/customers`, `#/customers/123`, `#/settings`): the site is static files under any base
 * path, so the path part of the URL must never change. Unknown hashes render a not-found page; an empty
 * hash is replaced (not pushed) by the customer list so Back does not bounce.
 */
export type Route =
  | { name: 'customers' }
  | { name: 'customer'; id: number }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/customers';
  if (path === '/customers') return { name: 'customers' };
  if (path === '/settings') return { name: 'settings' };
  const match = /^\/customers\/(\d{1,15})$/.exec(path);
  if (match) return { name: 'customer', id: Number(match[1]) };
  return { name: 'not-found', path };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'customers':
      return '#/customers';
    case 'customer':
      return `#/customers/${route.id}`;
    case 'settings':
      return '#/settings';
    case 'not-found':
      return `#${route.path}`;
  }
}

class Router {
  route = $state<Route>(parseHash(location.hash));

  constructor() {
    if (!location.hash) history.replaceState(history.state, '', href({ name: 'customers' }));
    addEventListener('hashchange', () => {
      this.route = parseHash(location.hash);
    });
  }

  go(route: Route): void {
    location.hash = href(route);
  }
}

export const router = new Router();
