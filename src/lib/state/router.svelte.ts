/**
 * Hash routing (`#/customers`, `#/customers/123`, `#/settings`, `#/import`…): the site is static files under any base
 * path, so the path part of the URL must never change. Unknown hashes render a not-found page; an empty
 * hash is replaced (not pushed) by the customer list so Back does not bounce.
 */
export type Route =
  | { name: 'customers' }
  | { name: 'customer'; id: number }
  | { name: 'settings' }
  | { name: SectionRoute }
  | { name: 'not-found'; path: string };

/** Top-level pages that take no parameter: `#/<name>`. */
export const SECTION_ROUTES = ['dashboard', 'import', 'sql', 'backups'] as const;
export type SectionRoute = (typeof SECTION_ROUTES)[number];

const isSectionRoute = (name: string): name is SectionRoute =>
  (SECTION_ROUTES as readonly string[]).includes(name);

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/customers';
  if (path === '/customers') return { name: 'customers' };
  if (path === '/settings') return { name: 'settings' };
  const section = path.slice(1);
  if (isSectionRoute(section)) return { name: section };
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
    case 'dashboard':
    case 'import':
    case 'sql':
    case 'backups':
      return `#/${route.name}`;
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
