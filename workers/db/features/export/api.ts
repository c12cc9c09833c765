/** The export feature's part of the DB worker API (see `workers/db/api.ts`). Types only. */
import type { CustomerFilter, CustomerSortColumn, Result, SortDirection } from '../../contract';

/** What to export about the customers in the list: the rows themselves, their contacts, or their calendar. */
export type ExportKind =
  'customers-csv' | 'customers-json' | 'contacts-vcf' | 'contacts-csv' | 'activities-ics';

export const EXPORT_KINDS: readonly ExportKind[] = [
  'customers-csv',
  'customers-json',
  'contacts-vcf',
  'contacts-csv',
  'activities-ics',
];

export interface ExportRequest {
  kind: ExportKind;
  /** The customer list as the user sees it: its search, filters and sort. */
  list: CustomerFilter & { sort: { column: CustomerSortColumn; direction: SortDirection } };
}

/** Customers processed so far out of all customers in the list (contacts and activities follow them). */
export interface ExportProgress {
  done: number;
  total: number;
}

export interface ExportFile {
  /** The file's bytes; a Blob crosses to the main thread by handle, not by copying its contents. */
  blob: Blob;
  /** Suggested name, e.g. `customers-2026-03-16.csv`. */
  fileName: string;
  /** Records written (customers, contacts or calendar entries). */
  records: number;
  /** Time spent generating in the worker. */
  ms: number;
}

export interface ExportApi {
  /** Writes the customer list (or its contacts or tasks and meetings) as a file, in pages of customers. */
  exportCustomerList(
    request: ExportRequest,
    onProgress?: (progress: ExportProgress) => void,
  ): Promise<Result<ExportFile>>;
}
