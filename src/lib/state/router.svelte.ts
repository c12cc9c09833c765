/**
 * Hash routing (`#/customers`, `#/customers/123`, `#/leads/7`, `#/pipeline`…): the site is static files under any
 * base path, so the path part of the URL must never change. Unknown hashes render a not-found page; an empty
 * hash is replaced (not pushed) by the customer list so Back does not bounce.
 */
import { RECORD_PATHS, type RecordEntity } from '../../../workers/db/entities/names';

export type Route =
  | { name: 'customers' }
  | { name: 'customer'; id: number }
  | { name: 'settings' }
  /** The training scenario's exercises (`#/training`), kept out of SECTION_ROUTES: only while a scenario is open. */
  | { name: 'training' }
  | { name: SectionRoute }
  /** The list of one record type (`#/leads`). */
  | { name: 'records'; entity: RecordEntity }
  /** One record's page (`#/leads/7`). */
  | { name: 'record'; entity: RecordEntity; id: number }
  /** One analysis page (`#/analytics/rfm`). */
  | { name: 'analysis'; page: AnalysisPage }
  | { name: 'not-found'; path: string };

/** The analysis pages under `#/analytics/<page>` (the analytics dashboard itself is `#/analytics`). */
export const ANALYSIS_PAGES = [
  'rfm',
  'clv',
  'churn',
  'segments',
  'churn-model',
  'forecast',
  'baskets',
  'campaign-roi',
  'funnel',
  'satisfaction',
] as const;
export type AnalysisPage = (typeof ANALYSIS_PAGES)[number];

/** Top-level pages that take no parameter: `#/<name>`. */
export const SECTION_ROUTES = [
  'dashboard',
  'analytics',
  'import',
  'sql',
  'backups',
  'pipeline',
  'calendar',
  'tasks',
  'search',
  'duplicates',
  'renewals',
  'automation',
  'approvals',
  'outreach',
] as const;
export type SectionRoute = (typeof SECTION_ROUTES)[number];

const isSectionRoute = (name: string): name is SectionRoute =>
  (SECTION_ROUTES as readonly string[]).includes(name);

const entityByPath = new Map(
  Object.entries(RECORD_PATHS).map(([entity, path]) => [path, entity as RecordEntity]),
);

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const path = raw.split('?')[0]!.replace(/\/+$/, '') || '/customers';
  if (path === '/customers') return { name: 'customers' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/training') return { name: 'training' };
  const section = path.slice(1);
  if (isSectionRoute(section)) return { name: section };
  const analysis = /^\/analytics\/([a-z-]+)$/.exec(path)?.[1];
  if (analysis && (ANALYSIS_PAGES as readonly string[]).includes(analysis))
    return { name: 'analysis', page: analysis as AnalysisPage };
  const match = /^\/customers\/(\d{1,15})$/.exec(path);
  if (match) return { name: 'customer', id: Number(match[1]) };
  const record = /^\/([a-z]+)(?:\/(\d{1,15}))?$/.exec(path);
  const entity = record ? entityByPath.get(record[1]!) : undefined;
  if (record && entity) {
    return record[2] === undefined
      ? { name: 'records', entity }
      : { name: 'record', entity, id: Number(record[2]) };
  }
  return { name: 'not-found', path };
}

/** The query part of the hash (`#/search?q=张伟` → q=张伟), for pages that take a parameter. */
// A fresh snapshot per hash change, replaced whole (never mutated), so a plain URLSearchParams is enough.
export function hashParams(hash: string = location.hash): URLSearchParams {
  const at = hash.indexOf('?');
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

export function href(route: Route): string {
  switch (route.name) {
    case 'customers':
      return '#/customers';
    case 'customer':
      return `#/customers/${route.id}`;
    case 'records':
      return `#/${RECORD_PATHS[route.entity]}`;
    case 'record':
      return `#/${RECORD_PATHS[route.entity]}/${route.id}`;
    case 'analysis':
      return `#/analytics/${route.page}`;
    case 'not-found':
      return `#${route.path}`;
    default:
      return `#/${route.name}`;
  }
}

class Router {
  route = $state<Route>(parseHash(location.hash));
  /** The hash's query part, reactive (search terms, preselected dates). */
  params = $state<URLSearchParams>(hashParams());

  constructor() {
    if (!location.hash) history.replaceState(history.state, '', href({ name: 'customers' }));
    addEventListener('hashchange', () => {
      this.route = parseHash(location.hash);
      this.params = hashParams();
    });
  }

  go(route: Route, params?: Record<string, string>): void {
    const query = params ? `?${new URLSearchParams(params).toString()}` : '';
    location.hash = href(route) + query;
  }
}

export const router = new Router();
