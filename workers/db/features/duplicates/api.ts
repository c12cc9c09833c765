/** The duplicates part of the DB worker API (see `workers/db/api.ts`). Types only. */
import type { Result, Written } from '../../contract';

export type DuplicateEntity = 'customer' | 'contact';
export const DUPLICATE_ENTITIES: readonly DuplicateEntity[] = ['customer', 'contact'];

/**
 * Why records were grouped: the same email (case and spaces ignored), the same phone digits (+86 ignored),
 * the same name once width, case, spacing and legal forms are folded, or names one edit apart within the
 * same email domain (customers) or the same customer (contacts).
 */
export type DuplicateReason = 'email' | 'phone' | 'name' | 'similar_name';

export interface DuplicateMember {
  id: number;
  name: string;
  email: string;
  phone: string;
  /** Customers: their kind label source ('company'/'person'); contacts: their customer's name. */
  detail: string;
  createdAt: string;
}

export interface DuplicateGroup {
  /** Stable within one result: reasons and member ids. */
  key: string;
  reasons: DuplicateReason[];
  /** The shared normalised value (email, phone digits, folded name). */
  value: string;
  /** Records in the group (at most 20 shown; `size` counts all). */
  members: DuplicateMember[];
  size: number;
}

export interface DuplicateScan {
  groups: DuplicateGroup[];
  /** Groups found in all (the list shows the newest first, up to the limit). */
  totalGroups: number;
  /** Records looked at. */
  scanned: number;
  ms: number;
}

export interface DuplicateProgress {
  phase: 'email' | 'phone' | 'name' | 'details';
  done: number;
  total: number;
}

export interface MergeFieldChoice {
  column: string;
  /** Value per record id, as stored. */
  values: Record<number, string | number | null>;
  /** What a person reads for each value (owner / customer names instead of ids). */
  display: Record<number, string>;
  /** Whether the records disagree on this field. */
  differs: boolean;
}

export interface RelatedMove {
  table: string;
  /** Rows of `table` that point at the merged records and will point at the survivor. */
  rows: number;
}

export interface MergePreview {
  entity: DuplicateEntity;
  survivorId: number;
  /** Survivor first, then the others in the order given. */
  records: { id: number; title: string; createdAt: string }[];
  fields: MergeFieldChoice[];
  moves: RelatedMove[];
}

/** For each field, the id of the record whose value the survivor keeps (absent = the survivor's own). */
export type FieldChoices = Record<string, number>;

export interface MergeReceipt {
  /** Pass to `undoMerge`. */
  mergeId: number;
  survivorId: number;
  mergedIds: number[];
  /** Related rows now pointing at the survivor. */
  movedRows: number;
  /** Rows removed: the merged records and memberships the survivor already had. */
  removedRows: number;
}

export interface DuplicatesApi {
  findDuplicates(
    entity: DuplicateEntity,
    options?: { limit?: number },
    onProgress?: (progress: DuplicateProgress) => void,
  ): Promise<Result<DuplicateScan>>;
  previewRecordMerge(
    entity: DuplicateEntity,
    survivorId: number,
    otherIds: number[],
  ): Promise<Result<MergePreview>>;
  /** One durable write: chosen values onto the survivor, every related row moved, the others deleted. */
  mergeRecords(
    entity: DuplicateEntity,
    survivorId: number,
    otherIds: number[],
    fieldChoices: FieldChoices,
  ): Promise<Result<Written<MergeReceipt>>>;
  /** Puts everything a merge changed back as it was; refused when those rows changed since. */
  undoMerge(mergeId: number): Promise<Result<Written<number>>>;
}
