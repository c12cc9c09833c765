/**
 * Which screen renders each route, loaded on demand. Every screen but the customer list (the default route)
 * and the not-found page is a dynamic `import()`, so Vite puts it in its own chunk and the first visit
 * downloads only the shell and the list; the rest arrives when the user first opens that screen (or from
 * the service worker's precache, offline). A loaded screen is kept, so going back to it renders at once.
 */
import type { Component } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import type { Route } from './state/router.svelte';

/** Routes whose screen is in the first bundle (the outlet imports these statically). */
export type EagerRouteName = 'customers' | 'not-found';
export type LazyRouteName = Exclude<Route['name'], EagerRouteName>;

// Screens take different props (an id, an entity, an analysis page); the outlet passes each route's own
// parameters, and each screen's props are checked where the screen is written.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyView = Component<any>;
type Loader = () => Promise<{ default: AnyView }>;

const LOADERS: Record<LazyRouteName, Loader> = {
  customer: () => import('../views/customers/customer-detail-view.svelte'),
  records: () => import('../views/records/records-view.svelte'),
  record: () => import('../views/records/record-view.svelte'),
  settings: () => import('../views/settings/settings-view.svelte'),
  dashboard: () => import('../views/dashboard/dashboard-view.svelte'),
  analytics: () => import('../views/analytics/analytics-view.svelte'),
  analysis: () => import('../views/analytics/analysis-page.svelte'),
  import: () => import('../views/import/import-view.svelte'),
  sql: () => import('../views/sql/sql-view.svelte'),
  backups: () => import('../views/backups/backups-view.svelte'),
  pipeline: () => import('../views/pipeline/pipeline-view.svelte'),
  calendar: () => import('../views/activities/calendar-view.svelte'),
  tasks: () => import('../views/activities/tasks-view.svelte'),
  search: () => import('../views/search/search-view.svelte'),
  duplicates: () => import('../views/duplicates/duplicates-view.svelte'),
  renewals: () => import('../views/orders/renewals-panel.svelte'),
  automation: () => import('../views/automation/automation-view.svelte'),
  approvals: () => import('../views/approvals/approvals-view.svelte'),
  outreach: () => import('../views/outreach/outreach-view.svelte'),
  training: () => import('../views/training/training-view.svelte'),
};

export const isLazyRoute = (name: Route['name']): name is LazyRouteName => name in LOADERS;

/** Screens already loaded, reactive so the outlet switches to a screen the moment its chunk arrives. */
export const loadedViews = new SvelteMap<LazyRouteName, AnyView>();

const inFlight = new Map<LazyRouteName, Promise<AnyView>>();

/**
 * Loads the screen of `name` once; concurrent callers share the request. A failed load is forgotten, so
 * Retry asks again (browsers that cache a failed module fetch for the page's lifetime still fail: the
 * outlet's error state offers a reload as well).
 */
export function loadView(name: LazyRouteName): Promise<AnyView> {
  const loaded = loadedViews.get(name);
  if (loaded) return Promise.resolve(loaded);
  let request = inFlight.get(name);
  if (!request) {
    request = LOADERS[name]().then(
      (module) => {
        inFlight.delete(name);
        loadedViews.set(name, module.default);
        return module.default;
      },
      (error: unknown) => {
        inFlight.delete(name);
        throw error;
      },
    );
    inFlight.set(name, request);
  }
  return request;
}
