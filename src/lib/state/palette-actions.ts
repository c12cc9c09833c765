/**
 * Everything the command palette can run: go to every page of the router, create a record of each type,
 * switch language or theme, load demo data, download a backup, export the customer list, show the
 * shortcuts. Each action carries its name in the current language and in English, so typing "cust" finds
 * "前往：客户" in the Chinese interface too. Built afresh when the language, theme or role changes.
 */
import { RECORD_ENTITIES, type RecordEntity } from '../../../workers/db/entities/names';
import type { EntityName } from '../../../workers/db/entities/types';
import { downloadBackup } from '../download';
import { t, type MessageKey, type Params } from '../i18n';
import { englishMessages } from '../i18n/catalogs.svelte';
import { ENTITY_LABELS, entityLabel } from '../i18n/record-labels';
import { customerExport, EXPORT_KINDS } from './customer-export.svelte';
import { LOCALES, locale } from './locale.svelte';
import { permissions } from './permissions.svelte';
import { ANALYSIS_PAGES, router, type AnalysisPage, type Route, type SectionRoute } from './router.svelte';
import { GO_KEYS, listEntity, shortcuts } from './shortcuts.svelte';
import { THEME_PREFERENCES, theme } from './theme.svelte';

export type ActionGroup = 'go' | 'create' | 'preferences' | 'data';
export const ACTION_GROUPS: readonly ActionGroup[] = ['go', 'create', 'data', 'preferences'];

export interface PaletteAction {
  id: string;
  group: ActionGroup;
  /** The name shown, in the current language. */
  label: string;
  /** The same name in English (matched too). */
  english: string;
  /** A keyboard shortcut that does the same ("G P"). */
  keys?: string;
  run: () => void | Promise<void>;
}

/**
 * A message in English whatever the interface language, `{name}` filled like `t` does. In the Chinese
 * interface the English catalog is its own chunk: '' until it has arrived (then the actions are rebuilt).
 */
function english(key: MessageKey, params: Params = {}): string {
  return (englishMessages()?.[key] ?? '').replace(/\{(\w+)\}/g, (whole, name: string) =>
    String(params[name] ?? whole),
  );
}

const SECTION_LABELS: Record<SectionRoute, MessageKey> = {
  dashboard: 'nav.dashboard',
  analytics: 'nav.analytics',
  import: 'nav.import',
  sql: 'nav.sql',
  backups: 'nav.backups',
  pipeline: 'nav.pipeline',
  calendar: 'nav.calendar',
  tasks: 'nav.tasks',
  search: 'search.title',
  duplicates: 'nav.duplicates',
  renewals: 'nav.renewals',
  automation: 'nav.automation',
  approvals: 'nav.approvals',
  outreach: 'nav.outreach',
};

const ANALYSIS_LABELS: Record<AnalysisPage, MessageKey> = {
  rfm: 'analytics.rfm.title',
  clv: 'analytics.clv.title',
  churn: 'analytics.churn.title',
  segments: 'analytics.segments.title',
  'churn-model': 'analytics.churnModel.title',
  forecast: 'analytics.forecast.title',
  baskets: 'analytics.baskets.title',
  'campaign-roi': 'analytics.roi.title',
  funnel: 'analytics.funnel.title',
  satisfaction: 'analytics.satisfaction.title',
};

/** Every page the router knows, with its name in the current language and in English. */
function pages(): { route: Route; label: string; english: string }[] {
  const message = (route: Route, key: MessageKey) => ({ route, label: t(key), english: english(key) });
  const list = (entity: RecordEntity) => ({
    route: { name: 'records', entity } as Route,
    label: entityLabel(entity, true),
    english: ENTITY_LABELS[entity].many[0],
  });
  return [
    message({ name: 'customers' }, 'nav.customers'),
    ...RECORD_ENTITIES.map(list),
    ...(Object.keys(SECTION_LABELS) as SectionRoute[]).map((name) => message({ name }, SECTION_LABELS[name])),
    ...ANALYSIS_PAGES.map((page) => message({ name: 'analysis', page }, ANALYSIS_LABELS[page])),
    message({ name: 'settings' }, 'nav.settings'),
  ];
}

const sameRoute = (a: Route, b: Route) => JSON.stringify(a) === JSON.stringify(b);

export function buildActions(): PaletteAction[] {
  const actions: PaletteAction[] = [];

  for (const page of pages()) {
    const go = GO_KEYS.find((entry) => sameRoute(entry.route, page.route));
    actions.push({
      id: `go:${JSON.stringify(page.route)}`,
      group: 'go',
      label: t('palette.go', { page: page.label }),
      english: english('palette.go', { page: page.english }),
      keys: go ? `G ${go.key.toUpperCase()}` : undefined,
      run: () => router.go(page.route),
    });
  }

  // The type of the list on screen first: "new" right after opening the palette means that one.
  const current = listEntity(router.route);
  const types: EntityName[] = ['customer', ...RECORD_ENTITIES];
  types.sort((a, b) => Number(b === current) - Number(a === current));
  for (const entity of types) {
    if (!permissions.canEdit(entity)) continue;
    actions.push({
      id: `new:${entity}`,
      group: 'create',
      label: t('records.new', { entity: entityLabel(entity) }),
      english: english('records.new', { entity: ENTITY_LABELS[entity].one[0] }),
      keys: entity === current ? 'N' : undefined,
      run: () => shortcuts.newRecord(entity),
    });
  }

  actions.push(
    {
      id: 'data:demo',
      group: 'data',
      label: t('settings.loadDemo'),
      english: english('settings.loadDemo'),
      run: () => shortcuts.loadDemo(),
    },
    {
      id: 'data:backup',
      group: 'data',
      label: t('settings.downloadBackup'),
      english: english('settings.downloadBackup'),
      run: () => downloadBackup(),
    },
    ...EXPORT_KINDS.map<PaletteAction>((kind) => ({
      id: `data:export:${kind}`,
      group: 'data',
      label: t('palette.export', { kind: t(`export.kind.${kind}`) }),
      english: english('palette.export', { kind: english(`export.kind.${kind}`) }),
      run: () => customerExport.run(kind),
    })),
  );

  for (const option of LOCALES) {
    if (option === locale.current) continue;
    actions.push({
      id: `language:${option}`,
      group: 'preferences',
      label: t('palette.language', { language: t(`language.${option}`) }),
      english: english('palette.language', { language: english(`language.${option}`) }),
      run: () => locale.set(option),
    });
  }
  for (const option of THEME_PREFERENCES) {
    if (option === theme.preference) continue;
    actions.push({
      id: `theme:${option}`,
      group: 'preferences',
      label: t('palette.theme', { theme: t(`theme.${option}`) }),
      english: english('palette.theme', { theme: english(`theme.${option}`) }),
      run: () => theme.set(option),
    });
  }
  actions.push({
    id: 'help:shortcuts',
    group: 'preferences',
    label: t('palette.shortcuts'),
    english: english('palette.shortcuts'),
    keys: '?',
    run: () => {
      shortcuts.helpOpen = true;
    },
  });
  return actions;
}
