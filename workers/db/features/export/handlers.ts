/** Implements {@link ExportApi} in the DB worker. */
import { guard } from '../../runtime';
import type { ExportApi } from './api';
import { exportCustomerList } from './list-export';

export const exportHandlers: ExportApi = {
  exportCustomerList: (request, onProgress) =>
    guard((engine) => exportCustomerList(engine, request, onProgress)),
};
