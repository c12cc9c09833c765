/** Implements {@link SearchApi} in the DB worker. */
import { guard } from '../../runtime';
import type { SearchApi } from './api';
import { search } from './query';

export const searchHandlers: SearchApi = {
  search: (query, options) => guard((e) => e.read((db) => search(db, query, options))),
};
