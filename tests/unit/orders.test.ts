import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderSaveInput } from '../../workers/db/features/orders/api';
import { ordersHandlers as api } from '../../workers/db/features/orders/handlers';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { runtime } from '../../workers/db/runtime';
import {
  addCustomer,
  addProduct,
  closeTestEngine,
  exec,
  openTestEngine,
  scalar,
  stockOf,
  value,
} from './orders-setup';

let engine: PersistenceEngine;
let acme: number;
let widget: number;
let gadget: number;

beforeEach(async () => {
  engine = await openTestEngine();
  acme = await addCustomer(engine, 'Acme');
  widget = await addProduct(engine, 'W-1', { price: 1999, stock: 10, name: 'Widget' });
  gadget = await addProduct(engine, 'G-1', { price: 500, stock: 3, name: 'Gadget' });
});

afterEach(() => closeTestEngine(engine));

const order = (over: Partial<OrderSaveInput> = {}): OrderSaveInput => ({
  customerId: acme,
  orderDate: '2026-03-16',
  status: 'confirmed',
  lines: [{ productId: widget, quantity: 2 }],
  ...over,
});

const save = async (input: OrderSaveInput) => value(await api.saveOrder(input)).value;
const totalInDb = async (id: number) =>
  Number(await scalar(engine, 'SELECT total_minor FROM orders WHERE id = ?', [id]));
const counts = async () => ({
  orders: Number(await scalar(engine, 'SELECT count(*) FROM orders')),
  lines: Number(await scalar(engine, 'SELECT count(*) FROM order_lines')),
});

describe('order totals', () => {
  it('defaults the unit price to the product price and stores the sum of the lines', async () => {
    const saved = await save(
      order({
        lines: [
          { productId: widget, quantity: 3 },
          { productId: gadget, quantity: 1 },
        ],
      }),
    );
    expect(saved.lines.map((line) => line.unitPriceMinor)).toEqual([1999, 500]);
    expect(saved.totalMinor).toBe(3 * 1999 + 500);
    expect(await totalInDb(saved.id)).toBe(6497);
    expect(saved.customerName).toBe('Acme');
  });

  it('applies line discounts and rounds each line half up to the minor unit', async () => {
    const saved = await save(
      order({
        lines: [
          // 3 × 333 = 999, 12.5 % off → 874.125 → 874
          { productId: widget, quantity: 3, unitPriceMinor: 333, discountBp: 1250 },
          // 1 × 5 at 10 % off → 4.5 → 5 (half up)
          { productId: gadget, quantity: 1, unitPriceMinor: 5, discountBp: 1000 },
          // 100 % off → 0
          { productId: gadget, quantity: 1, unitPriceMinor: 700, discountBp: 10000 },
        ],
      }),
    );
    expect(saved.lines.map((line) => line.lineTotalMinor)).toEqual([874, 5, 0]);
    expect(saved.totalMinor).toBe(879);
    expect(await totalInDb(saved.id)).toBe(879);
  });

  it('recomputes the total when lines change and when all lines are removed', async () => {
    const first = await save(order({ status: 'draft' }));
    const changed = await save({
      id: first.id,
      lines: [{ id: first.lines[0]!.id, productId: widget, quantity: 5 }],
    });
    expect(changed.totalMinor).toBe(5 * 1999);
    const emptied = await save({ id: first.id, lines: [] });
    expect(emptied.totalMinor).toBe(0);
    expect(emptied.lines).toEqual([]);
  });
});

describe('stock', () => {
  it('a draft takes nothing; confirming takes the quantities; cancelling returns them; un-cancelling takes them again', async () => {
    const draft = await save(order({ status: 'draft', lines: [{ productId: widget, quantity: 4 }] }));
    expect(await stockOf(engine, widget)).toBe(10);
    await save({ id: draft.id, status: 'confirmed' });
    expect(await stockOf(engine, widget)).toBe(6);
    await save({ id: draft.id, status: 'shipped' });
    expect(await stockOf(engine, widget)).toBe(6);
    await save({ id: draft.id, status: 'cancelled' });
    expect(await stockOf(engine, widget)).toBe(10);
    await save({ id: draft.id, status: 'completed' });
    expect(await stockOf(engine, widget)).toBe(6);
  });

  it('moves stock by the difference when quantities, lines and products change', async () => {
    const saved = await save(
      order({
        lines: [
          { productId: widget, quantity: 4 },
          { productId: gadget, quantity: 2 },
        ],
      }),
    );
    expect([await stockOf(engine, widget), await stockOf(engine, gadget)]).toEqual([6, 1]);
    const [w, g] = saved.lines;
    // Fewer widgets, the gadget line removed.
    await save({ id: saved.id, lines: [{ id: w!.id, productId: widget, quantity: 1 }] });
    expect([await stockOf(engine, widget), await stockOf(engine, gadget)]).toEqual([9, 3]);
    // The widget line becomes a gadget line.
    await save({ id: saved.id, lines: [{ id: w!.id, productId: gadget, quantity: 3 }] });
    expect([await stockOf(engine, widget), await stockOf(engine, gadget)]).toEqual([10, 0]);
    expect(g).toBeDefined();
  });

  it('refuses to go below zero, names the product, its stock and the quantity, and changes nothing', async () => {
    const saved = await save(order({ lines: [{ productId: gadget, quantity: 2 }] }));
    const before = await counts();
    const seq = engine.seq;
    const result = await api.saveOrder({
      id: saved.id,
      lines: [
        { id: saved.lines[0]!.id, productId: gadget, quantity: 3 },
        { productId: widget, quantity: 1 },
        { productId: gadget, quantity: 2 },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('insufficient_stock');
    // 1 left in stock + the 2 this order holds = 3 available; the lines ask for 5.
    expect(result.shortages).toEqual([
      {
        productId: gadget,
        productCode: 'G-1',
        productName: 'Gadget',
        available: 3,
        requested: 5,
        lines: [0, 2],
      },
    ]);
    expect(result.message).toContain('G-1 Gadget: 3 in stock, 5 requested');
    expect(result.fields).toEqual({
      'lines.0.quantity': 'insufficient_stock',
      'lines.2.quantity': 'insufficient_stock',
    });
    expect(engine.seq).toBe(seq);
    expect(await counts()).toEqual(before);
    expect([await stockOf(engine, gadget), await stockOf(engine, widget)]).toEqual([1, 10]);
    const reread = value(await api.getOrderWithLines(saved.id));
    expect(reread.lines.map((line) => line.quantity)).toEqual([2]);
    expect(reread.totalMinor).toBe(1000);
  });

  it('refuses confirming a draft that needs more than the stock', async () => {
    const draft = await save(order({ status: 'draft', lines: [{ productId: gadget, quantity: 9 }] }));
    const result = await api.saveOrder({ id: draft.id, status: 'confirmed' });
    expect(result.ok || result.code).toBe('insufficient_stock');
    expect(await stockOf(engine, gadget)).toBe(3);
    expect(value(await api.getOrderWithLines(draft.id)).status).toBe('draft');
  });

  it('allows taking the last unit and returning stock when it is already negative', async () => {
    const saved = await save(order({ lines: [{ productId: gadget, quantity: 3 }] }));
    expect(await stockOf(engine, gadget)).toBe(0);
    await exec(engine, 'UPDATE products SET stock = -2 WHERE id = ?', [gadget]);
    await save({ id: saved.id, lines: [{ id: saved.lines[0]!.id, productId: gadget, quantity: 1 }] });
    expect(await stockOf(engine, gadget)).toBe(0);
  });
});

describe('validation', () => {
  it('reports every bad field at once, per line, and writes nothing', async () => {
    const seq = engine.seq;
    const result = await api.saveOrder({
      customerId: 999,
      orderDate: '2026-02-30',
      status: 'paid' as never,
      lines: [
        { productId: widget, quantity: 0 },
        { productId: widget, quantity: 1.5, discountBp: 10001 },
        { productId: 424242, quantity: 1, unitPriceMinor: -1 },
        { productId: undefined as never, quantity: 1 },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('validation');
    expect(result.fields).toEqual({
      customerId: 'not_found',
      orderDate: 'invalid_date',
      status: 'invalid_choice',
      'lines.0.quantity': 'out_of_range',
      'lines.1.quantity': 'invalid_number',
      'lines.1.discountBp': 'out_of_range',
      'lines.2.unitPriceMinor': 'out_of_range',
      'lines.2.productId': 'not_found',
      'lines.3.productId': 'required',
    });
    expect(engine.seq).toBe(seq);
    expect(await counts()).toEqual({ orders: 0, lines: 0 });
  });

  it('requires customer, date and status for a new order', async () => {
    const result = await api.saveOrder({ lines: [] });
    expect(!result.ok && result.fields).toEqual({
      customerId: 'required',
      orderDate: 'required',
      status: 'required',
    });
  });

  it('refuses a withdrawn product on a new line but keeps it on an existing one', async () => {
    const old = await addProduct(engine, 'OLD', { price: 100, stock: 5 });
    const saved = await save(order({ lines: [{ productId: old, quantity: 1 }] }));
    await exec(engine, 'UPDATE products SET active = 0 WHERE id = ?', [old]);
    const kept = await api.saveOrder({
      id: saved.id,
      lines: [{ id: saved.lines[0]!.id, productId: old, quantity: 2 }],
    });
    expect(kept.ok).toBe(true);
    const added = await api.saveOrder({
      id: saved.id,
      lines: [...saved.lines, { productId: old, quantity: 1 }],
    });
    expect(!added.ok && added.fields).toEqual({ 'lines.1.productId': 'inactive' });
  });

  it('refuses a line id of another order, a used order number and a contact of another customer', async () => {
    const beta = await addCustomer(engine, 'Beta');
    const other = await save(order({ customerId: beta, orderNo: 'SO-1' }));
    const contact = Number(
      await exec(engine, "INSERT INTO contacts (customer_id, name) VALUES (?, 'Bo') RETURNING id", [beta]),
    );
    const result = await api.saveOrder(
      order({
        orderNo: ' SO-1 ',
        contactId: contact,
        lines: [{ id: other.lines[0]!.id, productId: widget, quantity: 1 }],
      }),
    );
    expect(!result.ok && result.fields).toEqual({
      orderNo: 'duplicate',
      contactId: 'invalid_choice',
      'lines.0.id': 'not_found',
    });
  });

  it('asks for a price when the product is priced in another currency', async () => {
    const usd = await addProduct(engine, 'USD-1', { price: 100, currency: 'USD' });
    const result = await api.saveOrder(order({ lines: [{ productId: usd, quantity: 1 }] }));
    expect(!result.ok && result.fields).toEqual({ 'lines.0.unitPriceMinor': 'required' });
    expect(
      (await api.saveOrder(order({ lines: [{ productId: usd, quantity: 1, unitPriceMinor: 720 }] }))).ok,
    ).toBe(true);
  });

  it('records the acting user as the owner of a new order', async () => {
    const user = Number(
      await exec(engine, "INSERT INTO users (name, email) VALUES ('Li', 'li@example.com') RETURNING id"),
    );
    runtime.actorId = user;
    try {
      expect((await save(order())).ownerId).toBe(user);
    } finally {
      runtime.actorId = null;
    }
  });
});

describe('deleting orders', () => {
  it('refuses to delete an order that holds stock', async () => {
    const saved = await save(order());
    const result = await api.deleteOrder(saved.id);
    expect(result.ok || result.code).toBe('order_holds_stock');
    expect(await counts()).toEqual({ orders: 1, lines: 1 });
    expect(await stockOf(engine, widget)).toBe(8);
  });

  it('deletes a cancelled order with its lines; undo brings them back and the stock stays right', async () => {
    const saved = await save(order());
    await save({ id: saved.id, status: 'cancelled' });
    expect(await stockOf(engine, widget)).toBe(10);
    const receipt = value(await api.deleteOrder(saved.id));
    expect(receipt.removedRows).toBe(2);
    expect(await counts()).toEqual({ orders: 0, lines: 0 });
    await engine.undoDelete(receipt.undoSeq);
    expect(await counts()).toEqual({ orders: 1, lines: 1 });
    expect(await stockOf(engine, widget)).toBe(10);
    // The restored order is cancelled: confirming it again takes the stock again.
    await save({ id: saved.id, status: 'confirmed' });
    expect(await stockOf(engine, widget)).toBe(8);
  });

  it('says when the order does not exist', async () => {
    const result = await api.deleteOrder(12345);
    expect(result.ok || result.code).toBe('not_found');
  });
});

describe('product search', () => {
  it('finds active products by code or name, code prefixes first', async () => {
    await addProduct(engine, 'X-WIDGET', { name: 'Other' });
    await addProduct(engine, 'WX-9', { name: 'Gone', active: 0 });
    const found = value(await api.searchProducts('w', 10)).map((product) => product.code);
    expect(found).toEqual(['W-1', 'X-WIDGET']);
    const byName = value(await api.searchProducts('gadg', 10)).map((product) => product.code);
    expect(byName).toEqual(['G-1']);
    expect(value(await api.searchProducts('%', 10))).toEqual([]);
  });
});
