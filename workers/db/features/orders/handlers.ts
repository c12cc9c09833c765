/** Implements {@link OrdersApi} in the DB worker. */
import { guard, nowIso, runtime } from '../../runtime';
import type { OrdersApi, StockShortage } from './api';
import { getOrderWithLines, searchProducts } from './order-reads';
import { contractsDueForRenewal } from './renewals';
import { deleteOrder, saveOrder, StockShortageError } from './save-order';

export const ordersHandlers: OrdersApi = {
  getOrderWithLines: (orderId) => guard((e) => e.read((db) => getOrderWithLines(db, orderId))),

  saveOrder: async (input) => {
    // guard() keeps only code, message and fields of a DomainError; the shortages ride along beside them.
    let shortages: StockShortage[] | undefined;
    const result = await guard((e) =>
      e.write((db) => {
        try {
          return getOrderWithLines(db, saveOrder(db, input, nowIso(), runtime.actorId));
        } catch (error) {
          if (error instanceof StockShortageError) shortages = error.shortages;
          throw error;
        }
      }),
    );
    return !result.ok && result.code === 'insufficient_stock' && shortages
      ? { ...result, shortages }
      : result;
  },

  deleteOrder: (orderId) =>
    guard(async (e) => {
      const { value: removedRows, seq } = await e.write((db) => deleteOrder(db, orderId));
      return { undoSeq: seq, removedRows };
    }),

  searchProducts: (text, limit) => guard((e) => e.read((db) => searchProducts(db, text, limit))),

  contractsDueForRenewal: (query) => guard((e) => e.read((db) => contractsDueForRenewal(db, query))),
};
