/** The generic record API: lists, groups, pages, forms, bulk edit and delete, saved views, custom fields. */
import type { DeleteReceipt, Result, Written } from '../../contract';
import type {
  EntityDef,
  EntityName,
  ListFilter,
  RecordGroup,
  RecordListQuery,
  RecordPage,
  RecordRow,
} from '../../entities/types';

/** Which records a bulk action covers: the ticked ones, or every record the list's filter matches. */
export type Selection = { ids: number[] } | { filter: ListFilter };

export interface SavedView {
  id: number;
  entity: EntityName;
  name: string;
  /** Null = shared with everyone. */
  ownerId: number | null;
  filter: ListFilter;
  sort: RecordListQuery['sort'] | null;
  columns: string[];
  groupBy: string | null;
}

export type SavedViewInput = Omit<SavedView, 'id' | 'ownerId'> & { id?: number; shared: boolean };

export interface CustomFieldInput {
  id?: number;
  entity: EntityName;
  label: string;
  type: 'text' | 'long_text' | 'number' | 'date' | 'boolean' | 'choice';
  options: string[];
  required: boolean;
}

export interface CustomFieldInfo extends CustomFieldInput {
  id: number;
  key: string;
  /** Records that have a value (what deleting the field would lose). */
  valueCount: number;
}

export interface RecordsApi {
  /** The record type's fields including its custom fields (forms, filters and columns are built from it). */
  recordDefinition(entity: EntityName): Promise<Result<EntityDef>>;
  listRecords(query: RecordListQuery): Promise<Result<RecordPage>>;
  groupRecords(entity: EntityName, filter: ListFilter, groupBy: string): Promise<Result<RecordGroup[]>>;
  getRecord(entity: EntityName, id: number): Promise<Result<RecordRow>>;
  createRecord(entity: EntityName, input: Record<string, unknown>): Promise<Result<Written<RecordRow>>>;
  /** `partial`: change only the fields in `input` (a section of a page), not the whole record. */
  updateRecord(
    entity: EntityName,
    id: number,
    input: Record<string, unknown>,
    options?: { partial?: boolean },
  ): Promise<Result<Written<RecordRow>>>;
  /** Sets the same fields on every selected record in one write; `undoToken` reverts exactly that. */
  bulkUpdateRecords(
    entity: EntityName,
    selection: Selection,
    patch: Record<string, unknown>,
  ): Promise<Result<{ updated: number; undoToken: string }>>;
  undoBulkUpdate(undoToken: string): Promise<Result<Written<number>>>;
  /** Deletes the selection (and what cascades with it); `undoDelete(undoSeq)` brings it all back. */
  deleteRecords(entity: EntityName, selection: Selection): Promise<Result<DeleteReceipt>>;
  /** Records whose title contains `text`, for reference pickers. */
  recordOptions(
    entity: EntityName | 'stage',
    text: string,
    limit?: number,
  ): Promise<Result<{ id: number; label: string; code?: string | null }[]>>;

  listSavedViews(entity: EntityName): Promise<Result<SavedView[]>>;
  saveView(input: SavedViewInput): Promise<Result<Written<SavedView>>>;
  deleteSavedView(id: number): Promise<Result<DeleteReceipt>>;

  listCustomFields(entity: EntityName): Promise<Result<CustomFieldInfo[]>>;
  saveCustomField(input: CustomFieldInput): Promise<Result<Written<CustomFieldInfo>>>;
  deleteCustomField(id: number): Promise<Result<DeleteReceipt>>;
}
