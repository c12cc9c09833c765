export interface Column {
  id: string;
  label: string;
  /** Narrowest width in px; the table scrolls horizontally below the sum of these. */
  minWidth: number;
  /** Share of the remaining width (CSS fr). */
  grow?: number;
  sortable?: boolean;
}

export interface SortState {
  column: string;
  direction: 'asc' | 'desc';
}
