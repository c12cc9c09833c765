export interface Column {
  id: string;
  label: string;
  /** Narrowest width in px; the table scrolls horizontally below the sum of these. */
  minWidth: number;
  /** Share of the remaining width (CSS fr). */
  grow?: number;
  sortable?: boolean;
  /**
   * A control rather than data (the selection checkbox): its cell becomes a 44 px tap target (a label around
   * the cell's content) and, as cards on narrow screens, sits beside the card instead of being a line.
   */
  control?: boolean;
}

export interface SortState {
  column: string;
  direction: 'asc' | 'desc';
}
