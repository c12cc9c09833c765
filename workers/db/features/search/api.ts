/** The global search's part of the DB worker API (see `workers/db/api.ts`). Types only. */
import type { Result } from '../../contract';
import type { SearchEntity } from './sources';

export type { SearchEntity };

export interface SearchOptions {
  /** Results listed per record type: 1–200, default 5. */
  limit?: number;
  /** Only these record types (default: all). */
  entities?: SearchEntity[];
}

export interface SearchHit {
  entity: SearchEntity;
  id: number;
  title: string;
  /** What tells same-named records apart: industry and email, the customer, a code. */
  subtitle: string;
}

export interface SearchGroup {
  entity: SearchEntity;
  /** Records of this type that match, counted up to 1,000 (then `capped`). */
  total: number;
  /** More than `total` match ("1,000+"). */
  capped: boolean;
  hits: SearchHit[];
}

export interface SearchResults {
  /** The query as asked (the UI drops answers to queries it no longer shows). */
  query: string;
  /** Types with at least one match, in a fixed order (customers first). */
  groups: SearchGroup[];
  total: number;
  /** Some type has more matches than counted. */
  capped: boolean;
}

export interface SearchApi {
  /**
   * Records whose names, numbers, emails, phones, addresses (…) contain what was typed: every word must
   * match; Chinese matches anywhere inside a name, Latin words by prefix. Blank → no groups. Query syntax
   * typed by the user (quotes, `*`, AND/OR) is searched for as text, never interpreted.
   */
  search(query: string, options?: SearchOptions): Promise<Result<SearchResults>>;
}
