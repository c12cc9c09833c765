/**
 * Orders with their lines, stock kept in step with them, and contracts due for renewal: this feature's part
 * of the DB worker API (see `workers/db/api.ts`). Types only.
 *
 * Money is integer minor units (分/cents) in the order's currency. A line's total is
 * `round(quantity × unit price × (10000 − discount_bp) / 10000)`, rounded half up to the minor unit per
 * line; the order total is the sum of its line totals. Both are computed in SQL when the order is saved
 * (`order-totals.ts`), so lists and analytics read `orders.total_minor` without a join.
 */
import type { DeleteReceipt, Failure, Result, Written } from '../../contract';

export type OrderStatus = 'draft' | 'confirmed' | 'shipped' | 'completed' | 'cancelled';
export const ORDER_STATUSES: readonly OrderStatus[] = [
  'draft',
  'confirmed',
  'shipped',
  'completed',
  'cancelled',
];

/**
 * Statuses in which an order's goods have left (or are promised from) the stock. A draft reserves nothing;
 * cancelling gives the stock back and un-cancelling takes it again.
 */
export const STOCK_CONSUMING_STATUSES: readonly OrderStatus[] = ['confirmed', 'shipped', 'completed'];

export interface OrderLineInput {
  /** An existing line of this order; absent for a new line. */
  id?: number | null;
  productId: number;
  description?: string;
  /** A whole number ≥ 1. */
  quantity: number;
  /** Defaults to the product's price (when the product is priced in the order's currency). */
  unitPriceMinor?: number | null;
  /** Basis points off the line: 0–10000 (1250 = 12.5 %). */
  discountBp?: number;
}

/**
 * A new order (no `id`: customerId, orderDate and status are needed) or changes to an existing one (fields
 * left out keep their value; `lines` left out keeps the lines as they are).
 */
export interface OrderSaveInput {
  id?: number | null;
  orderNo?: string | null;
  customerId?: number;
  contactId?: number | null;
  opportunityId?: number | null;
  /** `YYYY-MM-DD`. */
  orderDate?: string;
  status?: OrderStatus;
  /** ISO 4217 code; new orders default to CNY. */
  currency?: string;
  ownerId?: number | null;
  notes?: string;
  /** The order's lines after the save, in order. Lines of the order not listed are removed. */
  lines?: OrderLineInput[];
}

export interface OrderLine {
  id: number;
  productId: number;
  productCode: string;
  productName: string;
  productUnit: string;
  /** The product's stock now (this order's consumption already taken off). */
  productStock: number;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  discountBp: number;
  /** Computed in SQL with the order total's rounding. */
  lineTotalMinor: number;
}

export interface OrderWithLines {
  id: number;
  orderNo: string | null;
  customerId: number;
  customerName: string;
  contactId: number | null;
  opportunityId: number | null;
  orderDate: string;
  status: OrderStatus;
  currency: string;
  totalMinor: number;
  ownerId: number | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
  lines: OrderLine[];
}

/** A product the order would take more of than there is. */
export interface StockShortage {
  productId: number;
  productCode: string;
  productName: string;
  /** What this order can have: the stock now plus what the order already holds. */
  available: number;
  /** What the order's lines ask for in total (all lines of this product). */
  requested: number;
  /** Indexes (in the saved `lines`) of the lines of this product. */
  lines: number[];
}

/** A failed order save: with code 'insufficient_stock' it says which products fall short and by how much. */
export type OrderFailure = Failure & { shortages?: StockShortage[] };
export type OrderResult<T> = { ok: true; value: T } | OrderFailure;

export interface ProductChoice {
  id: number;
  code: string;
  name: string;
  unit: string;
  priceMinor: number;
  currency: string;
  stock: number;
}

export interface RenewalQuery {
  /** Days ahead to look (0–3650). */
  withinDays: number;
  /** `YYYY-MM-DD` in the user's time zone: the worker does not guess the user's date. */
  today: string;
  /** Only contracts owned by these users (the "mine / my team" filter); absent = everyone's. */
  ownerIds?: number[] | null;
  /** Rows to return (default 200, at most 1,000); `total` still counts all. */
  limit?: number;
}

export interface RenewalRow {
  contractId: number;
  contractNo: string | null;
  title: string;
  customerId: number;
  customerName: string;
  ownerName: string | null;
  amountMinor: number;
  currency: string;
  /** The renewal date, or the end date when the contract has none. */
  dueDate: string;
  dueKind: 'renewal' | 'end';
  /** Days from `today` to `dueDate`; negative when overdue. */
  daysLeft: number;
  /** Past its date and still active: nobody renewed or ended it. */
  overdue: boolean;
}

export interface RenewalReport {
  /** Overdue contracts first (oldest first), then the ones due in the window by date. */
  rows: RenewalRow[];
  overdue: number;
  due: number;
  total: number;
}

export interface OrdersApi {
  getOrderWithLines(orderId: number): Promise<Result<OrderWithLines>>;
  /**
   * Creates or updates an order with its lines in one durable write: validates, writes the lines, computes
   * the total in SQL and moves stock by the difference between what the order held before and after.
   * Refused with nothing changed when any product would go below zero.
   */
  saveOrder(input: OrderSaveInput): Promise<OrderResult<Written<OrderWithLines>>>;
  /**
   * Deletes a draft or cancelled order with its lines (undo with `undoDelete`). An order that holds stock
   * (confirmed, shipped, completed) is refused with 'order_holds_stock': cancel it first, which returns the
   * stock, so that undoing the delete can never leave the stock counted twice or not at all.
   */
  deleteOrder(orderId: number): Promise<Result<DeleteReceipt>>;
  /** Active products whose code or name contains `text` (code matches first), for the line picker. */
  searchProducts(text: string, limit?: number): Promise<Result<ProductChoice[]>>;
  /** Active contracts whose renewal (or end) date falls within the window, plus the overdue ones. */
  contractsDueForRenewal(query: RenewalQuery): Promise<Result<RenewalReport>>;
}
