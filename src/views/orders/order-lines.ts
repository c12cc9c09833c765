/**
 * The order line editor's model: what the user typed per line (text, so a half-typed "12." survives),
 * converted to the worker's integer minor units and basis points on save, and the live line totals shown
 * while editing. Those totals use the same rule as the SQL that computes the saved total
 * (`workers/db/features/orders/save-order.ts`): per line, round half up to the minor unit after discount;
 * they are a preview only — the total shown after saving is the one SQL stored.
 */
import type { FieldErrorCode, FieldErrors } from '../../../workers/db/contract';
import type {
  OrderLine,
  OrderLineInput,
  ProductChoice,
  StockShortage,
} from '../../../workers/db/features/orders/api';
import { t, type MessageKey } from '../../lib/i18n';
import { FIELD_ERROR_KEYS } from '../../lib/i18n/codes';

export interface LineDraft {
  /** Stable key for `{#each}` (new lines have no id yet). */
  key: string;
  id: number | null;
  product: ProductChoice | null;
  quantity: string;
  price: string;
  discount: string;
  description: string;
}

let nextKey = 0;
const newKey = () => `line-${++nextKey}`;

/** Digits after the decimal point of `currency` (CNY, USD: 2; JPY: 0). */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** Minor units as the text a user would type ("1999" fen → "19.99"). */
export function minorToText(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}

/**
 * Exact decimal text → integer × 10^digits, or NaN when it is not a plain decimal with at most `digits`
 * decimals (the worker then answers "not a whole number" for that field). Empty → null.
 */
export function decimalToScaled(text: string, digits: number): number | null {
  const value = text
    .trim()
    .replace(/[,，\s]/g, '')
    .replace('．', '.');
  if (value === '') return null;
  const match = /^(\d*)(?:\.(\d*))?$/.exec(value);
  if (!match || (match[1] === '' && !match[2]) || (match[2]?.length ?? 0) > digits) return Number.NaN;
  return Number(`${match[1] || '0'}${(match[2] ?? '').padEnd(digits, '0')}`);
}

/** Whole-number text → number; anything else → NaN; empty → null. */
export function wholeNumber(text: string): number | null {
  const value = text.trim();
  if (value === '') return null;
  return /^\d+$/.test(value) ? Number(value) : Number.NaN;
}

export function draftFromLine(line: OrderLine, currency: string): LineDraft {
  return {
    key: newKey(),
    id: line.id,
    product: {
      id: line.productId,
      code: line.productCode,
      name: line.productName,
      unit: line.productUnit,
      priceMinor: line.unitPriceMinor,
      currency,
      stock: line.productStock,
    },
    quantity: String(line.quantity),
    price: minorToText(line.unitPriceMinor, currency),
    discount: line.discountBp === 0 ? '' : String(line.discountBp / 100),
    description: line.description,
  };
}

export const emptyDraft = (): LineDraft => ({
  key: newKey(),
  id: null,
  product: null,
  quantity: '1',
  price: '',
  discount: '',
  description: '',
});

export function toLineInput(draft: LineDraft, currency: string): OrderLineInput {
  const price = decimalToScaled(draft.price, currencyDigits(currency));
  return {
    id: draft.id,
    productId: draft.product?.id ?? (null as unknown as number),
    description: draft.description,
    quantity: wholeNumber(draft.quantity) ?? (null as unknown as number),
    // Empty price: the worker takes the product's list price.
    unitPriceMinor: price,
    discountBp: decimalToScaled(draft.discount, 2) ?? 0,
  };
}

/** The line total the save would store, or null while the line is incomplete or invalid. */
export function previewLineTotal(draft: LineDraft, currency: string): number | null {
  const input = toLineInput(draft, currency);
  const price =
    input.unitPriceMinor ?? (draft.product?.currency === currency ? draft.product.priceMinor : null);
  const quantity = input.quantity;
  const discount = input.discountBp ?? 0;
  if (price === null || !Number.isSafeInteger(price) || !Number.isSafeInteger(quantity) || quantity < 1)
    return null;
  if (!Number.isSafeInteger(discount) || discount < 0 || discount > 10000) return null;
  // BigInt: quantity × price × 10000 can pass 2^53 long before it passes SQLite's 2^63.
  const numerator = BigInt(quantity) * BigInt(price) * BigInt(10000 - discount) + 5000n;
  return Number(numerator / 10000n);
}

/** Per-field messages for one line, from the worker's field error codes (keys `lines.<index>.<field>`). */
export function lineErrors(
  errors: FieldErrors,
  index: number,
  draft: LineDraft,
): Partial<Record<string, string>> {
  const messages: Partial<Record<string, string>> = {};
  const specific: Partial<Record<string, Partial<Record<FieldErrorCode, MessageKey>>>> = {
    quantity: {
      required: 'orders.lineError.quantity',
      invalid_number: 'orders.lineError.quantity',
      out_of_range: 'orders.lineError.tooLarge',
      insufficient_stock: 'orders.field.insufficientStock',
    },
    discountBp: { invalid_number: 'orders.lineError.discount', out_of_range: 'orders.lineError.discount' },
    unitPriceMinor: {
      invalid_number: 'orders.lineError.price',
      out_of_range: 'orders.lineError.price',
      required: 'orders.lineError.priceRequired',
    },
    productId: { required: 'orders.lineError.product', not_found: 'orders.lineError.productGone' },
    id: { not_found: 'orders.lineError.lineGone', invalid_choice: 'orders.lineError.lineGone' },
  };
  for (const field of ['productId', 'quantity', 'unitPriceMinor', 'discountBp', 'description', 'id']) {
    const code = errors[`lines.${index}.${field}`];
    if (!code) continue;
    const key = specific[field]?.[code] ?? FIELD_ERROR_KEYS[code] ?? 'field.invalid_choice';
    messages[field] = t(key);
  }
  // Out of range is either the quantity itself or quantity × price being too large for one line.
  const quantity = wholeNumber(draft.quantity);
  const inRange = quantity !== null && quantity >= 1 && quantity <= 1_000_000;
  if (errors[`lines.${index}.quantity`] === 'out_of_range' && !inRange)
    messages.quantity = t('orders.lineError.quantity');
  return messages;
}

/** "W-1 Widget: 3 in stock, 5 requested." for each shortage touching line `index`. */
export function shortageMessages(shortages: readonly StockShortage[], index: number): string[] {
  return shortages
    .filter((shortage) => shortage.lines.includes(index))
    .map((shortage) =>
      t('orders.lines.shortage', {
        product: `${shortage.productCode} ${shortage.productName}`,
        available: shortage.available,
        requested: shortage.requested,
      }),
    );
}
