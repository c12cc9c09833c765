/**
 * The shape of the per-locale vocabulary for the workspace records beyond customers and orders: deal
 * topics, won/lost reasons, contract titles, case subjects and resolutions, knowledge-base articles,
 * campaigns and relationship notes. The zh-CN and en pools (pools-records-zh.ts, pools-records-en.ts) fill
 * it; the steps pick from it by index with the run's random source, so append to a pool, never reorder.
 */
export type CaseType = 'inquiry' | 'complaint' | 'after_sales';
export type RelationshipType = 'friend' | 'colleague' | 'client';
export type CampaignChannel = 'event' | 'email' | 'sms' | 'social' | 'advertising' | 'webinar' | 'other';

export interface CaseSeed {
  subject: string;
  description: string;
}

export interface ArticleSeed {
  title: string;
  category: string;
  tags: readonly string[];
  body: string;
  /** Published unless said otherwise. */
  status?: 'draft' | 'archived';
}

export interface CampaignSeed {
  /** `{when}` is replaced by the start month ("2025年7月" / "July 2025"): campaigns are dated relative to now. */
  name: string;
  channel: CampaignChannel;
  location: string;
  description: string;
  /** Budget in major units of the locale's currency. */
  budget: number;
}

export interface RecordText {
  /** What a deal is about, e.g. "年度办公设备采购" / "Annual laptop refresh". */
  dealTopics: readonly string[];
  dealName(customerShortName: string, topic: string): string;
  wonReasons: readonly string[];
  lostReasons: readonly string[];
  opportunityNotes: readonly string[];
  leadNotes: readonly string[];
  contractTitles: readonly string[];
  contractTitle(customerShortName: string, title: string): string;
  /** Contract number for the n-th contract (1-based) started on `startDate` (YYYY-MM-DD). */
  contractNo(startDate: string, n: number): string;
  contractNotes: readonly string[];
  cases: Record<CaseType, readonly CaseSeed[]>;
  resolutions: Record<CaseType, readonly string[]>;
  articles: readonly ArticleSeed[];
  campaigns: readonly CampaignSeed[];
  relationshipNotes: Record<RelationshipType, readonly string[]>;
  /** Subjects of follow-up activities on leads, deals and cases. */
  followUps: { lead: readonly string[]; opportunity: readonly string[]; case: readonly string[] };
  /** `{subject}：{who}` in zh-CN, `{subject}: {who}` in en. */
  subject(template: string, who: string): string;
}

/** A campaign's name: the seed's template with `{when}` = its start month in the seed's language. */
export function campaignName(seed: CampaignSeed, startMs: number, zh: boolean): string {
  const date = new Date(startMs);
  const when = zh
    ? `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月`
    : `${MONTHS[date.getUTCMonth()]!} ${date.getUTCFullYear()}`;
  return seed.name.replace('{when}', when);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
